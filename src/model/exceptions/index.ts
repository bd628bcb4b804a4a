/** Exceptions exposed as `omero.*` (server and client side) and `Glacier2.*`. */
export { IceUserException, type IceExceptionClass } from './ice-user-exception.js';
export { ServerError, InternalException, ResourceError, type ServerErrorInit } from './server-error.js';
export { ApiUsageException, OverUsageException, QueryException, ValidationException } from './api-usage-exception.js';
export {
  SecurityViolation,
  GroupSecurityViolation,
  PermissionMismatchGroupSecurityViolation,
  ReadOnlyGroupSecurityViolation,
} from './security-violation.js';
export {
  SessionException,
  RemovedSessionException,
  SessionTimeoutException,
  ShutdownInProgress,
} from './session-exception.js';
export {
  ConcurrencyException,
  ConcurrentModification,
  DatabaseBusyException,
  OptimisticLockException,
  LockTimeout,
  TryAgain,
  MissingPyramidException,
} from './concurrency-exception.js';
export { ClientError, CmdError, UnloadedEntityException, UnloadedCollectionException } from './client-error.js';
export {
  IceLocalException,
  ConnectionRefusedException,
  ConnectionLostException,
  DNSException,
  ProtocolException,
} from './ice-local-exceptions.js';
export {
  PermissionDeniedException,
  CannotCreateSessionException,
  AuthenticationException,
  ExpiredCredentialException,
  WrappedCreateSessionException,
} from './glacier2-exceptions.js';
