/**
 * SessionStore with the default FileStore: omero-py's layout byte for byte (reference cli §9.1),
 * file modes on disk, and the omero-py semantics of get_current / set_current / remove / clear /
 * conflicts / find_name_by_key.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionStore } from '../../../src/client/session-store/session-store.js';
import { SessionStoreError } from '../../../src/client/session-store/session-store-error.js';

const U1 = '0f8c6b2a-1d5e-4c3b-9a7f-2e4d6c8b0a11';
const U2 = '7a9e3c1b-5d2f-4e8a-b6c4-1f3e5d7a9c22';

let base: string;
let dir: string;
let n = 0;

before(async () => {
  base = await mkdtemp(join(tmpdir(), 'omero-session-store-'));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});
beforeEach(() => {
  dir = join(base, `s${n++}`, 'sessions');
});

async function mode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

/** Every path under `root`, relative, sorted. */
async function tree(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String).sort();
}

describe('SessionStore: layout (omero-py byte compatibility)', () => {
  it('writes a session file in omero-py key order, one \\n-terminated line each', async () => {
    const store = new SessionStore(dir);
    const file = await store.add('example.org', 'jsmith', U1, {
      'omero.sudo': 'root',
      'omero.timeout': '600',
      'omero.port': '4064',
      'omero.user': 'ignored',
      'omero.host': 'ignored',
      'omero.group': 'lab',
    });
    assert.equal(file, join(dir, 'example.org', 'jsmith', U1));
    assert.equal(
      await readFile(file, 'utf8'),
      'omero.group=lab\nomero.host=example.org\nomero.user=jsmith\nomero.port=4064\n' +
        `omero.timeout=600\nomero.sess=${U1}\nomero.sudo=root\n`,
    );
  });

  it('writes only host, user and sess when no optional props are given', async () => {
    const store = new SessionStore(dir);
    const file = await store.add('localhost', 'root', U1, {});
    assert.equal(await readFile(file, 'utf8'), `omero.host=localhost\nomero.user=root\nomero.sess=${U1}\n`);
  });

  it('URL-quotes the host directory like Python quote(host, safe="")', async () => {
    const store = new SessionStore(dir);
    await store.add('::1', 'root', U1, {});
    await store.add("h!'()*~_.-x", 'root', U2, {});
    assert.deepEqual(await readdir(dir), ['%3A%3A1', 'h%21%27%28%29%2A~_.-x'].sort());
    assert.equal(
      await readFile(join(dir, '%3A%3A1', 'root', U1), 'utf8'),
      `omero.host=::1\nomero.user=root\nomero.sess=${U1}\n`,
    );
  });

  it('writes pointer files as raw text without a newline; LASTPORT defaults to 4064', async () => {
    const store = new SessionStore(dir);
    await store.add('::1', 'jsmith', U1, {});
    await store.setCurrent('::1', 'jsmith', U1, { 'omero.host': '::1' });
    assert.equal(await readFile(join(dir, '._LASTHOST_'), 'utf8'), '::1');
    assert.equal(await readFile(join(dir, '._LASTPORT_'), 'utf8'), '4064');
    assert.equal(await readFile(join(dir, '%3A%3A1', '._LASTUSER_'), 'utf8'), 'jsmith');
    assert.equal(await readFile(join(dir, '%3A%3A1', 'jsmith', '._LASTSESS_'), 'utf8'), U1);
    await store.setCurrent('::1', null, null, { 'omero.port': '14064' });
    assert.equal(await readFile(join(dir, '._LASTPORT_'), 'utf8'), '14064');
  });

  it('does not touch LASTPORT when no props are given (omero-py set_current)', async () => {
    const store = new SessionStore(dir);
    await store.setCurrent('h', 'u', U1);
    assert.deepEqual(await tree(dir), ['._LASTHOST_', 'h', 'h/._LASTUSER_', 'h/u', 'h/u/._LASTSESS_']);
  });

  it('reads a store written by omero-py (trailing newlines, 0600 files)', async () => {
    await mkdir(join(dir, 'omero.example.org', 'jsmith'), { recursive: true, mode: 0o700 });
    const w = (p: string, t: string) => writeFile(join(dir, p), t, { mode: 0o600 });
    await w('._LASTHOST_', 'omero.example.org\n');
    await w('._LASTPORT_', '4064\n');
    await w('omero.example.org/._LASTUSER_', ' jsmith\n');
    await w('omero.example.org/jsmith/._LASTSESS_', `${U2}\n`);
    await w(`omero.example.org/jsmith/${U2}`, `omero.host=omero.example.org\nomero.user=jsmith\nomero.sess=${U2}\n\nodd\nx=a=b\n`);
    const store = new SessionStore(dir);
    assert.deepEqual(await store.getCurrent(), { host: 'omero.example.org', user: 'jsmith', uuid: U2, port: '4064' });
    assert.deepEqual(await store.get('omero.example.org', 'jsmith', U2), {
      'omero.host': 'omero.example.org',
      'omero.user': 'jsmith',
      'omero.sess': U2,
      odd: '',
      x: 'a=b',
    });
  });
});

