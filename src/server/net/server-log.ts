import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The server's log: one line per event, appended to `$OMERO_USERDIR/log/server.log` (or written
 * to stderr when the server runs in the foreground). It never receives a password, a session key
 * or a bound value: callers pass only addresses, ids, method names, SQLSTATEs and messages.
 */
export class ServerLog {
  readonly #path: string | null;

  /** `path` null: standard error. */
  constructor(path: string | null) {
    this.#path = path;
    if (path) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }

  info(message: string): void {
    this.#write('INFO', message);
  }

  warn(message: string): void {
    this.#write('WARN', message);
  }

  #write(level: string, message: string): void {
    const line = `${new Date().toISOString()} ${level} ${message.replace(/[\r\n]+/g, ' ')}\n`;
    try {
      if (this.#path) appendFileSync(this.#path, line, { mode: 0o600 });
      else process.stderr.write(line);
    } catch {
      /* a full disk must not stop the server */
    }
  }
}
