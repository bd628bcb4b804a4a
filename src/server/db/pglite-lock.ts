import { processAlive } from '../../env/server-record.js';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An exclusive lock on an embedded data directory. PGlite is a single-process database: two
 * processes opening one data directory would corrupt it, so the second one waits for the first
 * (CLI commands are short) and then gives up with a message naming the holder.
 */
export class PgliteLock {
  readonly #path: string;
  #held = false;

  private constructor(path: string) {
    this.#path = path;
  }

  /** Takes the lock, polling until `waitMs` has passed. */
  static async acquire(dataDir: string, waitMs: number): Promise<PgliteLock> {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const lock = new PgliteLock(join(dataDir, '..', `${basename(dataDir)}.lock`));
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (lock.#tryTake()) return lock;
      if (Date.now() >= deadline) {
        throw new Error(
          `the embedded database at ${dataDir} is in use by process ${lock.#holder() ?? '?'}; ` +
            'close that shell or command, or set OMERO_DB_URL to use a PostgreSQL server, which many processes can share',
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    try {
      unlinkSync(this.#path);
    } catch {
      /* already gone */
    }
  }

  #tryTake(): boolean {
    try {
      const fd = openSync(this.#path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      this.#held = true;
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = this.#holder();
    if (holder !== null && !isAlive(holder)) {
      // A crashed process left its lock behind.
      try {
        unlinkSync(this.#path);
      } catch {
        /* raced with another process */
      }
    }
    return false;
  }

  #holder(): number | null {
    try {
      const pid = Number(readFileSync(this.#path, 'utf8'));
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }
}

function basename(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? 'db';
}

/** Whether the holder runs; an exited server not yet reaped by its starter (a zombie) does not. */
function isAlive(pid: number): boolean {
  return pid === process.pid || processAlive(pid);
}