describe('SessionStore: modes on disk', () => {
  for (const umask of [0o000, 0o277]) {
    it(`creates directories 0700 and files 0600, even with umask 0${umask.toString(8)}`, async () => {
      const old = process.umask(umask);
      try {
        const store = new SessionStore(dir);
        await store.add('h', 'u', U1, {});
        await store.setCurrent('h', 'u', U1, {});
      } finally {
        process.umask(old);
      }
      for (const d of [dir, join(dir, 'h'), join(dir, 'h', 'u')]) assert.equal(await mode(d), 0o700, d);
      for (const f of ['._LASTHOST_', '._LASTPORT_', 'h/._LASTUSER_', `h/u/._LASTSESS_`, `h/u/${U1}`]) {
        assert.equal(await mode(join(dir, f)), 0o600, f);
      }
    });
  }

  it('leaves no temporary files behind', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U1, {});
    await store.add('h', 'u', U1, { 'omero.group': 'g' });
    await store.setCurrent('h', 'u', U1, {});
    assert.deepEqual(await tree(dir), ['._LASTHOST_', '._LASTPORT_', 'h', 'h/._LASTUSER_', 'h/u', 'h/u/._LASTSESS_', `h/u/${U1}`]);
  });

  it('chmods existing group/world-accessible directories to 0700', async () => {
    await mkdir(join(dir, 'h', 'u'), { recursive: true });
    await chmod(dir, 0o755);
    await chmod(join(dir, 'h'), 0o775);
    await chmod(join(dir, 'h', 'u'), 0o777);
    const store = new SessionStore(dir);
    assert.deepEqual(await store.available('h', 'u'), []);
    for (const d of [dir, join(dir, 'h'), join(dir, 'h', 'u')]) assert.equal(await mode(d), 0o700, d);
  });

  it('refuses to read a group/world-readable session file and says to chmod 600', async () => {
    const store = new SessionStore(dir);
    const file = await store.add('h', 'u', U1, {});
    await chmod(file, 0o644);
    await assert.rejects(store.get('h', 'u', U1), (err: unknown) => {
      assert.ok(err instanceof SessionStoreError);
      assert.equal(err.rc, 155);
      assert.equal(err.path, file);
      assert.match(err.message, /Permissions 0644/);
      assert.ok(err.message.includes(`chmod 600 '${file}'`), err.message);
      return true;
    });
    await assert.rejects(store.available('h', 'u'), SessionStoreError);
    await chmod(file, 0o600);
    assert.deepEqual(await store.available('h', 'u'), [U1]);
  });

  it('refuses a readable ._LASTSESS_ (it holds the key)', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U1, {});
    await store.setCurrent('h', 'u', U1, {});
    await chmod(join(dir, 'h', 'u', '._LASTSESS_'), 0o640);
    await assert.rejects(store.getCurrent(), /too open/);
  });

  it('reports an unusable session directory with rc 155', async () => {
    await mkdir(join(dir, '..'), { recursive: true });
    await writeFile(dir, 'not a directory');
    await assert.rejects(new SessionStore(dir).getCurrent(), (err: unknown) => {
      assert.ok(err instanceof SessionStoreError);
      assert.equal(err.rc, 155);
      assert.match(err.message, /^Could not access session dir: /);
      return true;
    });
  });

  it('replaces a symlink at the target instead of writing through it', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U1, {});
    const outside = join(base, `outside-${n}`);
    await writeFile(outside, 'untouched');
    await symlink(outside, join(dir, '._LASTHOST_'));
    await store.setCurrent('h');
    assert.equal(await readFile(outside, 'utf8'), 'untouched');
    assert.equal(await readFile(join(dir, '._LASTHOST_'), 'utf8'), 'h');
  });
});

