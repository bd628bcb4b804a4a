/**
 * Keyring selection (node-ecosystem §2) and the keyring layout, against an injected fake
 * `@napi-rs/keyring` that can also fail and hang on demand; real-keyring.test.ts runs the real
 * module against a real Secret Service.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../../src/client/session-store/file-store.js';
import { KeyringStore } from '../../../src/client/session-store/keyring-store.js';
import { openSecretStore } from '../../../src/client/session-store/open-secret-store.js';
import { openSessionStore } from '../../../src/client/session-store/open-session-store.js';
import { SessionStore } from '../../../src/client/session-store/session-store.js';
import { SessionStoreError } from '../../../src/client/session-store/session-store-error.js';
import { fakeKeyring, type FakeBehaviour } from './fake-keyring.js';

const U1 = '0f8c6b2a-1d5e-4c3b-9a7f-2e4d6c8b0a11';
const U2 = '7a9e3c1b-5d2f-4e8a-b6c4-1f3e5d7a9c22';
const BUS = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' };

let base: string;
let dir: string;
let n = 0;
before(async () => {
  base = await mkdtemp(join(tmpdir(), 'omero-keyring-'));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});
beforeEach(() => {
  dir = join(base, `s${n++}`);
});

/** Every file under `root` with its content. */
async function contents(root: string): Promise<string> {
  let all = '';
  for (const rel of (await readdir(root, { recursive: true })).map(String)) {
    if ((await stat(join(root, rel))).isFile()) all += `${rel}\n${await readFile(join(root, rel), 'utf8')}\n`;
  }
  return all;
}

describe('openSecretStore', () => {
  it('uses files when OMERO_KEYRING=0, without loading the module', async () => {
    let loaded = false;
    const store = await openSecretStore({
      env: { ...BUS, OMERO_KEYRING: '0' },
      platform: 'linux',
      loadKeyring: async () => ((loaded = true), fakeKeyring().module),
    });
    assert.ok(store instanceof FileStore);
    assert.equal(store.reason, 'OMERO_KEYRING=0');
    assert.equal(loaded, false);
  });

  it('uses files when CI is set', async () => {
    const store = await openSecretStore({ env: { ...BUS, CI: 'true' }, platform: 'linux', loadKeyring: async () => fakeKeyring().module });
    assert.ok(store instanceof FileStore);
    assert.equal(store.reason, 'CI is set');
  });

  it('uses files on Linux without a session bus, without loading the module', async () => {
    let loaded = false;
    const store = await openSecretStore({ env: {}, platform: 'linux', loadKeyring: async () => ((loaded = true), fakeKeyring().module) });
    assert.ok(store instanceof FileStore);
    assert.match(store.reason, /DBUS_SESSION_BUS_ADDRESS/);
    assert.equal(loaded, false);
  });

  it('does not need D-Bus on macOS', async () => {
    const store = await openSecretStore({ env: {}, platform: 'darwin', loadKeyring: async () => fakeKeyring().module });
    assert.equal(store.kind, 'keyring');
  });

  it('uses files when the optional module cannot be imported', async () => {
    const store = await openSecretStore({
      env: BUS,
      platform: 'linux',
      loadKeyring: () => Promise.reject(new Error("Cannot find module '@napi-rs/keyring'")),
    });
    assert.ok(store instanceof FileStore);
    assert.match(store.reason, /not available: Cannot find module/);
  });

  const failures: [FakeBehaviour, RegExp][] = [
    ['reject', /probe failed: Platform failure/],
    ['throw-in-constructor', /probe failed: Using X11/],
    ['wrong-value', /different value/],
    ['hang', /probe failed: keyring probe \(write\) timed out after 50 ms/],
  ];
  for (const [behaviour, reason] of failures) {
    // A hang ends at the probe's deadline (or the test times out); how fast is scripts/bench's business.
    it(`uses files when the write probe fails (${behaviour})`, async () => {
      const store = await openSecretStore({
        env: BUS,
        platform: 'linux',
        loadKeyring: async () => fakeKeyring(behaviour).module,
        probeTimeoutMs: 50,
      });
      assert.ok(store instanceof FileStore);
      assert.match(store.reason, reason);
    });
  }

  it('chooses the keyring after a successful probe, pinned to the Secret Service, leaving nothing behind', async () => {
    const fake = fakeKeyring();
    const store = await openSecretStore({ env: BUS, platform: 'linux', loadKeyring: async () => fake.module });
    assert.ok(store instanceof KeyringStore);
    assert.equal(fake.entries.length, 1);
    assert.equal(fake.entries[0]?.service, 'omero-cli');
    assert.match(fake.entries[0]?.account ?? '', /^__probe__\/[0-9a-f-]{36}$/);
    assert.deepEqual(fake.entries[0]?.options, { linux: { store: 'secret-service' } });
    assert.equal(fake.secrets.size, 0);
  });

  it('falls back to files on this machine with the real module and no D-Bus', async () => {
    const store = await openSecretStore({ env: { ...BUS, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }, probeTimeoutMs: 2000 });
    assert.equal(store.kind, process.platform === 'linux' ? 'file' : store.kind);
  });
});

