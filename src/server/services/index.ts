import { AdminService } from './admin/admin-service.js';
import { FactoryService } from './factory-service.js';
import { SessionAdminService } from './session-admin-service.js';
import { ContainerService } from './query/container-service.js';
import { QueryService } from './query/query-service.js';
import { UpdateService } from './update/update-service.js';

/** A service whose methods can be called remotely: only the names in `REMOTE`. */
export interface RemoteServiceClass {
  readonly REMOTE: readonly string[];
}

/** The remote services by their OMERO names. */
export function createServices(): Record<string, object> {
  return {
    IAdmin: new AdminService(),
    IUpdate: new UpdateService(),
    IQuery: new QueryService(),
    IContainer: new ContainerService(),
    ServiceFactory: new FactoryService(),
    ISession: new SessionAdminService(),
  };
}

export { AdminService, ContainerService, FactoryService, QueryService, UpdateService };
export { SessionService, findLiveSession, type SessionInfo, type LoginOptions } from './session-service.js';
