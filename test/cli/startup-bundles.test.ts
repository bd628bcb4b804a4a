/**
 * The start-up bundles (issue 6): `bin/omero.js` (CommonJS, through dist/bundle/launcher.cjs) runs
 * dist/bundle/omero-cli.cjs (or, for a command that only talks to a server, the smaller
 * dist/bundle/omero-client.cjs, and for the shell dist/bundle/omero-shell.cjs: issue 10), the connection
 * thread dist/bundle/socket-worker.cjs and, in-process, the server thread
 * dist/bundle/server-worker.cjs, each through its V8 code cache; a corrupt or foreign cache
 * is ignored (and replaced), and without bundles the command runs from dist/'s ES modules.
 * Each case works on a copy of bin/ and dist/, so that the other test files keep the real caches.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, runOmero, type CliEnvironment, type CliResult } from '../helpers/cli-runner.js';
import { onPty, plainText } from '../helpers/pty.js';
import { ENGINES, ROOT_PASSWORD } from '../helpers/test-database.js';

const PACKAGE_ROOT = join(OMERO_BIN, '..', '..');
const TAG = 'omero-shell code cache v2\n';
/** root's shell prompt on a terminal, at the end of the output. */
const prompt = /omero root@system> (\x1b\[[0-9;]*[A-Za-z])*$/;

/** A copy of the package (bin/, dist/, package.json; node_modules linked) in a temporary directory. */
function copyPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omero-bundles-'));
  cpSync(join(PACKAGE_ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Overwrites a code cache with `junk` for V8's data, keeping its header (the tag and the bundle's identity): V8 must reject it. */
function corruptCache(cacheFile: string, warm: boolean, junk: Buffer): void {
  const head = Buffer.from(readFileSync(cacheFile).subarray(0, TAG.length + 1 + 48));
  head[TAG.length] = warm ? 1 : 0;
  writeFileSync(cacheFile, Buffer.concat([head, junk]));
}

/** The modules each bundle holds (dist/bundle/modules.json, written by the build from esbuild's metafile). */
function bundleModules(pkg: string): Record<string, string[]> {
  return JSON.parse(readFileSync(join(pkg, 'dist', 'bundle', 'modules.json'), 'utf8')) as Record<string, string[]>;
}

/** Runs the copy's `omero` with the start-up trace on. */
function run(pkg: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return runOmero(args, { ...env, OMERO_STARTUP_TRACE: '1' }, undefined, { bin: join(pkg, 'bin', 'omero.js') });
}

/** The code-cache state each bundle reported (OMERO_STARTUP_TRACE=1), by bundle file name. */
function cacheStates(stderr: string): Record<string, string> {
  const states: Record<string, string> = {};
  for (const m of stderr.matchAll(/^omero-shell: bundle .*[\\/]([\w.-]+\.cjs) \(code cache (\w+)\)$/gm)) states[m[1]!] = m[2]!;
  return states;
}

/** stderr without the start-up trace. */
function withoutTrace(stderr: string): string {
  return stderr.replace(/^omero-shell: (bundle |\+[\d.]+ ms |worker threads started: ).*\n/gm, '');
}

/** How many worker threads the process reported starting (OMERO_STARTUP_TRACE=1). */
function workerThreads(stderr: string): number | null {
  const m = /^omero-shell: worker threads started: (\d+)$/m.exec(stderr);
  return m ? Number(m[1]) : null;
}

describe('start-up bundles and code caches (no server)', () => {
  let pkg: string;
  before(() => (pkg = copyPackage()));
  after(() => rmSync(pkg, { recursive: true, force: true }));
  const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: pkg, OMERO_USERDIR: join(pkg, 'user'), OMERO_KEYRING: '0', NO_COLOR: '1' });

  it('the build made both bundles, the worker loader and both code caches', () => {
    for (const f of ['launcher.cjs', 'omero-cli.cjs', 'omero-cli.cjs.cache', 'omero-client.cjs', 'omero-client.cjs.cache', 'omero-shell.cjs', 'omero-shell.cjs.cache', 'server-worker.cjs', 'server-worker.cjs.cache', 'socket-worker.cjs', 'socket-worker.cjs.cache', 'bundle-loader.cjs']) {
      assert.ok(readFileSync(join(pkg, 'dist', 'bundle', f)).length > 0, f);
    }
    assert.equal(readFileSync(join(pkg, 'dist', 'bundle', 'omero-cli.cjs.cache')).subarray(0, TAG.length).toString(), TAG);
  });

  it('the client bundle leaves out the server and the shell, which only admin, db, demo and shell reach', () => {
    const client = readFileSync(join(pkg, 'dist', 'bundle', 'omero-client.cjs'), 'utf8');
    const full = readFileSync(join(pkg, 'dist', 'bundle', 'omero-cli.cjs'), 'utf8');
    const modules = bundleModules(pkg);
    for (const left of ['dist/server/net/run-server.js', 'dist/server/omero-server.js', 'dist/shell/interactive-shell.js', 'dist/shell/python/python-shell.js']) {
      assert.ok(modules['omero-cli.cjs']!.includes(left), left);
      assert.ok(!modules['omero-client.cjs']!.includes(left), left);
    }
    assert.ok(client.length < full.length / 2, `${client.length} vs ${full.length}`);
  });

  it('the shell bundle has the shells but not the server, which only admin, db and demo reach', () => {
    const shell = bundleModules(pkg)['omero-shell.cjs']!;
    for (const left of ['dist/server/net/run-server.js', 'dist/server/omero-server.js']) assert.ok(!shell.includes(left), left);
    for (const kept of ['dist/shell/interactive-shell.js', 'dist/shell/python/python-shell.js']) assert.ok(shell.includes(kept), kept);
  });

  it('Node modules used only on some paths load on first use, not with the bundle', () => {
    const client = readFileSync(join(pkg, 'dist', 'bundle', 'omero-client.cjs'), 'utf8');
    for (const m of ['tls', 'https', 'zlib', 'worker_threads', 'child_process']) {
      // `real ??= require("node:tls")`, with the variable's name shortened in the client bundle.
      assert.match(client, new RegExp(`[\\w$]+ ?\\?\\?= ?require\\("node:${m}"\\)`), m);
    }
  });

  it("the shell's statement parser (acorn) runs on first use, not with the bundle", () => {
    const shell = readFileSync(join(pkg, 'dist', 'bundle', 'omero-shell.cjs'), 'utf8');
    // The bundled package is a CommonJS module that only the lazy object's getters call.
    assert.match(shell, /var require_acorn=__commonJS\(/);
    assert.match(shell, /real ?\?\?= ?require_acorn\(\)/);
    assert.equal(shell.match(/require_acorn\(\)/g)?.length, 1, 'acorn is required only by its lazy object');
  });

  it('omero --version runs the CLI bundle with its code cache', async () => {
    const r = await run(pkg, ['--version'], env());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^5\.6\.16-ts\./);
    assert.deepEqual(cacheStates(r.stderr), { 'omero-cli.cjs': 'accepted' });
    assert.equal(withoutTrace(r.stderr), '');
  });

  it('a corrupt code cache is rejected, the command still works, and the cache is rewritten', async () => {
    const cache = join(pkg, 'dist', 'bundle', 'omero-cli.cjs.cache');
    corruptCache(cache, true, Buffer.from('not V8 code cache data '.repeat(200)));
    const r = await run(pkg, ['--version'], env());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^5\.6\.16-ts\./);
    assert.deepEqual(cacheStates(r.stderr), { 'omero-cli.cjs': 'rejected' });
    const again = await run(pkg, ['--version'], env());
    assert.deepEqual(cacheStates(again.stderr), { 'omero-cli.cjs': 'accepted' });
  });

  it("each plugin's runs keep their own code cache, made from the build's, which stays as built", async () => {
    const dir = join(pkg, 'dist', 'bundle');
    const built = readFileSync(join(dir, 'omero-client.cjs.cache'));
    const first = await run(pkg, ['user', '-h'], env());
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(cacheStates(first.stderr), { 'omero-client.cjs': 'accepted' });
    const userCache = readFileSync(join(dir, 'omero-client.cjs.user.cache'));
    assert.equal(userCache[TAG.length], 1, 'written after a run');
    assert.deepEqual(cacheStates((await run(pkg, ['group', '-h'], env())).stderr), { 'omero-client.cjs': 'accepted' });
    assert.ok(readFileSync(join(dir, 'omero-client.cjs.group.cache')).length > TAG.length + 1);
    // The next run of each plugin reads its own cache and leaves it as it is.
    assert.deepEqual(cacheStates((await run(pkg, ['user', '-h'], env())).stderr), { 'omero-client.cjs': 'accepted' });
    assert.ok(readFileSync(join(dir, 'omero-client.cjs.user.cache')).equals(userCache));
    assert.ok(readFileSync(join(dir, 'omero-client.cjs.cache')).equals(built));
    // A corrupt one is rejected and made again; the build's cache is not touched for it.
    corruptCache(join(dir, 'omero-client.cjs.user.cache'), true, Buffer.from('not V8 code cache data '.repeat(200)));
    assert.deepEqual(cacheStates((await run(pkg, ['user', '-h'], env())).stderr), { 'omero-client.cjs': 'rejected' });
    assert.deepEqual(cacheStates((await run(pkg, ['user', '-h'], env())).stderr), { 'omero-client.cjs': 'accepted' });
    assert.ok(readFileSync(join(dir, 'omero-client.cjs.cache')).equals(built));
    // A word that names no plugin gets no cache of its own.
    assert.notEqual((await run(pkg, ['usr', 'list'], env())).status, 0);
    assert.equal(existsSync(join(dir, 'omero-client.cjs.usr.cache')), false);
  });

  it("a cache made for another build of the bundle (a process of an earlier build writing it late) counts as absent", async () => {
    const cache = join(pkg, 'dist', 'bundle', 'omero-cli.cjs.cache');
    const good = readFileSync(cache);
    // The same cache, but recorded for a build with another id.
    const other = Buffer.from(good);
    const at = other.indexOf(':', TAG.length + 1) + 1;
    other[at] = other[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(cache, other);
    const r = await run(pkg, ['--version'], env());
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(cacheStates(r.stderr), { 'omero-cli.cjs': 'absent' });
    assert.deepEqual(cacheStates((await run(pkg, ['--version'], env())).stderr), { 'omero-cli.cjs': 'accepted' });
  });

  it('a cache file that is not ours (truncated, or another format) counts as absent', async () => {
    const cache = join(pkg, 'dist', 'bundle', 'omero-cli.cjs.cache');
    writeFileSync(cache, 'garbage');
    const r = await run(pkg, ['--help'], env());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /usage: omero/);
    assert.deepEqual(cacheStates(r.stderr), { 'omero-cli.cjs': 'absent' });
    assert.deepEqual(cacheStates((await run(pkg, ['--version'], env())).stderr), { 'omero-cli.cjs': 'accepted' });
  });
});

