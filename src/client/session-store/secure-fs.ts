import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { chmod, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SessionStoreError } from './session-store-error.js';

/** Mode bits for "group or others may do something". */
const GROUP_OTHER = 0o077;
/** POSIX modes mean nothing on Windows; the checks and chmods are skipped there. */
const POSIX = process.platform !== 'win32';

/** Whether `err` is a Node system error with the given code (`ENOENT`, …). */
export function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

/** `0o644` → `'0644'`, as ssh prints modes. */
function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

// Reads and directory checks are synchronous (behind the async API): the files are a few bytes,
// every command reads several before its first call, and Node's promise API costs a thread-pool
// round trip per step plus loading fs/promises (about 2 ms of a command's start; issue 10).

/**
 * Makes sure `path` is a directory only its owner can enter: creates it (and missing parents)
 * with mode 0700 when `create` is set (callers create the store's levels one at a time, so each
 * gets exactly 0700 whatever the umask), and chmods an existing one to 0700 when group or others
 * have any access (omero-py chmods the sessions directory the same way). Returns false when the
 * directory does not exist and `create` is off.
 */
export async function secureDir(path: string, create: boolean): Promise<boolean> {
  let mode: number;
  try {
    const st = statSync(path);
    if (!st.isDirectory()) {
      throw new SessionStoreError(`Could not access session dir: ${path} is not a directory`, { path });
    }
    mode = st.mode;
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw wrap(err, path);
    if (!create) return false;
    try {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      if (POSIX) chmodSync(path, 0o700); // a umask may have taken the owner's bits away
      return true;
    } catch (err2) {
      throw wrap(err2, path);
    }
  }
  if (POSIX && (mode & GROUP_OTHER) !== 0) {
    try {
      chmodSync(path, 0o700);
    } catch (err) {
      throw wrap(err, path, `Could not chmod session dir to 0700: ${path}`);
    }
  }
  return true;
}

/**
 * Reads a text file, or returns null when it does not exist. With `secret` set, a file that
 * group or others may access is refused (the ssh convention) with a message telling the user to
 * `chmod 600` it; the mode is checked on the open descriptor, so the check and the read see the
 * same file.
 */
export async function readTextFile(path: string, secret: boolean): Promise<string | null> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR')) return null;
    throw wrap(err, path);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    if (secret && POSIX && (st.mode & GROUP_OTHER) !== 0) {
      throw new SessionStoreError(
        `Permissions ${octal(st.mode)} for '${path}' are too open: a session file must not be ` +
          `accessible by group or others. Run: chmod 600 '${path}'`,
        { path },
      );
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to `path` atomically with mode 0600: a temporary dot-file in the same directory
 * is created exclusively (`wx`, so an existing file or symlink is never followed), then renamed
 * over the target. Dot-files are bookkeeping to omero-py, so a crash leaves nothing that lists as
 * a session.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    if (POSIX) await chmod(tmp, 0o600); // a umask may have taken the owner's write bit away
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw wrap(err, path);
  }
}

/** Deletes a file; false when it was not there. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return false;
    throw wrap(err, path);
  }
}

function wrap(err: unknown, path: string, message?: string): SessionStoreError {
  if (err instanceof SessionStoreError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new SessionStoreError(message ?? `Could not access session dir: ${path} (${detail})`, {
    path,
    cause: err,
  });
}
