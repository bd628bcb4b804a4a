import { DEFAULT_PORT as CONTRACT_DEFAULT_PORT } from '../../contract/index.js';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FileStore } from './file-store.js';
import { quoteHost, unquoteHost } from './quote-host.js';
import type { SecretStore } from './secret-store.js';
import { formatProps, parseProps, STORE_KEY, type SessionProps } from './session-props.js';
import { SessionStoreError } from './session-store-error.js';
import { readTextFile, removeFile, secureDir, writeFileAtomic } from './secure-fs.js';

/** OMERO's default Glacier2 port (`omero.constants.GLACIER2PORT`), as omero-py stores it. */
export const DEFAULT_PORT = String(CONTRACT_DEFAULT_PORT);
/** The host omero-py falls back to when `._LASTHOST_` is missing or empty. */
export const DEFAULT_HOST = 'localhost';

const LAST_HOST = '._LASTHOST_';
const LAST_PORT = '._LASTPORT_';
const LAST_USER = '._LASTUSER_';
const LAST_SESS = '._LASTSESS_';

/** The current-session pointer (omero-py `get_current()` plus its `last_host()` default). */
export interface CurrentSession {
  /** `._LASTHOST_`, or `localhost` when none is stored. */
  readonly host: string;
  /** `<host>/._LASTUSER_`; read only when a host is stored, else null. */
  readonly user: string | null;
  /** The session key `<host>/<user>/._LASTSESS_` points to; read only when a user is known. */
  readonly uuid: string | null;
  /** `._LASTPORT_`, or `4064` when none is stored. */
  readonly port: string;
}

/** One stored session, as `list()` and `clear()` report it. */
export interface StoredSession {
  /** The server host (the directory name, unquoted). */
  readonly host: string;
  /** The login name (the directory name). */
  readonly user: string;
  /** The session key; null when it lives in a keyring this process cannot use, or is unreadable. */
  readonly uuid: string | null;
  /** The file's properties, with `omero.sess` set to the key when it is known. */
  readonly props: SessionProps;
  /** The session file's path. */
  readonly file: string;
}

/** A session file as found on disk. */
interface Entry {
  readonly fileId: string;
  readonly props: Record<string, string>;
  /** `omero.sess.store=keyring`: the key is not in the file. */
  readonly keyring: boolean;
}

/** Names that are safe as one path segment and not bookkeeping (dot) files. */
function isFileName(name: string): boolean {
  return name !== '' && !name.startsWith('.') && !/[/\\\0]/.test(name);
}

/** User directory names: one path segment, not `.` or `..`. */
function isUserName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/**
 * OMERO's client-side session store, byte-compatible with omero-py's `SessionsStore`
 * (reference cli §9.1):
 *
 * ```
 * <dir>/._LASTHOST_                    last host (raw)
 * <dir>/._LASTPORT_                    last port
 * <dir>/<quoted host>/._LASTUSER_      last user for that host
 * <dir>/<quoted host>/<user>/._LASTSESS_   last session file id for host+user
 * <dir>/<quoted host>/<user>/<file id> session properties, key=value lines
 * ```
 *
 * With the default {@link FileStore} the file id is the session key, exactly as omero-py. With a
 * `KeyringStore` new sessions get a random file id, the file says `omero.sess.store=keyring`
 * instead of `omero.sess=<key>`, and the key is in the OS keyring; every method still takes and
 * returns keys. Files in omero-py's format are read in either mode.
 *
 * Directories are created 0700 (and chmodded to 0700 when group/others have access); files are
 * written 0600 atomically. A session file or `._LASTSESS_` that group/others may access is
 * refused with a `SessionStoreError` asking for `chmod 600`. Every method is async.
 */
export class SessionStore {
  /** The sessions directory (`omeroDirs(env).sessionDir`). */
  readonly dir: string;
  /** Where keys are kept. */
  readonly secrets: SecretStore;
  #ready: Promise<void> | undefined;

  constructor(dir: string, secrets: SecretStore = new FileStore()) {
    this.dir = dir;
    this.secrets = secrets;
  }

  /** The current host, user, key and port; see {@link CurrentSession} for the defaults. */
  async getCurrent(): Promise<CurrentSession> {
    await this.#init();
    const stored = await this.#readPointer(join(this.dir, LAST_HOST), false);
    const port = await this.lastPort();
    if (stored === null) return { host: DEFAULT_HOST, user: null, uuid: null, port };
    const user = await this.#readPointer(join(this.#hostDir(stored), LAST_USER), false);
    if (user === null || !isUserName(user)) return { host: stored, user, uuid: null, port };
    const pointer = await this.#readPointer(join(this.#userDir(stored, user), LAST_SESS), true);
    const uuid = pointer === null ? null : await this.#resolvePointer(stored, user, pointer);
    return { host: stored, user, uuid, port };
  }