for (const engine of ENGINES) {
  describe(`start-up bundles on the server thread, in-process (${engine})`, () => {
    let pkg: string;
    let cli: CliEnvironment;
    let env: NodeJS.ProcessEnv;
    before(async () => {
      pkg = copyPackage();
      cli = await openCliEnvironment(engine);
      env = { ...cli.env, OMERO_SERVER: 'in-process' };
      const login = await run(pkg, ['login', '-s', 'localhost', '-u', 'root'], { ...env, OMERO_PASSWORD: ROOT_PASSWORD });
      assert.equal(login.status, 0, login.stderr);
    });
    after(async () => {
      await cli.close();
      rmSync(pkg, { recursive: true, force: true });
    });

    it('omero user list runs both bundles with their code caches', async () => {
      const r = await run(pkg, ['user', 'list'], env);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^ id \| login .*\n.*\n 0 +\| root /);
      assert.deepEqual(cacheStates(r.stderr), { 'omero-client.cjs': 'accepted', 'server-worker.cjs': 'accepted' });
    });

    it('a corrupt server-thread cache is ignored: same output, and the next run uses the new cache', async () => {
      const before = await run(pkg, ['user', 'list'], env);
      corruptCache(join(pkg, 'dist', 'bundle', 'server-worker.cjs.cache'), false, Buffer.alloc(4096, 7));
      const r = await run(pkg, ['user', 'list'], env);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, before.stdout);
      assert.equal(withoutTrace(r.stderr), withoutTrace(before.stderr));
      assert.equal(cacheStates(r.stderr)['server-worker.cjs'], 'rejected');
      assert.equal(cacheStates((await run(pkg, ['user', 'list'], env)).stderr)['server-worker.cjs'], 'accepted');
    });

    it('without bundles, the same command runs from the ES modules of dist/', async () => {
      const bundled = await run(pkg, ['user', 'list'], env);
      rmSync(join(pkg, 'dist', 'bundle'), { recursive: true, force: true });
      const r = await run(pkg, ['user', 'list'], env);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(cacheStates(r.stderr), {});
      assert.equal(r.stdout, bundled.stdout);
      assert.equal(withoutTrace(r.stderr), withoutTrace(bundled.stderr));
    });
  });
}

