import type { MethodName } from './call-shapes.js';
import type { IAdmin } from './i-admin.js';
import type { IContainer } from './i-container.js';
import type { ILdap } from './i-ldap.js';
import type { IQuery } from './i-query.js';
import type { IServiceFactory } from './i-service-factory.js';
import type { ISession } from './i-session.js';
import type { IUpdate } from './i-update.js';

/** Every remote service by the name a call carries on the wire. */
export interface ServiceContracts {
  readonly IAdmin: IAdmin;
  readonly IQuery: IQuery;
  readonly IUpdate: IUpdate;
  readonly IContainer: IContainer;
  readonly ISession: ISession;
  readonly ILdap: ILdap;
  readonly ServiceFactory: IServiceFactory;
}

/** The names under which services can be called. */
export type ServiceName = keyof ServiceContracts;

/**
 * How the server runs a method: `query` straight on the pool, with the caller's facts from the
 * server's cache, which the query's own statement proves current (reads decide nothing, and under
 * READ COMMITTED every statement reads its own snapshot anyway); `read` straight on the pool too,
 * under cached facts proven by one more statement after its last (the IAdmin lookups, whose
 * statements cannot each carry the proof); `transaction` in one SERIALIZABLE transaction, rerun on
 * a serialization failure.
 */
export type CallKind = 'query' | 'read' | 'transaction';

type MethodTable = { readonly [S in ServiceName]: { readonly [M in MethodName<ServiceContracts[S]>]: CallKind } };

const Q = 'query';
const R = 'read';
const T = 'transaction';

/**
 * The methods the server dispatches, and how it runs each. Typed by the contracts: a method
 * missing here, or one here that no contract has, is a compile error, so this is the contract's
 * runtime shadow rather than a second list to keep by hand.
 */
export const SERVICE_METHODS: MethodTable = Object.freeze({
  IAdmin: {
    getEventContext: R, getSecurityRoles: R, lookupExperimenter: R, getExperimenter: R, lookupExperimenters: R,
    lookupGroup: R, getGroup: R, lookupGroups: R, containedExperimenters: R, containedGroups: R, getDefaultGroup: R,
    getMemberOfGroupIds: R, getLeaderOfGroupIds: R, getAdminPrivileges: R, getCurrentAdminPrivileges: R,
    lookupLdapAuthExperimenter: T, lookupLdapAuthExperimenters: T, createGroup: T, createUser: T, createSystemUser: T,
    createExperimenter: T, createExperimenterWithPassword: T, addGroups: T, removeGroups: T, setDefaultGroup: T,
    setGroupOwner: T, unsetGroupOwner: T, addGroupOwners: T, removeGroupOwners: T, changePassword: T,
    changePasswordWithOldPassword: T, changeUserPassword: T, updateSelf: T, updateExperimenter: T, updateGroup: T,
    changePermissions: T, importExperimenters: T, importGroups: T, createRestrictedSystemUser: T,
    createRestrictedSystemUserWithPassword: T, setAdminPrivileges: T, getAdminsWithPrivileges: R, getAuditLog: T,
    requireAdminPrivileges: T,
  },
  IQuery: { findAllByQuery: Q, findByQuery: Q, projection: Q, get: Q, find: Q, findAll: Q, findByString: Q, findAllByString: Q },
  IContainer: { loadContainerHierarchy: Q, getImages: Q, findContainerHierarchies: Q },
  IUpdate: { saveAndReturnObject: T, saveObject: T, saveArray: T, saveAndReturnArray: T, saveAndReturnIds: T, deleteObject: T },
  ISession: { getSession: T, getCurrentSessions: T, closeSession: T, updateTimeToIdle: T, createSessionFor: T },
  ILdap: { getSetting: T, findDN: T, findGroupDN: T, discover: T, discoverGroups: T, createUser: T },
  ServiceFactory: { setSecurityContext: T, getSecurityContexts: T, setSecurityPassword: T, keepAlive: T, submit: T },
});

/**
 * How `service.method` runs, or undefined when the contract has no such method. Only own
 * properties count, so names such as `constructor`, `toString` or `__proto__` are never dispatched.
 */
export function callKindOf(service: string, method: string): CallKind | undefined {
  if (!Object.hasOwn(SERVICE_METHODS, service)) return undefined;
  const methods = SERVICE_METHODS[service as ServiceName] as Readonly<Record<string, CallKind>>;
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}
