import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { productVersion } from './product-version.js';

/**
 * A hash of what makes one server different from another for the same user directory: the
 * version, the database (`OMERO_DB_URL`) and the LDAP settings (`OMERO_LDAP_*`). A client
 * compares it with the auto-started server's, and replaces a server started with other
 * settings instead of silently using it. Hashed, so the state file holds no password. SHA-256 in
 * JavaScript (@noble/hashes), not node:crypto: loading Node's crypto took 4 ms of every
 * command's start, and a command needs nothing else from it.
 */
export function settingsFingerprint(env: NodeJS.ProcessEnv = process.env): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify([productVersion(), serverSettings(env)])))).slice(0, 32);
}

/** The settings of `env` that a server is started with, sorted by name. */
export function serverSettings(env: NodeJS.ProcessEnv): Array<[string, string | undefined]> {
  return Object.entries(env)
    .filter(([k, v]) => (k === 'OMERO_DB_URL' || k.startsWith('OMERO_LDAP_')) && v !== undefined && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
