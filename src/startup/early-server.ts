import { wantsServer } from '../cli/requested-command.js';
import { sharedTransport } from '../client/transport/shared-transport.js';

/**
 * Starts the server thread for a command that will certainly talk to the engine, as the first
 * thing the CLI does (cli-entry.ts imports this module before the command line itself), so that
 * the server loads and connects while this thread loads and parses the command line (issue 6:
 * start-up, scripts/bench). It is the shared transport the command then uses; a wrong guess only
 * costs time.
 */
if (wantsServer(process.argv.slice(2))) sharedTransport();
