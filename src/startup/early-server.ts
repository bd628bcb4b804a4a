import { asyncTransportFor, sharedTransport, transportFor } from '../client/transport/shared-transport.js';
import { earlyConnection } from './early-connection.js';

/**
 * Starts the connection for a command that will certainly talk to the user directory's server
 * (early-connection.ts), as the first thing the CLI does (cli-entry.ts imports this module before
 * the command line itself), so that the connection (or, in-process, the engine) gets ready while
 * this thread loads and parses the command line. The shell's calls block (its connection is kept
 * by a worker thread, which the launcher may have started already), but it logs in on a socket of
 * this thread; every other command's calls are awaited, so its socket is opened by this thread,
 * with no worker.
 */
const early = earlyConnection(process.argv.slice(2));
switch (early) {
  case 'engine':
    sharedTransport();
    break;
  case 'blocking':
  case 'blocking-when-needed':
    // The connection thread for the shell's calls (made now, or to start with the first
    // statement), and this thread's socket for its login.
    transportFor({ host: 'localhost', startThread: early === 'blocking' ? 'now' : 'when-needed' });
    asyncTransportFor({ host: 'localhost' });
    break;
  case 'async':
    asyncTransportFor({ host: 'localhost' });
    break;
  case null:
    break;
}
