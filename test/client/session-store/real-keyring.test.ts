/**
 * KeyringStore against a real keyring (issue 16 item 5): `@napi-rs/keyring` talking to a real
 * Secret Service (gnome-keyring on a private D-Bus session bus, test/helpers/secret-service.ts),
 * and `omero login` through the real binary keeping its session key there and not on disk.
 * Where no Secret Service can be started the suite reports itself skipped with the reason (a
 * failure under OMERO_TEST_REQUIRE=keyring, which .ci/run sets).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KEYRING_SERVICE, KeyringStore, type KeyringModule } from '../../../src/client/session-store/keyring-store.js';
import { openSecretStore } from '../../../src/client/session-store/open-secret-store.js';
import { openSessionStore } from '../../../src/client/session-store/open-session-store.js';
import { openCliEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { SECRET_SERVICE_MISSING, startSecretService, type SecretService } from '../../helpers/secret-service.js';
import { skipUnless } from '../../helpers/suite-skip.js';
import { ROOT_PASSWORD } from '../../helpers/test-database.js';

/** Every regular file under `dir` whose bytes contain `text`. */
function filesHolding(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((rel) => join(dir, String(rel)))
    .filter((p) => statSync(p).isFile() && readFileSync(p).includes(Buffer.from(text)));
}

describe('KeyringStore against a real Secret Service', { skip: skipUnless('keyring', SECRET_SERVICE_MISSING) }, () => {
  let keyring: KeyringModule;
  let service: SecretService;
  let cli: CliEnvironment;

  before(async () => {
    keyring = (await import('@napi-rs/keyring')) as KeyringModule;
    service = await startSecretService(keyring);
    cli = await openCliEnvironment('pglite');
  });
  after(async () => {
    await cli?.close();
    await service?.stop();
  });

  it('openSecretStore probes the real keyring and chooses it', async () => {
    const store = await openSecretStore({ env: { DBUS_SESSION_BUS_ADDRESS: service.address } });
    assert.equal(store.kind, 'keyring', 'reason' in store ? String(store.reason) : '');
  });

  it('save, load and delete a key; another store instance reads what the first saved', async () => {
    const key = randomUUID();
    const first = new KeyringStore(keyring);
    const fileId = await first.save('localhost', 'kr-user', key);
    assert.equal(await new KeyringStore(keyring).load('localhost', 'kr-user', fileId), key);
    // It is filed where the layout says: service omero-cli, account host/user/file id.
    const entry = new keyring.AsyncEntry(KEYRING_SERVICE, KeyringStore.account('localhost', 'kr-user', fileId), { linux: { store: 'secret-service' } });
    assert.equal(await entry.getPassword(), key);
    await first.delete('localhost', 'kr-user', fileId);
    assert.equal(await first.load('localhost', 'kr-user', fileId), null);
  });

  it('`omero login` keeps its session key in the keyring and in no file; with OMERO_KEYRING=0, in the session file (the control)', async () => {
    const keyringEnv = { OMERO_KEYRING: '', DBUS_SESSION_BUS_ADDRESS: service.address };
    const login = await cli.run(['login', '-u', 'root', '--password-stdin'], { input: `${ROOT_PASSWORD}\n`, env: keyringEnv });
    assert.equal(login.status, 0, login.stderr);
    const printed = await cli.run(['sessions', 'key'], { env: keyringEnv });
    const key = printed.stdout.trim();
    assert.match(key, /^[0-9a-f-]{36}$/, printed.stderr);
    const current = await (await openSessionStore({ env: { ...cli.env, ...keyringEnv } })).getCurrent();
    assert.equal(current.uuid, key);
    assert.deepEqual(filesHolding(cli.userDir, key), [], 'the session key is in a file');
    assert.deepEqual(filesHolding(service.home, key), [], 'the keyring daemon wrote the key in clear');
    // Control: the same check finds a key kept in a session file.
    const fileLogin = await cli.run(['login', '-C', '-u', 'root', '--password-stdin'], { input: `${ROOT_PASSWORD}\n`, env: { OMERO_KEYRING: '0' } });
    assert.equal(fileLogin.status, 0, fileLogin.stderr);
    const fileKey = (await cli.run(['sessions', 'key'], { env: { OMERO_KEYRING: '0' } })).stdout.trim();
    assert.notDeepEqual(filesHolding(join(cli.userDir, 'sessions'), fileKey), []);
  });
});
