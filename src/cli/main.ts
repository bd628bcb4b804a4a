import { CommanderError } from 'commander';
import { closeAsyncTransports } from '../client/transport/shared-transport.js';
import { traceMark } from '../startup/startup-trace.js';
import { CliError, exitStatus } from './cli-error.js';
import { err, processIO, type CliIO } from './cli-io.js';
import { connectionFailure } from './login/login-errors.js';
import { buildProgram } from './program.js';

/**
 * The one exit point of the `omero` command: parses, runs, and turns every failure into OMERO's
 * message on stderr and a process status (`rc % 256`, never 0 for an error). No stack trace for
 * user errors; `--debug` (or OMERO_DEBUG=1) shows them.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes('--debug') || io.env.OMERO_DEBUG === '1';
  traceMark('main');
  const program = await buildProgram(io, argv);
  traceMark('program built');
  try {
    await program.parseAsync(argv.filter((a) => a !== '--debug'), { from: 'user' });
    traceMark('command done');
    return 0;
  } catch (e) {
    return exitStatus(report(e, io, debug));
  } finally {
    // The command's connection (its calls were awaited): nothing more will use it.
    closeAsyncTransports();
  }
}

/** Prints a failure and returns its logical rc. */
function report(e: unknown, io: CliIO, debug: boolean): number {
  // CliError, and the input and session-store errors, carry OMERO's rc (e.g. 564 without a terminal).
  if (e instanceof CliError || (e instanceof Error && typeof (e as { rc?: unknown }).rc === 'number')) {
    if (e.message) err(io, e.message);
    if (debug && e.stack) err(io, e.stack);
    return (e as CliError).rc;
  }
  if (e instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed argparse-style: rc 2.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return e.exitCode === 0 ? 0 : 2;
  }
  // A server that went away or never answered: one line in OMERO's terms (rc 554/555/556).
  const unreachable = connectionFailure(e);
  if (unreachable) {
    err(io, unreachable.message);
    return unreachable.rc;
  }
  const ex = e as { name?: string; message?: string; stack?: string; constructor?: { name?: string } };
  // An OMERO exception a command did not translate: type and text, as OMERO's CLI shows it.
  const type = ex?.constructor?.name && ex.constructor.name !== 'Error' ? ex.constructor.name : (ex?.name ?? 'Error');
  err(io, `${type}: ${ex?.message ?? String(e)}`);
  if (debug && ex?.stack) err(io, ex.stack);
  return 1;
}
