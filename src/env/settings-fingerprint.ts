import { createHash } from 'node:crypto';
import { productVersion } from './product-version.js';

/**
 * A hash of what makes one server different from another for the same user directory: the
 * version, the database (`OMERO_DB_URL`) and the LDAP settings (`OMERO_LDAP_*`). A client
 * compares it with the auto-started server's, and replaces a server started with other
 * settings instead of silently using it. Hashed, so the state file holds no password.
 */
export function settingsFingerprint(env: NodeJS.ProcessEnv = process.env): string {
  const relevant = Object.entries(env)
    .filter(([k]) => k === 'OMERO_DB_URL' || k.startsWith('OMERO_LDAP_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([productVersion(), relevant])).digest('hex').slice(0, 32);
}
