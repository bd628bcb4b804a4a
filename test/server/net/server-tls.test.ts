import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PRODUCT, PROTOCOL_VERSION } from '../../../src/contract/index.js';
import { encodeFrame, STREAM_PREAMBLE } from '../../../src/contract/stream-frames.js';
import { openCliEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { ROOT_PASSWORD } from '../../helpers/test-database.js';
import { freePort, startServerProcess, type ServerProcess } from '../../helpers/server-process.js';

/** A self-signed certificate for `localhost` and 127.0.0.1, made with the machine's openssl. */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

const haveOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('TLS on the wire (pglite)', { skip: haveOpenssl ? false : 'needs the openssl command to make a certificate' }, () => {
  let cli: CliEnvironment;
  let dir: string;
  let pem: { cert: string; key: string };
  let server: ServerProcess;
  before(async () => {
    cli = await openCliEnvironment('pglite');
    dir = mkdtempSync(join(tmpdir(), 'omero-tls-'));
    pem = selfSigned(dir);
    server = await startServerProcess(cli.env, { args: ['--tls-cert', pem.cert, '--tls-key', pem.key] });
  });
  after(async () => {
    await server?.stop();
    await cli?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a client that trusts the certificate logs in over TLS', async () => {
    const r = await cli.run(['-s', 'localhost', '-p', String(server.port), '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list'], { env: { OMERO_TLS: '1', OMERO_TLS_CA: pem.cert } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\| root +\|/);
  });

  it('a client that does not trust it, or speaks plain WebSocket to it, is refused with one line', async () => {
    const untrusted = await cli.run(['-s', 'localhost', '-p', String(server.port), '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list'], { env: { OMERO_TLS: '1' } });
    assert.equal(untrusted.status, 556 % 256);
    assert.match(untrusted.stderr, /^Ice\.ProtocolException: localhost:\d+: .*(self-signed|certificate).*\n$/);
    const plain = await cli.run(['-s', 'localhost', '-p', String(server.port), '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list'], { env: { OMERO_TLS: '0' } });
    assert.equal(plain.status, 556 % 256);
    assert.equal(plain.stderr.trim().split('\n').length, 1, plain.stderr);
  });

  it('the plain stream protocol is not served with TLS: the connection is closed without a byte', async () => {
    const socket = connect({ host: '127.0.0.1', port: server.port });
    let received = 0;
    socket.on('data', (d: Buffer) => void (received += d.length));
    socket.on('error', () => undefined);
    socket.write(STREAM_PREAMBLE);
    socket.write(encodeFrame(JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: 'test' } })));
    await new Promise((resolve) => socket.once('close', resolve));
    assert.equal(received, 0);
  });

  it('an address other than loopback needs TLS, unless plaintext is asked for by name', async () => {
    const port = await freePort();
    const r = await cli.run(['admin', 'start', '--foreground', '--host', '0.0.0.0', '--port', String(port)]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /refusing to serve 0\.0\.0\.0 without TLS: give a certificate and key \(--tls-cert, --tls-key\), or --insecure-plaintext/);
  });
});