  /** `._LASTHOST_`, or `localhost` (omero-py `last_host()`). */
  async lastHost(): Promise<string> {
    await this.#init();
    return (await this.#readPointer(join(this.dir, LAST_HOST), false)) ?? DEFAULT_HOST;
  }

  /** `._LASTPORT_`, or `4064` (omero-py `last_port()`). */
  async lastPort(): Promise<string> {
    await this.#init();
    return (await this.#readPointer(join(this.dir, LAST_PORT), false)) ?? DEFAULT_PORT;
  }

  /**
   * Moves the current-session pointer (omero-py `set_current`): writes `._LASTHOST_` when `host`
   * is given, `._LASTPORT_` (props' `omero.port`, else 4064) when `props` is given,
   * `._LASTUSER_` when `user` is given and `._LASTSESS_` when `uuid` is given too. With a keyring
   * the session must have been stored first (its file id is what `._LASTSESS_` records).
   */
  async setCurrent(
    host: string,
    user?: string | null,
    uuid?: string | null,
    props?: SessionProps,
  ): Promise<void> {
    await this.#init();
    let sessPointer: string | undefined;
    if (user != null) {
      this.#checkNames(host, user);
      if (uuid != null) {
        const found = await this.#locate(host, user, uuid);
        if (found) sessPointer = found.fileId;
        else if (this.secrets.kind === 'file' && isFileName(uuid)) sessPointer = uuid;
        else throw new SessionStoreError(`Cannot make an unstored session current for ${user}@${host}`);
      }
    }
    await writeFileAtomic(join(this.dir, LAST_HOST), host);
    if (props !== undefined) {
      await writeFileAtomic(join(this.dir, LAST_PORT), props['omero.port'] ?? DEFAULT_PORT);
    }
    if (user != null) {
      await secureDir(this.#hostDir(host), true);
      await writeFileAtomic(join(this.#hostDir(host), LAST_USER), user);
      if (sessPointer !== undefined) {
        await secureDir(this.#userDir(host, user), true);
        await writeFileAtomic(join(this.#userDir(host, user), LAST_SESS), sessPointer);
      }
    }
  }

  /**
   * Stores a session (omero-py `add`): `omero.host`, `omero.user` and `omero.sess` are set from
   * the arguments, the other props are written as given (`omero.sudo` included). Re-adding a key
   * overwrites its file. Returns the session file's path.
   */
  async add(host: string, user: string, uuid: string, props: SessionProps): Promise<string> {
    this.#checkNames(host, user);
    if (uuid === '') throw new Error('empty session key');
    await this.#init();
    const dir = this.#userDir(host, user);
    await secureDir(this.#hostDir(host), true);
    await secureDir(dir, true);

    const existing = await this.#locate(host, user, uuid);
    const fileId = await this.secrets.save(host, user, uuid, existing?.keyring ? existing.fileId : undefined);
    if (!isFileName(fileId)) throw new Error(`invalid session file name ${JSON.stringify(fileId)}`);
    const content: Record<string, string> = { ...props, 'omero.host': host, 'omero.user': user };
    delete content['omero.sess'];
    delete content[STORE_KEY];
    if (this.secrets.kind === 'keyring') content[STORE_KEY] = 'keyring';
    else content['omero.sess'] = uuid;

    const file = join(dir, fileId);
    try {
      await writeFileAtomic(file, formatProps(content));
    } catch (err) {
      if (fileId !== existing?.fileId) await this.secrets.delete(host, user, fileId).catch(() => undefined);
      throw err;
    }
    if (existing && existing.fileId !== fileId) {
      // The session moved between schemes (files ↔ keyring): drop the old copy.
      await removeFile(join(dir, existing.fileId));
      if (existing.keyring && this.secrets.kind === 'keyring') {
        await this.secrets.delete(host, user, existing.fileId).catch(() => undefined);
      }
    }
    return file;
  }

  /** The stored properties of a session (with `omero.sess` = the key), or null if not stored. */
  async get(host: string, user: string, uuid: string): Promise<SessionProps | null> {
    await this.#init();
    const found = await this.#locate(host, user, uuid);
    if (!found) return null;
    return found.keyring ? { ...found.props, 'omero.sess': uuid } : found.props;
  }

  /** Whether a session file exists for this key (omero-py `exists`). */
  async exists(host: string, user: string, uuid: string): Promise<boolean> {
    return (await this.sessionFile(host, user, uuid)) !== null;
  }

  /** The path of the session's file, or null when it is not stored. */
  async sessionFile(host: string, user: string, uuid: string): Promise<string | null> {
    await this.#init();
    const found = await this.#locate(host, user, uuid);
    return found ? join(this.#userDir(host, user), found.fileId) : null;
  }

  /**
   * The keys stored for host/user (omero-py `available`), sorted by file name; dot files are
   * bookkeeping and never listed. Keys in a keyring this process cannot use are left out.
   */
  async available(host: string, user: string): Promise<string[]> {
    await this.#init();
    const keys: string[] = [];
    for (const entry of await this.#entries(host, user)) {
      const uuid = await this.#resolve(host, user, entry);
      if (uuid !== null) keys.push(uuid);
    }
    return keys;
  }

  /**
   * Deletes a session file (and its keyring entry), and `._LASTSESS_` when it pointed to that
   * session (omero-py `remove`). Returns whether a session file was deleted.
   */
  async remove(host: string, user: string, uuid: string | null): Promise<boolean> {
    if (uuid == null || !isUserName(user) || host === '') return false;
    await this.#init();
    const dir = this.#userDir(host, user);
    if (!(await secureDir(dir, false))) return false;
    const found = await this.#locate(host, user, uuid);
    let removed = false;
    if (found) {
      removed = await removeFile(join(dir, found.fileId));
      if (found.keyring && this.secrets.kind === 'keyring') await this.secrets.delete(host, user, found.fileId);
    }
    const pointer = await this.#readPointer(join(dir, LAST_SESS), true);
    if (pointer !== null && (pointer === uuid || pointer === found?.fileId)) {
      await removeFile(join(dir, LAST_SESS));
    }
    return removed;
  }

  /** Every stored session, by host, user and file name (omero-py `walk`/`contents`). */
  async list(): Promise<StoredSession[]> {
    return this.#walk(true);
  }

  /**
   * Deletes every session file and keyring entry, keeping the bookkeeping files, and returns what
   * was removed so the caller can kill those sessions on the server (omero-py `clear()` kills
   * first; here the caller does it with the returned keys). Files it cannot read (too-open
   * modes) are deleted too, reported with a null key.
   */
  async clear(): Promise<StoredSession[]> {
    const sessions = await this.#walk(false);
    for (const s of sessions) {
      await removeFile(s.file);
      if (s.props[STORE_KEY] === 'keyring' && this.secrets.kind === 'keyring') {
        await this.secrets.delete(s.host, s.user, basename(s.file)).catch(() => undefined);
      }
    }
    return sessions;
  }

  /**
   * Compares stored and new properties (omero-py `conflicts`): `omero.port`, then `omero.group`
   * when `checkGroup`. A missing port and `4064` do not conflict; with `ignoreNulls` a missing
   * new value matches anything. Returns `''` or e.g. `omero.port: 4064!=4065; omero.group: a!=b`,
   * printing `None` for a missing value.
   */
  async conflicts(
    host: string,
    user: string,
    uuid: string,
    newProps: Readonly<Record<string, string | null | undefined>>,
    ignoreNulls = false,
    checkGroup = true,
  ): Promise<string> {
    const old = (await this.get(host, user, uuid)) ?? {};
    const keys = checkGroup ? ['omero.port', 'omero.group'] : ['omero.port'];
    const parts: string[] = [];
    for (const key of keys) {
      const was = old[key] ?? null;
      const now = newProps[key] ?? null;
      if (ignoreNulls && now === null) continue;
      if (key === 'omero.port' && was !== now && (was ?? DEFAULT_PORT) === (now ?? DEFAULT_PORT)) continue;
      if (was !== now) parts.push(`${key}: ${was ?? 'None'}!=${now ?? 'None'}`);
    }
    return parts.join('; ');
  }

  /**
   * Which host and user a stored key belongs to (omero-py `find_name_by_key`, but using the
   * quoted host directory and searching every host when none is given). Null when not stored;
   * throws when the key is stored under more than one name.
   */
  async find(key: string, host?: string): Promise<{ host: string; user: string } | null> {
    await this.#init();
    if (!isFileName(key)) return null;
    const hosts = host === undefined ? await this.#hosts() : host === '' ? [] : [host];
    const found: { host: string; user: string }[] = [];
    for (const h of hosts) {
      for (const user of await this.#subdirs(this.#hostDir(h))) {
        if (isUserName(user) && (await this.#locate(h, user, key))) found.push({ host: h, user });
      }
    }
    if (found.length > 1) {
      throw new SessionStoreError(`Multiple names found for uuid=${key}: ${found.map((f) => f.user).join(', ')}`);
    }
    return found[0] ?? null;
  }

  // --- internals -----------------------------------------------------------------------------

  #init(): Promise<void> {
    this.#ready ??= secureDir(this.dir, true).then(
      () => undefined,
      (err: unknown) => {
        this.#ready = undefined;
        throw err;
      },
    );
    return this.#ready;
  }

  #hostDir(host: string): string {
    return join(this.dir, quoteHost(host));
  }

  #userDir(host: string, user: string): string {
    return join(this.#hostDir(host), user);
  }

  #checkNames(host: string, user: string): void {
    if (host === '') throw new Error('empty host');
    if (!isUserName(user)) throw new Error(`invalid user name for the session store: ${JSON.stringify(user)}`);
  }

  /** A pointer file's stripped text, or null when missing or empty. */
  async #readPointer(path: string, secret: boolean): Promise<string | null> {
    const text = (await readTextFile(path, secret))?.trim();
    return text ? text : null;
  }

  /** `._LASTSESS_` holds a file id: a keyring file's id resolves through the keyring. */
  async #resolvePointer(host: string, user: string, pointer: string): Promise<string | null> {
    if (!isFileName(pointer)) return pointer;
    const text = await readTextFile(join(this.#userDir(host, user), pointer), true);
    if (text === null) return pointer; // omero-py returns the pointer even when the file is gone
    const props = parseProps(text);
    return this.#resolve(host, user, { fileId: pointer, props, keyring: props[STORE_KEY] === 'keyring' });
  }

  async #resolve(host: string, user: string, entry: Entry): Promise<string | null> {
    if (!entry.keyring) return entry.fileId;
    if (this.secrets.kind !== 'keyring') return null;
    return this.secrets.load(host, user, entry.fileId);
  }

  /** The session file holding `uuid` for host/user, or null. */
  async #locate(host: string, user: string, uuid: string): Promise<Entry | null> {
    if (host === '' || !isUserName(user) || !isFileName(uuid)) return null;
    const text = await readTextFile(join(this.#userDir(host, user), uuid), true);
    if (text !== null) {
      const props = parseProps(text);
      if (props[STORE_KEY] !== 'keyring') return { fileId: uuid, props, keyring: false };
    }
    if (this.secrets.kind !== 'keyring') return null;
    for (const entry of await this.#entries(host, user)) {
      if (entry.keyring && (await this.secrets.load(host, user, entry.fileId)) === uuid) return entry;
    }
    return null;
  }

  /** The session files of host/user (regular files not starting with a dot), sorted by name. */
  async #entries(host: string, user: string): Promise<Entry[]> {
    if (host === '' || !isUserName(user)) return [];
    const dir = this.#userDir(host, user);
    if (!(await secureDir(this.#hostDir(host), false)) || !(await secureDir(dir, false))) return [];
    const entries: Entry[] = [];
    for (const name of await this.#files(dir)) {
      const text = await readTextFile(join(dir, name), true);
      if (text === null) continue;
      const props = parseProps(text);
      entries.push({ fileId: name, props, keyring: props[STORE_KEY] === 'keyring' });
    }
    return entries;
  }

  async #walk(strict: boolean): Promise<StoredSession[]> {
    await this.#init();
    const sessions: StoredSession[] = [];
    for (const hostName of await this.#subdirs(this.dir)) {
      const host = unquoteHost(hostName);
      const hostDir = join(this.dir, hostName);
      await secureDir(hostDir, false);
      for (const user of await this.#subdirs(hostDir)) {
        const dir = join(hostDir, user);
        await secureDir(dir, false);
        for (const name of await this.#files(dir)) {
          const file = join(dir, name);
          let text: string | null;
          try {
            text = await readTextFile(file, true);
          } catch (err) {
            if (strict) throw err;
            sessions.push({ host, user, uuid: null, props: {}, file });
            continue;
          }
          if (text === null) continue;
          const props = parseProps(text);
          const keyring = props[STORE_KEY] === 'keyring';
          let uuid: string | null;
          try {
            uuid = await this.#resolve(host, user, { fileId: name, props, keyring });
          } catch (err) {
            if (strict) throw err;
            uuid = null;
          }
          sessions.push({ host, user, uuid, props: keyring && uuid !== null ? { ...props, 'omero.sess': uuid } : props, file });
        }
      }
    }
    return sessions;
  }

  /** Host directory names, unquoted. */
  async #hosts(): Promise<string[]> {
    return (await this.#subdirs(this.dir)).map(unquoteHost);
  }

  async #subdirs(dir: string): Promise<string[]> {
    return (await this.#list(dir)).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  }

  async #files(dir: string): Promise<string[]> {
    return (await this.#list(dir)).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name).sort();
  }

  async #list(dir: string) {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new SessionStoreError(`Could not access session dir: ${dir}`, { path: dir, cause: err });
    }
  }
}
