import { requestedCommand, wantsServer } from '../cli/requested-command.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncTransportFor, LOCAL_HOSTS, sharedTransport, transportFor } from '../client/transport/shared-transport.js';
import { omeroDirs } from '../env/omero-dirs.js';

/** Whether the session store's last host (`._LASTHOST_`) is this machine, or none is stored. */
function lastHostIsLocal(): boolean {
  try {
    return LOCAL_HOSTS.has(readFileSync(join(omeroDirs().sessionDir, '._LASTHOST_'), 'utf8').trim());
  } catch {
    return true;
  }
}

/** Options that name another server than the user directory's (or a session on one). */
const ELSEWHERE = /^(-s|--server|-p|--port|-k|--key)(=|$)|^-[A-Za-z]*[spk]$/;

/**
 * Starts the connection for a command that will certainly talk to the server, as the first
 * thing the CLI does (cli-entry.ts imports this module before the command line itself), so that
 * the connection (or, in-process, the engine) gets ready while this thread loads and parses the
 * command line (issue 6, scripts/bench). Only for the user directory's server: a command naming
 * another server connects when it knows where. A wrong guess only costs time. The shell's calls
 * block (its connection is kept by a worker thread); every other command's calls are awaited, so
 * its socket is opened by this thread, with no worker.
 */
const argv = process.argv.slice(2);
const requested = requestedCommand(argv);
if (wantsServer(argv) && requested && !argv.some((a) => ELSEWHERE.test(a)) && lastHostIsLocal()) {
  if (process.env.OMERO_SERVER === 'in-process') sharedTransport();
  else if (requested.name === 'shell') transportFor({ host: 'localhost' });
  else asyncTransportFor({ host: 'localhost' });
}
