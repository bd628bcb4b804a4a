export type { ArgsOf, Async, Blocking, Ctx, MethodName, ResultOf, Served } from './call-shapes.js';
export type { Id, Str } from './argument-types.js';
export type { AuditQuery, AuditRecord } from './audit-types.js';
export type { IAdmin, LdapAuthExperimenter } from './i-admin.js';
export type { GroupImportRow, GroupRef, ImportOptions, ImportRowResult, ImportStatus, UserImportRow } from './import-types.js';
export type { IContainer } from './i-container.js';
export type { ILdap } from './i-ldap.js';
export type { IQuery, Params } from './i-query.js';
export type { IServiceFactory, SubmitResult } from './i-service-factory.js';
export type { CurrentSessionRow, ISession, OpenedSession } from './i-session.js';
export type { IUpdate } from './i-update.js';
export { SERVICE_METHODS, callKindOf, type CallKind, type ServiceContracts, type ServiceName } from './service-contracts.js';
export {
  DEFAULT_PORT,
  PROTOCOL_VERSION,
  type CallContextMap,
  type CloseRequest,
  type InvokeRequest,
  type JoinRequest,
  type LoginRequest,
  type PingRequest,
  type ServerReply,
  type ServerRequest,
  type SessionInfo,
} from './protocol.js';
export { MAX_FRAME_BYTES, PRODUCT, replyFrame, replyFrameId, type ClientFrame, type Hello, type ServerFrame } from './socket-frames.js';
export { replyToCaller, type ThreadCancel, type ThreadEnvelope, type ThreadReply } from './thread-messages.js';
