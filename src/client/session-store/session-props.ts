/**
 * A session's properties as stored in its file: `omero.host`, `omero.user`, `omero.sess`,
 * optionally `omero.group`, `omero.port`, `omero.timeout`, `omero.sudo` (reference cli §9.1).
 */
export type SessionProps = Readonly<Record<string, string>>;

/**
 * Where the session key lives, written as `omero.sess.store=keyring` in place of `omero.sess`
 * when the key is in the OS keyring. Absent for files in omero-py's own format.
 */
export const STORE_KEY = 'omero.sess.store';

/** The keys omero-py writes before any others, in its order. */
const LEADING = ['omero.group', 'omero.host', 'omero.user', 'omero.port', 'omero.timeout'];
/** The keys omero-py writes last: `omero.sess` (or our store marker) then `omero.sudo`. */
const TRAILING = ['omero.sess', STORE_KEY, 'omero.sudo'];

/**
 * Serialises properties the way omero-py's `SessionsStore.add` does: one `key=value` line each,
 * every line `\n`-terminated, in the order `omero.group`, `omero.host`, `omero.user`,
 * `omero.port`, `omero.timeout`, any other keys (in insertion order), `omero.sess`, `omero.sudo`.
 * Keys or values that would break the line format are refused.
 */
export function formatProps(props: SessionProps): string {
  const keys = Object.keys(props);
  const middle = keys.filter((k) => !LEADING.includes(k) && !TRAILING.includes(k));
  const order = [...LEADING, ...middle, ...TRAILING].filter((k) => props[k] !== undefined);
  let text = '';
  for (const key of order) {
    const value = props[key] as string;
    if (key === '' || /[=\r\n]/.test(key)) throw new Error(`invalid session property name ${JSON.stringify(key)}`);
    if (/[\r\n]/.test(value)) throw new Error(`invalid value for session property ${key}: ${JSON.stringify(value)}`);
    text += `${key}=${value}\n`;
  }
  return text;
}

/**
 * Parses a session file as omero-py's `SessionsStore.props` does: lines split on `\n`, blank ones
 * skipped, each split on its first `=` (a line without one maps to `""`); a later duplicate wins.
 */
export function parseProps(text: string): Record<string, string> {
  const props = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) props.set(line, '');
    else props.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return Object.fromEntries(props); // own data properties, even for a key named __proto__
}
