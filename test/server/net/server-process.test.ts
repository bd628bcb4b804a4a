import assert from 'node:assert/strict';
import { connect as tcpConnect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { PRODUCT, PROTOCOL_VERSION } from '../../../src/contract/index.js';
import { encodeFrame, STREAM_PREAMBLE } from '../../../src/contract/stream-frames.js';
import { openCliEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { ENGINES, ROOT_PASSWORD } from '../../helpers/test-database.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';

/** Talks the raw protocol: one WebSocket, frames in, frames out. */
async function rawClient(port: number): Promise<{ ws: WebSocket; next(): Promise<Record<string, unknown>>; closed: Promise<number> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  const frames: Record<string, unknown>[] = [];
  const waiters: Array<(f: Record<string, unknown>) => void> = [];
  ws.on('message', (d) => {
    const f = JSON.parse(String(d));
    const w = waiters.shift();
    if (w) w(f);
    else frames.push(f);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, next: () => (frames.length ? Promise.resolve(frames.shift()!) : new Promise((r) => waiters.push(r))), closed };
}

const HELLO = JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: 'test' } });

for (const engine of ENGINES) {
  describe(`a server process and its clients (${engine})`, () => {
    let cli: CliEnvironment;
    let server: ServerProcess;
    const at = (): string[] => ['-s', '127.0.0.1', '-p', String(server.port)];
    before(async () => {
      cli = await openCliEnvironment(engine);
      server = await startServerProcess(cli.env);
    });
    after(async () => {
      await server?.stop();
      await cli?.close();
    });

    it('serves the CLI at -s/-p, and a session key belongs to the server it was made on', async () => {
      const list = await cli.run([...at(), '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list']);
      assert.equal(list.status, 0, list.stderr);
      assert.match(list.stdout, /\| root +\|/);
      assert.match(list.stderr, new RegExp(`Created session for root@127\\.0\\.0\\.1:${server.port}\\.`));
      const key = (await cli.run([...at(), 'sessions', 'key'])).stdout.trim();
      assert.match(key, /^[0-9a-f-]{36}$/);
      const joined = await cli.run([...at(), '-k', key, 'group', 'list']);
      assert.equal(joined.status, 0, joined.stderr);
      // Another server on another database does not know the key.
      const other = await openCliEnvironment(engine);
      const otherServer = await startServerProcess(other.env);
      try {
        const r = await other.run(['-s', '127.0.0.1', '-p', String(otherServer.port), '-k', key, 'group', 'list']);
        assert.equal(r.status, 523 % 256, r.stderr);
        assert.match(r.stderr, new RegExp(`Bad session key\\. Cannot join the given session on 127\\.0\\.0\\.1:${otherServer.port}\\.`));
      } finally {
        await otherServer.stop();
        await other.close();
      }
    });

    it('a server that is not there: rc 554 at once, one line, no stack trace; an unknown host rc 555', async () => {
      const nobody = await cli.run(['-s', '127.0.0.1', '-p', '1', '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list']);
      assert.equal(nobody.status, 554 % 256);
      assert.equal(nobody.stderr, "Ice.ConnectionRefusedException: 127.0.0.1:1 isn't running\n");
      const dns = await cli.run(['-s', 'no-such-host.invalid', '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list']);
      assert.equal(dns.status, 555 % 256);
      assert.equal(dns.stderr, "Ice.DNSException: bad host name: 'no-such-host.invalid'\n");
    });

    it('something else on the port is "not an omero-shell server", not a hang or a crash', async () => {
      const { createServer } = await import('node:http');
      const web = createServer((_q, r) => r.end('hello'));
      await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
      const port = (web.address() as { port: number }).port;
      try {
        const r = await cli.run(['-s', '127.0.0.1', '-p', String(port), '-u', 'root', '-w', ROOT_PASSWORD, 'user', 'list']);
        assert.equal(r.status, 556 % 256, r.stderr);
        assert.match(r.stderr, /^Ice\.ProtocolException: 127\.0\.0\.1:\d+ is not an omero-shell server \(it answered HTTP 200\)\n$/);
      } finally {
        web.close();
      }
    });

    it('refuses garbage bytes, bad greetings and malformed frames on that connection only', async () => {
      // Raw bytes that are not HTTP: the socket is closed.
      const sock = tcpConnect(server.port, '127.0.0.1');
      await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
      sock.write(Buffer.from([0x49, 0x63, 0x65, 0x50, 0x01, 0x00, 0xff, 0x00, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]));
      await new Promise<void>((resolve) => sock.once('close', () => resolve()));
      // A greeting of another product or protocol.
      const wrong = await rawClient(server.port);
      wrong.ws.send(JSON.stringify({ hello: { product: 'Ice', protocol: 1, version: '3.7' } }));
      assert.match(String((await wrong.next()).refused), /omero-shell greeting/);
      assert.equal(await wrong.closed, 1008);
      const old = await rawClient(server.port);
      old.ws.send(JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION + 1, version: '9' } }));
      assert.match(String((await old.next()).refused), /protocol \d+ is not served here/);
      // Frames after the greeting: not JSON, binary, unknown kinds, reused ids.
      for (const bad of ['{not json', Buffer.from([1, 2, 3]), JSON.stringify({ what: 1 }), JSON.stringify({ id: -1, request: { op: 'ping' } })]) {
        const c = await rawClient(server.port);
        c.ws.send(HELLO);
        assert.ok((await c.next()).hello);
        c.ws.send(bad);
        assert.ok((await c.next()).refused, String(bad));
        assert.equal(await c.closed, 1008);
      }
      // Requests that are well framed but wrong are answered as errors, and the connection stays.
      const c = await rawClient(server.port);
      c.ws.send(HELLO);
      await c.next();
      const cases: Array<[unknown, RegExp]> = [
        [{ op: 'invoke', key: 'no-such-session', service: 'IAdmin', method: 'getEventContext', args: [] }, /RemovedSessionException|SessionException|session/i],
        [{ op: 'invoke', key: 'k', service: 'IAdmin', method: 'constructor', args: [] }, /Unknown method IAdmin\.constructor/],
        [{ op: 'dropTables' }, /Unknown request: dropTables/],
        [{ op: 'login', username: 42, password: 'x' }, /needs a string username/],
        [{ op: 'login', username: 'root', password: 'x', group: {} }, /group must be a string/],
      ];
      let id = 1;
      for (const [request, expected] of cases) {
        c.ws.send(JSON.stringify({ id, request }));
        const f = (await c.next()) as { id: number; reply: { ok: boolean; error: unknown } };
        assert.equal(f.id, id++);
        assert.equal(f.reply.ok, false);
        assert.match(JSON.stringify(f.reply.error), expected);
        assert.doesNotMatch(JSON.stringify(f.reply.error), /select |insert |InternalException/i);
      }
      c.ws.send(JSON.stringify({ id, request: { op: 'ping' } }));
      assert.deepEqual(((await c.next()) as { reply: unknown }).reply, { ok: true, value: true });
      c.ws.close();
      // Other clients were never harmed.
      const r = await cli.run([...at(), '-u', 'root', '-w', ROOT_PASSWORD, 'group', 'list']);
      assert.equal(r.status, 0, r.stderr);
    });

    it('a flood of connections past the limit is refused (HTTP 503) without harming the open ones', async () => {
      const small = await openCliEnvironment(engine);
      const limited = await startServerProcess(small.env, { args: ['--max-connections', '3'] });
      try {
        const open = await Promise.all([0, 1, 2].map(() => rawClient(limited.port)));
        await assert.rejects(rawClient(limited.port), /503/);
        // The open connections still work.
        open[0]!.ws.send(HELLO);
        assert.ok((await open[0]!.next()).hello);
        open[0]!.ws.send(JSON.stringify({ id: 1, request: { op: 'ping' } }));
        assert.deepEqual(((await open[0]!.next()) as { reply: unknown }).reply, { ok: true, value: true });
        // Room again once one goes.
        open[1]!.ws.close();
        await open[1]!.closed;
        const again = await rawClient(limited.port);
        again.ws.close();
        for (const c of open) c.ws.close();
      } finally {
        await limited.stop();
        await small.close();
      }
    });

    it('survives a restart: sessions are rows, the next call reconnects; a killed server is one clean line', async () => {
      const key = (await cli.run([...at(), '-u', 'root', '-w', ROOT_PASSWORD, 'sessions', 'key'])).stdout.trim();
      await server.kill();
      const down = await cli.run([...at(), '-k', key, 'user', 'list']);
      assert.equal(down.status, 554 % 256);
      assert.equal(down.stderr.trim().split('\n').length, 1, down.stderr);
      server = await startServerProcess(cli.env, { port: server.port });
      const again = await cli.run([...at(), '-k', key, 'user', 'list']);
      assert.equal(again.status, 0, again.stderr);
    });

    it('an auto-started server with clients connected stops at once, by itself', { timeout: 60_000 }, async () => {
      await server.stop();
      const auto = await startServerProcess(cli.env, { args: ['--auto', '--idle-minutes', '10'] });
      const client = tcpConnect({ host: '127.0.0.1', port: auto.port });
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', reject);
      });
      client.write(Buffer.concat([Buffer.from(STREAM_PREAMBLE), encodeFrame(HELLO)]));
      await new Promise<void>((resolve) => client.once('data', () => resolve()));
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      client.on('error', () => undefined);
      await auto.stop();
      await closed;
      // Closing that connection used to arm the idle timer again, which held the process for 10 minutes.
      assert.equal(auto.child.signalCode, null, auto.log());
      assert.equal(auto.child.exitCode, 0, auto.log());
      assert.match(auto.log(), /INFO stopped\n?$/m);
    });
  });
}
