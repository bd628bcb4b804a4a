import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A memory snapshot of Pyodide after start-up, made by the build (scripts/build.mjs) into dist/:
 * starting from it costs about a seventh of the CPU of a plain start (0.4 s against 3 s measured
 * on one loaded machine), so the Python prompt comes sooner. It holds only CPython and the standard
 * modules below, nothing of ours; it is named after Pyodide's version, and a missing or unusable
 * snapshot means a plain start.
 */
export const SNAPSHOT_MODULES = ['ast', 'codeop', 'inspect', 'linecache', 'pydoc', 'rlcompleter', 'traceback', 'types'];

/** Pyodide's directory (its files are found from there) and version. */
export function pyodideHome(): { readonly indexURL: string; readonly version: string } {
  const dir = dirname(createRequire(import.meta.url).resolve('pyodide'));
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { indexURL: `${dir}/`, version };
}

/** Where the snapshot of this Pyodide version lives: beside this module. */
export function snapshotPath(version: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), `pyodide-${version}.snapshot`);
}

/** The snapshot's bytes, or null when there is none for this version. */
export function readSnapshot(version: string): Uint8Array | null {
  const path = snapshotPath(version);
  return existsSync(path) ? readFileSync(path) : null;
}

/** Makes the snapshot (the build runs this once dist/ is compiled). Returns its path. */
export async function makeSnapshot(): Promise<string> {
  const { loadPyodide } = await import('pyodide');
  const { indexURL, version } = pyodideHome();
  const py = await loadPyodide({ indexURL, _makeSnapshot: true });
  py.runPython(`import ${SNAPSHOT_MODULES.join(', ')}`);
  const path = snapshotPath(version);
  writeFileSync(path, py.makeMemorySnapshot());
  return path;
}
