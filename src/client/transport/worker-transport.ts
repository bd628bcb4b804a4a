import type { DatabaseConfig } from '../../server/db/database-config.js';
import { ThreadTransport } from './thread-transport.js';

/**
 * The server in a worker thread of this process (the in-process mode): no server process, the
 * database opened by this process. For programs and tests that want nothing in the background.
 */
export class WorkerTransport extends ThreadTransport {
  /** `env` is the server's environment (its `OMERO_LDAP_*` settings); default this process's. */
  constructor(config: DatabaseConfig, options: { readonly env?: NodeJS.ProcessEnv } = {}) {
    super({ module: 'server/worker/server-worker', bundle: 'server-worker', start: 'serveRequests', data: { config }, env: options.env });
  }
}
