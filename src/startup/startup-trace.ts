import { performance } from 'node:perf_hooks';

/**
 * `OMERO_STARTUP_TRACE=1`: where a command's start-up goes, on stderr, in ms since the process
 * started (scripts/bench, README "Benchmarks"), and at exit how many worker threads the process
 * started (a command talking to a running server starts none: issue 10 item 5; tested).
 */
const enabled = process.env.OMERO_STARTUP_TRACE === '1';
let workers = 0;

/** Notes a point of the start-up (`bundle loaded`, `joined`, …). */
export function traceMark(label: string): void {
  if (enabled) process.stderr.write(`omero-shell: +${performance.now().toFixed(1)} ms ${label}\n`);
}

/** Counts a worker thread this process starts. */
export function countWorkerThread(): void {
  workers++;
}

if (enabled) {
  process.once('exit', () => process.stderr.write(`omero-shell: worker threads started: ${workers}\n`));
}
