/**
 * The command line's async transport (issue 10 item 5): the server's WebSocket protocol spoken
 * from the main thread. Against fake servers, so that the server's side of each case (replies out
 * of order, a cancel frame, a server killed mid-call) is exactly what the test says.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { WebSocketServer, type WebSocket } from 'ws';
import { AsyncOmeroClient } from '../../../src/client/async-client.js';
import { AsyncSocketTransport } from '../../../src/client/transport/async-socket-transport.js';
import { PRODUCT, PROTOCOL_VERSION, type ClientFrame, type ServerFrame, type SessionInfo } from '../../../src/contract/index.js';
import { encodeFrame, FrameDecoder, STREAM_PREAMBLE } from '../../../src/contract/stream-frames.js';
import { ConnectionLostException, ExperimenterI, Roles, rstring, toWire } from '../../../src/model/index.js';
import { OMERO_BIN, runOmero } from '../../helpers/cli-runner.js';

const SESSION: SessionInfo = { key: 'k-1', userId: 0, userName: 'root', groupId: 0, groupName: 'system', timeToIdleMs: 600_000, timeToLiveMs: 0 };
const HELLO: ServerFrame = { hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: 'fake', serverId: 'fake' } };

/** A fake omero-shell server in this process: greets, then hands every request frame to `onRequest`. */
async function fakeServer(onRequest: (frame: ClientFrame, ws: WebSocket) => void): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  let connections = 0;
  wss.on('connection', (ws) => {
    connections++;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ClientFrame;
      if ('hello' in frame) ws.send(JSON.stringify(HELLO));
      else onRequest(frame, ws);
    });
  });
  return {
    port: (wss.address() as { port: number }).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}

const reply = (ws: WebSocket, id: number, value: unknown): void => ws.send(JSON.stringify({ id, reply: { ok: true, value: toWire(value) } } satisfies ServerFrame));