describe('SessionStore: current pointer', () => {
  it('defaults to localhost:4064 with no user or key on an empty store', async () => {
    const store = new SessionStore(dir);
    assert.deepEqual(await store.getCurrent(), { host: 'localhost', user: null, uuid: null, port: '4064' });
    assert.equal(await store.lastHost(), 'localhost');
    assert.equal(await store.lastPort(), '4064');
    assert.equal(await mode(dir), 0o700);
  });

  it('round-trips set/get and reads the user only when a host is stored', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U1, { 'omero.port': '4065' });
    await store.setCurrent('h', 'u', U1, { 'omero.port': '4065' });
    assert.deepEqual(await store.getCurrent(), { host: 'h', user: 'u', uuid: U1, port: '4065' });
    await writeFile(join(dir, '._LASTHOST_'), '  \n');
    assert.deepEqual(await store.getCurrent(), { host: 'localhost', user: null, uuid: null, port: '4065' });
  });

  it('returns the LASTSESS key even when its file is gone (omero-py get_current)', async () => {
    const store = new SessionStore(dir);
    await store.setCurrent('h', 'u', U2);
    assert.equal((await store.getCurrent()).uuid, U2);
  });
});

describe('SessionStore: sessions', () => {
  it('lists keys without dot files, stray temp files or directories', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U2, {});
    await store.add('h', 'u', U1, {});
    await store.setCurrent('h', 'u', U1, {});
    await writeFile(join(dir, 'h', 'u', '.x.123.tmp'), 'omero.sess=zzz\n', { mode: 0o600 });
    await mkdir(join(dir, 'h', 'u', 'subdir'));
    assert.deepEqual(await store.available('h', 'u'), [U1, U2]);
    assert.deepEqual(await store.available('h', 'nobody'), []);
    assert.deepEqual(await store.available('other', 'u'), []);
  });

  it('get returns null and exists/sessionFile report a missing session', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U1, {});
    assert.equal(await store.get('h', 'u', U2), null);
    assert.equal(await store.exists('h', 'u', U2), false);
    assert.equal(await store.exists('h', 'u', U1), true);
    assert.equal(await store.sessionFile('h', 'u', U1), join(dir, 'h', 'u', U1));
    assert.equal(await store.sessionFile('h', 'u', '../../x'), null);
  });

  it('remove deletes the file and LASTSESS only when it pointed there', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'u', U1, {});
    await store.add('h', 'u', U2, {});
    await store.setCurrent('h', 'u', U1, {});
    assert.equal(await store.remove('h', 'u', U2), true);
    assert.equal((await store.getCurrent()).uuid, U1);
    assert.equal(await store.remove('h', 'u', U1), true);
    assert.deepEqual(await store.getCurrent(), { host: 'h', user: 'u', uuid: null, port: '4064' });
    assert.deepEqual(await tree(join(dir, 'h')), ['._LASTUSER_', 'u']);
    assert.equal(await store.remove('h', 'u', U1), false);
    assert.equal(await store.remove('h', 'u', null), false);
  });

  it('clear removes every session file, keeps bookkeeping, and reports what it removed', async () => {
    const store = new SessionStore(dir);
    await store.add('h1', 'a', U1, { 'omero.port': '4064' });
    await store.add('::1', 'b', U2, {});
    await store.setCurrent('h1', 'a', U1, {});
    const removed = await store.clear();
    assert.deepEqual(
      removed.map((s) => [s.host, s.user, s.uuid, s.file]),
      [
        ['::1', 'b', U2, join(dir, '%3A%3A1', 'b', U2)],
        ['h1', 'a', U1, join(dir, 'h1', 'a', U1)],
      ],
    );
    assert.equal(removed[1]?.props['omero.port'], '4064');
    assert.deepEqual(await tree(dir), [
      '%3A%3A1', '%3A%3A1/b', '._LASTHOST_', '._LASTPORT_', 'h1', 'h1/._LASTUSER_', 'h1/a', 'h1/a/._LASTSESS_',
    ]);
    assert.deepEqual(await store.clear(), []);
  });

  it('clear also deletes files it may not read, with a null key', async () => {
    const store = new SessionStore(dir);
    const file = await store.add('h', 'u', U1, {});
    await chmod(file, 0o644);
    await assert.rejects(store.list(), SessionStoreError);
    const removed = await store.clear();
    assert.deepEqual(removed.map((s) => [s.uuid, s.file]), [[null, file]]);
    assert.deepEqual(await store.list(), []);
  });

  it('refuses names that would escape the store', async () => {
    const store = new SessionStore(dir);
    await assert.rejects(store.add('h', '..', U1, {}), /invalid user name/);
    await assert.rejects(store.add('h', 'a/b', U1, {}), /invalid user name/);
    await assert.rejects(store.add('', 'u', U1, {}), /empty host/);
    await assert.rejects(store.add('h', 'u', '../x', {}), /invalid session file name/);
    await assert.rejects(store.add('h', 'u', '.hidden', {}), /invalid session file name/);
    await assert.rejects(store.add('h', 'u', U1, { 'omero.group': 'a\nomero.sudo=root' }), /invalid value/);
  });
});

