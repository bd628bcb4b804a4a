export { FileStore } from './file-store.js';
export {
  KEYRING_ENTRY_OPTIONS,
  KEYRING_SERVICE,
  KeyringStore,
  type KeyringEntry,
  type KeyringModule,
} from './keyring-store.js';
export { openSecretStore, type OpenSecretStoreOptions } from './open-secret-store.js';
export { openSessionStore } from './open-session-store.js';
export { quoteHost, unquoteHost } from './quote-host.js';
export type { SecretStore } from './secret-store.js';
export { formatProps, parseProps, STORE_KEY, type SessionProps } from './session-props.js';
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  SessionStore,
  type CurrentSession,
  type StoredSession,
} from './session-store.js';
export { SessionStoreError } from './session-store-error.js';
