/**
 * The Python worker thread: CPython (Pyodide) with the package `omero`, the console driver, and
 * the JavaScript half of the bridge. It starts loading at once; the main thread owns the terminal
 * and writes the interrupt buffer on Ctrl-C, which Pyodide checks while Python runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { JsBridge } from './js-bridge.js';
import { pyodideHome, readSnapshot } from './pyodide-snapshot.js';
import type { HostMessage, Reply, WorkerMessage } from './python-protocol.js';
import { RelayTransport } from './relay-transport.js';

/** What the main thread gives the worker when it starts it. */
export interface PythonWorkerData {
  readonly relayPort: MessagePort;
  readonly relaySignal: SharedArrayBuffer;
  readonly interrupt: SharedArrayBuffer;
  readonly format: 'seed' | 'current';
}

/** Where the package lives inside Pyodide's file system. */
const SITE = '/home/pyodide/omero-shell';

const data = workerData as PythonWorkerData;
const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);

function installSite(py: PyodideAPI, from: string, to: string): void {
  py.FS.mkdirTree(to);
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    if (statSync(path).isDirectory()) installSite(py, path, `${to}/${name}`);
    else if (name.endsWith('.py')) py.FS.writeFile(`${to}/${name}`, readFileSync(path, 'utf8'));
  }
}

function streamTo(fd: 1 | 2): { write(buffer: Uint8Array): number } {
  const decoder = new TextDecoder();
  return {
    write(buffer) {
      const text = decoder.decode(buffer, { stream: true });
      if (text) send({ t: 'out', fd, text });
      return buffer.length;
    },
  };
}

/** Pyodide from the build's snapshot when there is a usable one, else started plainly. */
async function startPyodide(): Promise<PyodideAPI> {
  // Pyodide finds its files from the caller's stack, which an eval'd worker bootstrap confuses: say where they are.
  const { indexURL, version } = pyodideHome();
  const snapshot = readSnapshot(version);
  if (snapshot) {
    try {
      return await loadPyodide({ indexURL, _loadSnapshot: snapshot });
    } catch {
      /* a snapshot this Pyodide cannot use: start plainly */
    }
  }
  return loadPyodide({ indexURL });
}

async function start(): Promise<void> {
  const py = await startPyodide();
  py.setStdout(streamTo(1));
  py.setStderr(streamTo(2));
  py.setStdin({ error: true });
  py.setInterruptBuffer(new Uint8Array(data.interrupt));
  installSite(py, fileURLToPath(new URL('./site/', import.meta.url)), SITE);
  const bridge = new JsBridge(new RelayTransport(data.relayPort, new Int32Array(data.relaySignal)), { format: data.format });
  py.registerJsModule('_omero_js', bridge);
  py.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(SITE)})`);
  const driver = py.pyimport('omero_console').Driver();
  port.on('message', (m: HostMessage) => {
    let value: Reply;
    try {
      value = handle(driver, m);
    } catch (e) {
      // The driver catches the user's errors; this is a fault of the shell itself: say so, go on.
      send({ t: 'out', fd: 2, text: `omero-shell: internal error in the Python driver: ${e instanceof Error ? e.message : String(e)}\n` });
      value = { failures: 1 };
    }
    send({ t: 'reply', value });
  });
  send({ t: 'ready' });
}

/** Runs one request of the main thread through the Python driver (omero_console.py). */
function handle(driver: Record<string, (...a: unknown[]) => unknown>, m: HostMessage): Reply {
  const answer = (r: unknown): Reply => {
    const proxy = r as { toJs(o: object): unknown; destroy(): void };
    const v = proxy.toJs({ dict_converter: Object.fromEntries }) as Reply;
    proxy.destroy();
    return v;
  };
  switch (m.t) {
    case 'login':
      return answer(driver.login!(m.key ?? undefined));
    case 'push':
      return answer(driver.push!(m.line));
    case 'reset':
      return answer(driver.reset!());
    case 'script':
      return answer(driver.script!(m.source, m.filename));
    case 'complete':
      return answer(driver.complete!(m.line));
  }
}

start().catch((e: unknown) => send({ t: 'failed', message: e instanceof Error ? e.message : String(e) }));
