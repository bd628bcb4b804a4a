import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The server's log of internal errors. A caller gets only a short id ("Internal server error
 * (id 3f9a1c2b)"); the entry with that id here says what went wrong, SQL included — so no
 * error message ever quotes SQL to a client (issue 11). The file is
 * `$OMERO_SERVER_LOG`, else `$OMERO_USERDIR/log/server.log` (`~/omero/log/server.log`),
 * created 0600; writing it is best effort and never fails a call.
 */
export function serverLogPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OMERO_SERVER_LOG) return env.OMERO_SERVER_LOG;
  return join(env.OMERO_USERDIR || join(homedir(), 'omero'), 'log', 'server.log');
}

/** A fresh short id for one logged error. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/** Appends one entry: time, id, what kind of failure, and the error's own text. */
export function logServerError(id: string, kind: string, e: unknown): void {
  const err = e as { message?: string; code?: string; stack?: string };
  const line = `${new Date().toISOString()} [${id}] ${kind}${err?.code ? ` (SQLSTATE ${err.code})` : ''}: ${err?.message ?? String(e)}\n`;
  try {
    const path = serverLogPath();
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    appendFileSync(path, line, { mode: 0o600 });
  } catch {
    // No log is no reason to fail the call.
  }
}
