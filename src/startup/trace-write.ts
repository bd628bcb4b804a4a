import { writeSync } from 'node:fs';

/**
 * Writes start-up trace text (`OMERO_STARTUP_TRACE=1`) straight to the process's standard error:
 * in a worker thread `process.stderr` is relayed through the main thread, and a line still on its
 * way when the process exits was lost (a test of the connection thread's bundle saw no line for it).
 */
export function traceWrite(text: string): void {
  try {
    writeSync(2, text);
  } catch {
    process.stderr.write(text);
  }
}
