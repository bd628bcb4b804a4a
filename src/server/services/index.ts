import { AdminService } from './admin/admin-service.js';
import type { LdapDirectory } from '../auth/ldap/index.js';
import { FactoryService } from './factory-service.js';
import { LdapService } from './ldap/index.js';
import { SessionAdminService } from './session-admin-service.js';
import { ContainerService } from './query/container-service.js';
import { QueryService } from './query/query-service.js';
import { UpdateService } from './update/update-service.js';

/** A service whose methods can be called remotely: only the names in `REMOTE`. */
export interface RemoteServiceClass {
  readonly REMOTE: readonly string[];
}

/** The remote services by their OMERO names; `ldap` is the directory, or null while LDAP is off. */
export function createServices(ldap: LdapDirectory | null = null): Record<string, object> {
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