describe('start-up bundles with a server (pglite)', { skip: process.env.OMERO_TEST_IN_PROCESS === '1' ? 'OMERO_TEST_IN_PROCESS=1: commands run in-process' : false }, () => {
  let pkg: string;
  let cli: CliEnvironment;
  before(async () => {
    pkg = copyPackage();
    cli = await openCliEnvironment('pglite');
    const login = await run(pkg, ['login', '-s', 'localhost', '-u', 'root'], { ...cli.env, OMERO_PASSWORD: ROOT_PASSWORD });
    assert.equal(login.status, 0, login.stderr);
  });
  after(async () => {
    await cli.close();
    rmSync(pkg, { recursive: true, force: true });
  });

  // Issue 10 item 5: a command awaits its calls on a socket of the main thread.
  it('omero user list runs only the CLI bundle, with its code cache, and starts no worker thread', async () => {
    const r = await run(pkg, ['user', 'list'], cli.env);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ id \| login .*\n.*\n 0 +\| root /);
    assert.deepEqual(cacheStates(r.stderr), { 'omero-client.cjs': 'accepted' });
    assert.equal(workerThreads(r.stderr), 0);
  });

  // The control: the shell's calls block, so its connection is kept by a worker thread, which the
  // launcher starts before the shell's bundle loads and the shell takes over (else there would be two).
  it('omero shell --login runs the shell bundle and the connection thread\'s, and starts one worker thread, early', async () => {
    const r = await runOmero(['shell', '--login'], { ...cli.env, OMERO_STARTUP_TRACE: '1' }, 'admin_service.getEventContext().userName\n', { bin: join(pkg, 'bin', 'omero.js') });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /root/);
    assert.deepEqual(cacheStates(r.stderr), { 'omero-shell.cjs': 'accepted', 'socket-worker.cjs': 'accepted' });
    assert.equal(workerThreads(r.stderr), 1);
    const early = /^omero-shell: \+[\d.]+ ms connection thread started$/m.exec(r.stderr);
    const bundle = /^omero-shell: bundle .*omero-shell\.cjs/m.exec(r.stderr);
    assert.ok(early && bundle && early.index < bundle.index, r.stderr);
  });

  // On a terminal the first prompt needs no call: the shell logs in on a socket of its own thread,
  // and its connection thread (a second Node environment) starts with the first statement.
  it('the shell on a terminal starts its connection thread with its first statement, not before its prompt', async () => {
    const env = { ...cli.env, TERM: 'xterm', OMERO_STARTUP_TRACE: '1' };
    const bin = join(pkg, 'bin', 'omero.js');
    const leaving = onPty(process.execPath, [bin, 'shell', '--login'], env);
    await leaving.answer(prompt, '.exit\r');
    assert.equal(await leaving.exited, 0);
    assert.equal(workerThreads(plainText(leaving.output())), 0, leaving.output());
    const working = onPty(process.execPath, [bin, 'shell', '--login'], env);
    await working.answer(prompt, "print('me:', admin_service.getEventContext().userName)\r");
    await working.waitFor(/^me: root\r?$/m);
    // The thread's own trace lines may follow the prompt: no prompt to wait for at the end.
    await working.waitFor(/socket-worker\.cjs[^]*connected \(greeted, stream\)/);
    working.term.write('.exit\r');
    assert.equal(await working.exited, 0);
    assert.equal(workerThreads(plainText(working.output())), 1, working.output());
  });

  it('a shell at its first prompt keeps its auto-started server from stopping for idleness', async () => {
    const serverPid = (): number => (JSON.parse(readFileSync(join(cli.env.OMERO_USERDIR!, 'server', 'server.json'), 'utf8')) as { pid: number }).pid;
    assert.equal((await run(pkg, ['admin', 'stop'], cli.env)).status, 0);
    // A server that stops after 3 s without a connection, started by this shell's login.
    const env = { ...cli.env, TERM: 'xterm', OMERO_SERVER_IDLE_MINUTES: '0.05' };
    const shell = onPty(process.execPath, [join(pkg, 'bin', 'omero.js'), 'shell', '--login'], env);
    await shell.waitFor(prompt);
    const pid = serverPid();
    await new Promise((r) => setTimeout(r, 5000));
    await shell.answer(prompt, "print('me:', admin_service.getEventContext().userName)\r");
    await shell.waitFor(/^me: root\r?$/m);
    assert.equal(serverPid(), pid, 'the same server answered');
    await shell.answer(prompt, '.exit\r');
    assert.equal(await shell.exited, 0);
    // The next tests want the user directory's server with its usual settings.
    assert.equal((await run(pkg, ['admin', 'stop'], cli.env)).status, 0);
    assert.equal((await run(pkg, ['user', 'list'], cli.env)).status, 0);
  });

  it('a shell naming another server (-s/-p) starts no early thread, and its one thread still connects', async () => {
    const port = JSON.parse(readFileSync(join(cli.env.OMERO_USERDIR!, 'server', 'server.json'), 'utf8')).port as number;
    const r = await runOmero(['shell', '--login', '-s', '127.0.0.1', '-p', String(port), '-u', 'root'], { ...cli.env, OMERO_PASSWORD: ROOT_PASSWORD, OMERO_STARTUP_TRACE: '1' }, 'admin_service.getEventContext().userName\n', { bin: join(pkg, 'bin', 'omero.js') });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /root/);
    assert.doesNotMatch(r.stderr, /connection thread started/);
    assert.equal(workerThreads(r.stderr), 1);
  });
});
