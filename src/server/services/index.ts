import type { Served, ServiceContracts, ServiceName } from '../../contract/index.js';
import type { CallContext } from '../call/call-context.js';
import { AdminService } from './admin/admin-service.js';
import type { LdapDirectory } from '../auth/ldap/index.js';
import { FactoryService } from './factory-service.js';
import { LdapService } from './ldap/index.js';
import { SessionAdminService } from './session-admin-service.js';
import { ContainerService } from './query/container-service.js';
import { QueryService } from './query/query-service.js';
import { UpdateService } from './update/update-service.js';

/** The server's side of every contract, by service name. */
export type ServedServices = { readonly [S in ServiceName]: Served<ServiceContracts[S], CallContext> };

/** The remote services by their OMERO names; `ldap` is the directory, or null while LDAP is off. */
export function createServices(ldap: LdapDirectory | null = null): ServedServices {
  return {
    IAdmin: new AdminService(ldap),
    ILdap: new LdapService(ldap),
    IUpdate: new UpdateService(),
    IQuery: new QueryService(),
    IContainer: new ContainerService(),
    ServiceFactory: new FactoryService(),
    ISession: new SessionAdminService(),
  };
}

export { AdminService, ContainerService, FactoryService, LdapService, QueryService, UpdateService };
export { SessionService, findLiveSession, type SessionInfo, type LoginOptions } from './session-service.js';
