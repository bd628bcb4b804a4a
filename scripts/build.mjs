// Builds dist/ (run by `npm ci` through `prepare`, and `npm run build`): the TypeScript compiler
// makes the ES modules and types (the library entry dist/index.js), then scripts/bundle.mjs makes
// the start-up bundles of the `omero` command and their code caches.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let tsc;
try {
  // TypeScript 7's exports map hides bin/tsc from require.resolve; find it beside package.json.
  tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  console.error('omero-shell: TypeScript is not installed; run `npm ci` (dev dependencies are needed to build)');
  process.exit(1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
// The Python package of `omero shell --python` (loaded into Pyodide by src/shell/python/python-worker.ts).
cpSync(join(root, 'src', 'shell', 'python', 'site'), join(root, 'dist', 'shell', 'python', 'site'), { recursive: true, filter: (p) => !p.includes('__pycache__') });
await bundle(root);
// Pyodide's start-up snapshot for `omero shell --python` (src/shell/python/pyodide-snapshot.ts).
try {
  const { makeSnapshot } = await import(pathToFileURL(join(root, 'dist', 'shell', 'python', 'pyodide-snapshot.js')).href);
  await makeSnapshot();
} catch (e) {
  console.error(`omero-shell: no Python start-up snapshot (Python will start more slowly): ${e.message}`);
}
