#!/usr/bin/env node
// The `omero` command. Built JavaScript lives in dist/ (made by `npm ci` through `prepare`).
import { wantsServer } from '../dist/cli/requested-command.js';

const argv = process.argv.slice(2);
// A command that will talk to the engine starts the server thread first, so that the server
// loads and connects while this thread loads the command line (issue 6: start-up, scripts/bench).
// It is the same shared transport the command then uses; a wrong guess only costs time.
if (wantsServer(argv)) (await import('../dist/client/transport/shared-transport.js')).sharedTransport();
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(argv);