describe('SessionStore with a keyring', () => {
  it('never writes the key to disk; the file says omero.sess.store=keyring', async () => {
    const fake = fakeKeyring();
    const store = new SessionStore(dir, new KeyringStore(fake.module));
    const file = await store.add('::1', 'jsmith', U1, { 'omero.port': '4064', 'omero.group': 'lab' });
    await store.setCurrent('::1', 'jsmith', U1, { 'omero.port': '4064' });
    const id = file.slice(join(dir, '%3A%3A1', 'jsmith').length + 1);
    assert.match(id, /^kr-[0-9a-f]{32}$/);
    assert.equal(
      await readFile(file, 'utf8'),
      'omero.group=lab\nomero.host=::1\nomero.user=jsmith\nomero.port=4064\nomero.sess.store=keyring\n',
    );
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal(await readFile(join(dir, '%3A%3A1', 'jsmith', '._LASTSESS_'), 'utf8'), id);
    assert.ok(!(await contents(dir)).includes(U1));
    assert.deepEqual([...fake.secrets], [[`omero-cli\u0000%3A%3A1/jsmith/${id}`, U1]]);
    assert.deepEqual(fake.entries.at(-1)?.options, { linux: { store: 'secret-service' } });
  });

  it('returns keys from list/get/available/getCurrent/find either way', async () => {
    const store = new SessionStore(dir, new KeyringStore(fakeKeyring().module));
    await store.add('h', 'u', U1, {});
    await store.setCurrent('h', 'u', U1, {});
    assert.deepEqual(await store.available('h', 'u'), [U1]);
    assert.equal((await store.get('h', 'u', U1))?.['omero.sess'], U1);
    assert.deepEqual(await store.getCurrent(), { host: 'h', user: 'u', uuid: U1, port: '4064' });
    assert.deepEqual((await store.list()).map((s) => [s.uuid, s.props['omero.sess']]), [[U1, U1]]);
    assert.deepEqual(await store.find(U1), { host: 'h', user: 'u' });
    assert.equal(await store.conflicts('h', 'u', U1, { 'omero.port': '4065' }), 'omero.port: None!=4065');
  });

  it('re-adding a key overwrites its file in place', async () => {
    const fake = fakeKeyring();
    const store = new SessionStore(dir, new KeyringStore(fake.module));
    const first = await store.add('h', 'u', U1, {});
    const second = await store.add('h', 'u', U1, { 'omero.group': 'g' });
    assert.equal(second, first);
    assert.deepEqual(await readdir(join(dir, 'h', 'u')), [second.slice(-35)]);
    assert.equal(fake.secrets.size, 1);
  });

  it('remove and clear delete the keyring entries too', async () => {
    const fake = fakeKeyring();
    const store = new SessionStore(dir, new KeyringStore(fake.module));
    await store.add('h', 'u', U1, {});
    await store.add('h', 'u', U2, {});
    await store.setCurrent('h', 'u', U1, {});
    assert.equal(await store.remove('h', 'u', U1), true);
    assert.equal(fake.secrets.size, 1);
    assert.equal((await store.getCurrent()).uuid, null);
    const removed = await store.clear();
    assert.deepEqual(removed.map((s) => s.uuid), [U2]);
    assert.equal(fake.secrets.size, 0);
    assert.deepEqual(await readdir(join(dir, 'h', 'u')), []);
  });

  it('reads omero-py files in keyring mode and moves them into the keyring when re-added', async () => {
    await new SessionStore(dir).add('h', 'u', U1, {});
    const store = new SessionStore(dir, new KeyringStore(fakeKeyring().module));
    assert.deepEqual(await store.available('h', 'u'), [U1]);
    await store.add('h', 'u', U1, {});
    const names = await readdir(join(dir, 'h', 'u'));
    assert.equal(names.length, 1);
    assert.match(names[0] ?? '', /^kr-/);
    assert.ok(!(await contents(dir)).includes(U1));
  });

  it('a file-store process skips keyring sessions it cannot resolve', async () => {
    await new SessionStore(dir, new KeyringStore(fakeKeyring().module)).add('h', 'u', U1, {});
    const plain = new SessionStore(dir);
    assert.deepEqual(await plain.available('h', 'u'), []);
    assert.deepEqual((await plain.list()).map((s) => s.uuid), [null]);
    assert.equal(await plain.get('h', 'u', U1), null);
  });

  it('refuses to make an unstored session current rather than write its key to a file', async () => {
    const store = new SessionStore(dir, new KeyringStore(fakeKeyring().module));
    await assert.rejects(store.setCurrent('h', 'u', U1), /unstored session/);
    await assert.rejects(readFile(join(dir, '._LASTHOST_')), { code: 'ENOENT' });
  });

  it('reports keyring failures as SessionStoreError and leaves no session file', async () => {
    const store = new SessionStore(dir, new KeyringStore(fakeKeyring('hang').module, 30));
    await assert.rejects(store.add('h', 'u', U1, {}), (err: unknown) => {
      assert.ok(err instanceof SessionStoreError);
      assert.match(err.message, /Could not store the session key in the OS keyring \(h\/u\/kr-[0-9a-f]{32}\): .*timed out after 30 ms.*OMERO_KEYRING=0/);
      return true;
    });
    assert.deepEqual(await readdir(join(dir, 'h', 'u')), []);
  });

  it('still refuses a too-open keyring session file', async () => {
    const store = new SessionStore(dir, new KeyringStore(fakeKeyring().module));
    const file = await store.add('h', 'u', U1, {});
    await chmod(file, 0o604);
    await assert.rejects(store.available('h', 'u'), /chmod 600/);
  });

  it('treats a LASTSESS pointing to a vanished keyring file as the raw pointer', async () => {
    await mkdir(join(dir, 'h', 'u'), { recursive: true, mode: 0o700 });
    await writeFile(join(dir, '._LASTHOST_'), 'h', { mode: 0o600 });
    await writeFile(join(dir, 'h', '._LASTUSER_'), 'u', { mode: 0o600 });
    await writeFile(join(dir, 'h', 'u', '._LASTSESS_'), 'kr-00', { mode: 0o600 });
    const store = new SessionStore(dir, new KeyringStore(fakeKeyring().module));
    assert.equal((await store.getCurrent()).uuid, 'kr-00');
  });
});

describe('openSessionStore', () => {
  it('uses $OMERO_SESSIONDIR and the selected secret store', async () => {
    const plain = await openSessionStore({ env: { OMERO_SESSIONDIR: dir, OMERO_KEYRING: '0' } });
    assert.equal(plain.dir, dir);
    assert.equal(plain.secrets.kind, 'file');
    const withKeyring = await openSessionStore({
      env: { OMERO_USERDIR: join(dir, 'u'), ...BUS },
      platform: 'linux',
      loadKeyring: async () => fakeKeyring().module,
    });
    assert.equal(withKeyring.dir, join(dir, 'u', 'sessions'));
    assert.equal(withKeyring.secrets.kind, 'keyring');
  });
});
