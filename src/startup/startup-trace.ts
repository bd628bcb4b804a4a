import { performance } from 'node:perf_hooks';
import { traceWrite } from './trace-write.js';

/**
 * `OMERO_STARTUP_TRACE=1`: where a command's start-up goes, on stderr, in ms since the process
 * started (scripts/bench, README "Benchmarks"), and at exit how many worker threads the process
 * started (a command talking to a running server starts none: issue 10 item 5; the shell one,
 * which the launcher may start before the shell's bundle: tested).
 */
const enabled = process.env.OMERO_STARTUP_TRACE === '1';

/** Kept on a global: the launcher's bundle and the command line's each hold a copy of this module. */
const STATE = Symbol.for('omero-shell.startup-trace');
const state = ((globalThis as { [STATE]?: { workers: number; reporting: boolean } })[STATE] ??= { workers: 0, reporting: false });

/** Notes a point of the start-up (`bundle loaded`, `joined`, …). */
export function traceMark(label: string): void {
  if (enabled) traceWrite(`omero-shell: +${performance.now().toFixed(1)} ms ${label}\n`);
}

/** Counts a worker thread this process starts. */
export function countWorkerThread(): void {
  state.workers++;
}

if (enabled && !state.reporting) {
  state.reporting = true;
  process.once('exit', () => traceWrite(`omero-shell: worker threads started: ${state.workers}\n`));
}
