import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import { requestedCommand, wantsServer } from '../cli/requested-command.js';
import { LOCAL_HOSTS } from '../client/transport/local-hosts.js';
import { omeroDirs } from '../env/omero-dirs.js';

/**
 * Which connection a command line will certainly open to the user directory's server, so that it
 * can be started before the rest of the command line is loaded (issue 6, scripts/bench):
 * `engine` (in-process: the server thread), `blocking` (the shell: a connection thread for its
 * calls, and a socket of this thread for its login), `blocking-when-needed` (the TypeScript shell
 * on a terminal: the same, but the connection thread starts with the first statement, since the
 * first prompt needs no call; a second Node environment was most of the prompt's cost) or `async`
 * (every other command: a socket of this thread); null when unsure, or when the command names
 * another server (it connects once it knows where). A wrong guess only costs time.
 */
export type EarlyConnection = 'engine' | 'blocking' | 'blocking-when-needed' | 'async' | null;

/** Options that name another server than the user directory's (or a session on one). */
const ELSEWHERE = /^(-s|--server|-p|--port|-k|--key)(=|$)|^-[A-Za-z]*[spk]$/;

export function earlyConnection(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): EarlyConnection {
  const requested = requestedCommand(argv);
  if (!wantsServer(argv) || !requested || argv.some((a) => ELSEWHERE.test(a)) || !lastHostIsLocal(env)) return null;
  if (env.OMERO_SERVER === 'in-process') return 'engine';
  if (requested.name !== 'shell') return 'async';
  return isatty(0) && !requested.rest.includes('--python') ? 'blocking-when-needed' : 'blocking';
}

/** Whether the session store's last host (`._LASTHOST_`) is this machine, or none is stored. */
function lastHostIsLocal(env: NodeJS.ProcessEnv): boolean {
  try {
    return LOCAL_HOSTS.has(readFileSync(join(omeroDirs(env).sessionDir, '._LASTHOST_'), 'utf8').trim());
  } catch {
    return true;
  }
}