describe('the async socket transport (CLI commands, no worker thread)', () => {
  it('two concurrent calls share one connection and each gets its own reply, whatever the order of the replies', async () => {
    const held: Array<{ id: number; method: string; ws: WebSocket }> = [];
    const server = await fakeServer((frame, ws) => {
      if (!('id' in frame)) return;
      const r = frame.request;
      if (r.op === 'join') return reply(ws, frame.id, SESSION);
      if (r.op !== 'invoke') return;
      held.push({ id: frame.id, method: r.method, ws });
      // Both calls are in before either is answered: answer them in reverse order.
      if (held.length === 2) {
        for (const h of [...held].reverse()) {
          if (h.method === 'lookupExperimenters') {
            const e = new ExperimenterI(7, true);
            e.omeName = rstring('user-7');
            reply(h.ws, h.id, [e]);
          } else reply(h.ws, h.id, new Roles());
        }
      }
    });
    const transport = new AsyncSocketTransport({ address: { host: '127.0.0.1', port: server.port, tls: false } });
    try {
      const client = new AsyncOmeroClient(transport);
      const admin = (await client.joinSession('k-1')).getAdminService();
      const [users, roles] = await Promise.all([admin.lookupExperimenters(), admin.getSecurityRoles()]);
      assert.equal(held.map((h) => h.method).join(','), 'lookupExperimenters,getSecurityRoles');
      assert.equal(users[0]!.omeName!.val, 'user-7');
      assert.ok(roles instanceof Roles);
      assert.equal(server.connections(), 1);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it('a call abandoned through its signal rejects with the reason and sends the server a cancel for its id', async () => {
    const frames: ClientFrame[] = [];
    let cancelled: () => void = () => undefined;
    const cancelSeen = new Promise<void>((resolve) => (cancelled = resolve));
    const server = await fakeServer((frame) => {
      frames.push(frame);
      if ('cancel' in frame) cancelled();
    });
    const transport = new AsyncSocketTransport({ address: { host: '127.0.0.1', port: server.port, tls: false } });
    try {
      const abort = new AbortController();
      const call = transport.request({ op: 'ping' }, abort.signal);
      // Abort once the request has reached the server.
      while (!frames.some((f) => 'request' in f)) await new Promise((r) => setTimeout(r, 5));
      abort.abort(new Error('interrupted'));
      await assert.rejects(call, /interrupted/);
      await cancelSeen;
      const sent = frames.find((f) => 'request' in f) as { id: number };
      assert.deepEqual(frames.find((f) => 'cancel' in f), { cancel: sent.id });
    } finally {
      transport.close();
      await server.close();
    }
  });

  it('a connection lost mid-call fails the calls in flight with ConnectionLostException; the next call connects again', async () => {
    let drop = true;
    const server = await fakeServer((frame, ws) => {
      if (!('id' in frame)) return;
      if (drop) return ws.terminate();
      reply(ws, frame.id, true);
    });
    const transport = new AsyncSocketTransport({ address: { host: '127.0.0.1', port: server.port, tls: false } });
    try {
      const [a, b] = await Promise.all([transport.request({ op: 'ping' }), transport.request({ op: 'ping' })]);
      for (const r of [a, b]) {
        assert.equal(r.ok, false);
        assert.throws(() => {
          throw (r as { error: unknown }).error;
        });
      }
      const { unwrapReply } = await import('../../../src/client/remote.js');
      assert.throws(() => unwrapReply(a), ConnectionLostException);
      drop = false;
      assert.deepEqual(await transport.request({ op: 'ping' }), { ok: true, value: true });
      assert.equal(server.connections(), 2);
    } finally {
      transport.close();
      await server.close();
    }
  });
});

describe('the protocol a client speaks', () => {
  it('a server without the stream protocol (it drops the preamble, as 0.3.0 did) is reached over WebSocket', async () => {
    const http = createServer();
    http.on('clientError', (_e, socket) => socket.destroy());
    const wss = new WebSocketServer({ server: http });
    let streamAttempts = 0;
    http.on('connection', (socket: Socket) => socket.once('data', (d: Buffer) => void (d[0] === 0 && streamAttempts++)));
    wss.on('connection', (ws) =>
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as ClientFrame;
        if ('hello' in frame) ws.send(JSON.stringify(HELLO));
        else if ('id' in frame) reply(ws, frame.id, true);
      }),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    const transport = new AsyncSocketTransport({ address: { host: '127.0.0.1', port: (http.address() as { port: number }).port, tls: false } });
    try {
      assert.deepEqual(await transport.request({ op: 'ping' }), { ok: true, value: true });
      assert.equal(streamAttempts, 1, 'the stream protocol was tried first');
      assert.equal(wss.clients.size, 1);
    } finally {
      transport.close();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });

  it('a server speaking it is reached without WebSocket (one connection, the stream preamble first)', async () => {
    const got: Buffer[] = [];
    const tcp = createNetServer((socket) => {
      const decoder = new FrameDecoder();
      let head = true;
      socket.on('data', (chunk: Buffer) => {
        got.push(chunk);
        if (head) {
          assert.ok(chunk.subarray(0, STREAM_PREAMBLE.length).equals(STREAM_PREAMBLE));
          chunk = chunk.subarray(STREAM_PREAMBLE.length);
          head = false;
        }
        for (const json of decoder.push(chunk)) {
          const frame = JSON.parse(json) as ClientFrame;
          if ('hello' in frame) socket.write(encodeFrame(JSON.stringify(HELLO)));
          else if ('id' in frame) socket.write(encodeFrame(JSON.stringify({ id: frame.id, reply: { ok: true, value: 'stream' } })));
        }
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', () => resolve()));
    const transport = new AsyncSocketTransport({ address: { host: '127.0.0.1', port: (tcp.address() as { port: number }).port, tls: false } });
    try {
      assert.deepEqual(await transport.request({ op: 'ping' }), { ok: true, value: 'stream' });
      assert.ok(got.length > 0);
    } finally {
      transport.close();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    }
  });
});

describe('a CLI command whose server is killed mid-call', () => {
  let userDir: string;
  let child: ChildProcess | null = null;
  before(() => {
    userDir = mkdtempSync(join(tmpdir(), 'omero-async-kill-'));
  });
  after(() => {
    child?.kill('SIGKILL');
    rmSync(userDir, { recursive: true, force: true });
  });

  it('prints one clean line, rc 556 (Ice.ConnectionLostException), no stack trace', async () => {
    // A fake server in its own process, which says when a call reached it; the test then kills it.
    const script = `
      import { WebSocketServer } from 'ws';
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      wss.on('listening', () => console.log('port ' + wss.address().port));
      wss.on('connection', (ws) => ws.on('message', (d) => {
        const f = JSON.parse(String(d));
        if (f.hello) return ws.send(${JSON.stringify(JSON.stringify(HELLO))});
        if (f.request.op === 'join') return ws.send(JSON.stringify({ id: f.id, reply: { ok: true, value: ${JSON.stringify(toWire(SESSION))} } }));
        console.log('call ' + f.request.method);
      }));`;
    child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: join(OMERO_BIN, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const port = Number(/^port (\d+)$/.exec(String((await lines.next()).value))![1]);
    const env = { PATH: process.env.PATH, HOME: userDir, OMERO_USERDIR: userDir, OMERO_KEYRING: '0', NO_COLOR: '1' };
    const run = runOmero(['-q', '-s', '127.0.0.1', '-p', String(port), '-k', 'k-1', 'user', 'list'], env);
    assert.equal((await lines.next()).value, 'call lookupExperimenters');
    child.kill('SIGKILL');
    const r = await run;
    assert.equal(r.status, 556 % 256, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Ice\.ConnectionLostException: the connection to 127\.0\.0\.1:\d+ was lost \(the server stopped\?\); try again\n$/);
  });
});
