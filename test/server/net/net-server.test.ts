import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { MAX_FRAME_BYTES, PRODUCT, PROTOCOL_VERSION, type ServerFrame } from '../../../src/contract/index.js';
import { encodeFrame, FrameDecoder, STREAM_PREAMBLE } from '../../../src/contract/stream-frames.js';
import { NetServer } from '../../../src/server/net/net-server.js';
import { ServerLog } from '../../../src/server/net/server-log.js';
import { OmeroServer } from '../../../src/server/omero-server.js';
import { createTestDatabase } from '../../helpers/test-database.js';

const HELLO = { hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: 'test' } };

/** A client of the plain stream protocol, frames in and out as objects. */
interface StreamClient {
  readonly socket: Socket;
  send(frame: unknown): void;
  next(): Promise<ServerFrame>;
  readonly closed: Promise<void>;
}

function streamClient(port: number, preamble: Buffer = STREAM_PREAMBLE): StreamClient {
  const socket = connect({ host: '127.0.0.1', port });
  const decoder = new FrameDecoder();
  const queue: ServerFrame[] = [];
  const waiting: Array<(f: ServerFrame) => void> = [];
  socket.on('data', (chunk: Buffer) => {
    for (const json of decoder.push(chunk)) {
      const frame = JSON.parse(json) as ServerFrame;
      const w = waiting.shift();
      if (w) w(frame);
      else queue.push(frame);
    }
  });
  socket.on('error', () => undefined);
  socket.write(preamble);
  return {
    socket,
    send: (frame) => socket.write(encodeFrame(JSON.stringify(frame))),
    next: () => new Promise((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))),
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
  };
}

describe('one port, two protocols: WebSocket and the plain stream (pglite, in this process)', () => {
  let engine: OmeroServer;
  let net: NetServer;
  let port: number;
  before(async () => {
    const db = await createTestDatabase('pglite');
    engine = await OmeroServer.open(db.config);
    net = await NetServer.listen(engine, new ServerLog(null), { port: 0, maxConnections: 3 });
    port = net.address.port;
  });
  after(async () => {
    await net?.close();
    await engine?.close();
  });

  it('a stream client and a WebSocket client are served side by side, and counted', async () => {
    const stream = streamClient(port);
    stream.send(HELLO);
    const hello = await stream.next();
    assert.ok('hello' in hello && hello.hello.serverId === net.serverId, JSON.stringify(hello));
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    const wsFrames: ServerFrame[] = [];
    const wsGot = (n: number) => new Promise<void>((resolve) => ws.on('message', (d) => (wsFrames.push(JSON.parse(String(d)) as ServerFrame), wsFrames.length === n && resolve())));
    await new Promise((resolve) => ws.once('open', resolve));
    const twoFrames = wsGot(2);
    ws.send(JSON.stringify(HELLO));
    ws.send(JSON.stringify({ id: 5, request: { op: 'ping' } }));
    stream.send({ id: 1, request: { op: 'ping' } });
    assert.deepEqual(await stream.next(), { id: 1, reply: { ok: true, value: true } });
    await twoFrames;
    assert.deepEqual(wsFrames[1], { id: 5, reply: { ok: true, value: true } });
    assert.equal(net.connections, 2);
    stream.socket.destroy();
    ws.terminate();
    await stream.closed;
    for (let i = 0; i < 100 && net.connections > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(net.connections, 0);
  });

  it('a frame over the limit is refused from its length, that connection closed, the others served', async () => {
    const other = streamClient(port);
    other.send(HELLO);
    await other.next();
    const big = streamClient(port);
    big.send(HELLO);
    await big.next();
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
    big.socket.write(prefix);
    const refused = await big.next();
    assert.ok('refused' in refused && /over the limit/.test(refused.refused), JSON.stringify(refused));
    await big.closed;
    other.send({ id: 2, request: { op: 'ping' } });
    assert.deepEqual(await other.next(), { id: 2, reply: { ok: true, value: true } });
    other.socket.destroy();
  });

  it('garbage after the preamble is refused; a preamble not ours is dropped without a word', async () => {
    const garbage = streamClient(port);
    garbage.socket.write(encodeFrame('{not json'));
    const refused = await garbage.next();
    assert.ok('refused' in refused && /not JSON/.test(refused.refused), JSON.stringify(refused));
    await garbage.closed;
    const stranger = streamClient(port, Buffer.from('\0something else entirely\n'));
    let received = 0;
    stranger.socket.on('data', (d: Buffer) => void (received += d.length));
    await stranger.closed;
    assert.equal(received, 0);
  });

  it('plain HTTP still gets its 426 answer on the same port', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    assert.equal(status, 426);
  });

  it('past the connection limit a stream client is refused with a frame saying so', async () => {
    const open = [streamClient(port), streamClient(port), streamClient(port)];
    for (const c of open) c.send(HELLO);
    for (const c of open) await c.next();
    const extra = streamClient(port);
    const refused = await extra.next();
    assert.deepEqual(refused, { refused: 'too many connections' });
    await extra.closed;
    for (const c of open) c.socket.destroy();
  });
});