describe('SessionStore.conflicts (omero-py rules)', () => {
  const cases: [string, Record<string, string>, Record<string, string | null>, boolean, boolean, string][] = [
    ['no port vs 4064 is not a conflict', {}, { 'omero.port': '4064' }, false, true, ''],
    ['4064 vs no port is not a conflict', { 'omero.port': '4064' }, {}, false, true, ''],
    ['different ports', { 'omero.port': '4064' }, { 'omero.port': '4065' }, false, true, 'omero.port: 4064!=4065'],
    ['no port vs 4065', {}, { 'omero.port': '4065' }, false, true, 'omero.port: None!=4065'],
    ['group differs', { 'omero.group': 'a' }, { 'omero.group': 'b' }, false, true, 'omero.group: a!=b'],
    ['group vs none', { 'omero.group': 'a' }, {}, false, true, 'omero.group: a!=None'],
    ['group ignored when checkGroup is off', { 'omero.group': 'a' }, { 'omero.group': 'b' }, false, false, ''],
    ['a missing new value matches with ignoreNulls', { 'omero.group': 'a', 'omero.port': '1' }, {}, true, true, ''],
    [
      'both, joined by "; "',
      { 'omero.port': '4064', 'omero.group': 'a' },
      { 'omero.port': '4065', 'omero.group': 'b' },
      false,
      true,
      'omero.port: 4064!=4065; omero.group: a!=b',
    ],
  ];
  for (const [name, stored, next, ignoreNulls, checkGroup, expected] of cases) {
    it(name, async () => {
      const store = new SessionStore(dir);
      await store.add('h', 'u', U1, stored);
      assert.equal(await store.conflicts('h', 'u', U1, next, ignoreNulls, checkGroup), expected);
    });
  }
});

describe('SessionStore.find', () => {
  it('finds the host and user of a stored key, or null', async () => {
    const store = new SessionStore(dir);
    await store.add('::1', 'alice', U1, {});
    await store.add('h', 'bob', U2, {});
    assert.deepEqual(await store.find(U1), { host: '::1', user: 'alice' });
    assert.deepEqual(await store.find(U2, 'h'), { host: 'h', user: 'bob' });
    assert.equal(await store.find(U2, '::1'), null);
    assert.equal(await store.find('nope'), null);
    assert.equal(await store.find('../h'), null);
  });

  it('throws when a key is stored under two names (omero-py)', async () => {
    const store = new SessionStore(dir);
    await store.add('h', 'alice', U1, {});
    await store.add('h', 'bob', U1, {});
    await assert.rejects(store.find(U1, 'h'), new RegExp(`^SessionStoreError: Multiple names found for uuid=${U1}: alice, bob$`));
  });
});
