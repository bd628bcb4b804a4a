import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { PRODUCT, PROTOCOL_VERSION, SERVICE_METHODS } from '../../../src/contract/index.js';
import { encodeFrame, FrameDecoder, STREAM_PREAMBLE } from '../../../src/contract/stream-frames.js';
import { NetServer } from '../../../src/server/net/net-server.js';
import { ServerLog } from '../../../src/server/net/server-log.js';
import { OmeroServer } from '../../../src/server/omero-server.js';
import { createTestDatabase, ROOT_PASSWORD } from '../../helpers/test-database.js';

const RUNS = Number(process.env.OMERO_FUZZ_RUNS ?? 150);

/**
 * The dispatcher against arbitrary frames from an authenticated client: whatever arrives, the
 * server answers with a clean OMERO exception (never an InternalException, never SQL) or closes
 * that connection as a protocol violation, and keeps serving everyone else.
 */
describe('the dispatcher against random frames (pglite, in this process)', () => {
  let engine: OmeroServer;
  let net: NetServer;
  let key: string;
  before(async () => {
    const db = await createTestDatabase('pglite');
    engine = await OmeroServer.open(db.config);
    net = await NetServer.listen(engine, new ServerLog(null), { port: 0, maxConnections: 8 });
    key = (await engine.sessions.createSession('root', ROOT_PASSWORD)).key;
  });
  after(async () => {
    await net?.close();
    await engine?.close();
  });

  type Outcome = { reply?: { ok: boolean; error?: unknown }; refused?: string; closed?: number };

  /** One connection in `protocol`: greet, send `frame`, and report the first thing that comes back. */
  function exchange(frame: string, protocol: 'websocket' | 'stream' = 'websocket'): Promise<Outcome> {
    return protocol === 'websocket' ? overWebSocket(frame) : overStream(frame);
  }

  async function overWebSocket(frame: string): Promise<Outcome> {
    const ws = new WebSocket(`ws://127.0.0.1:${net.address.port}/`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const frames: string[] = [];
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const first = new Promise<void>((resolve) => ws.on('message', (d) => (frames.push(String(d)), frames.length === 2 && resolve())));
    ws.send(JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: 'fuzz' } }));
    ws.send(frame);
    const code = await Promise.race([first.then(() => undefined), closed]);
    ws.terminate();
    const answer = frames[1] ? (JSON.parse(frames[1]) as Outcome) : {};
    return { ...answer, ...(code !== undefined ? { closed: code } : {}) };
  }

  async function overStream(frame: string): Promise<Outcome> {
    const socket = connect({ host: '127.0.0.1', port: net.address.port });
    const decoder = new FrameDecoder();
    const frames: string[] = [];
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(0)));
    const first = new Promise<void>((resolve) => socket.on('data', (d: Buffer) => (frames.push(...decoder.push(d)), frames.length >= 2 && resolve())));
    socket.on('error', () => undefined);
    socket.write(STREAM_PREAMBLE);
    socket.write(encodeFrame(JSON.stringify({ hello: { product: PRODUCT, protocol: PROTOCOL_VERSION, version: 'fuzz' } })));
    socket.write(encodeFrame(frame));
    const code = await Promise.race([first.then(() => undefined), closed]);
    socket.destroy();
    const answer = frames[1] ? (JSON.parse(frames[1]) as Outcome) : {};
    return { ...answer, ...(code !== undefined ? { closed: code } : {}) };
  }

  const services = Object.keys(SERVICE_METHODS);
  const methods = [...new Set(Object.values(SERVICE_METHODS).flatMap((m) => Object.keys(m))), 'constructor', '__proto__', 'toString'];
  // Objects that look like the wire format's tagged values, malformed or not: `{ $s: … }`, `{ $ref: … }`.
  const wireTagged = fc.dictionary(fc.constantFrom('$s', '$a', '$m', '$ref', '$c', '$b', '$n', '$d', '$e', '$o', '$id', 'f'), fc.jsonValue(), { minKeys: 1, maxKeys: 3 });
  const invoke = fc.record({
    op: fc.constant('invoke'),
    key: fc.oneof(fc.constant('KEY'), fc.string()),
    service: fc.oneof(fc.constantFrom(...services), fc.string()),
    method: fc.oneof(fc.constantFrom(...methods), fc.string()),
    args: fc.oneof(fc.array(fc.oneof(fc.jsonValue(), wireTagged), { maxLength: 4 }), fc.jsonValue(), wireTagged),
    ctx: fc.option(fc.dictionary(fc.constantFrom('omero.group', 'omero.user', 'x'), fc.oneof(fc.string(), fc.constant('-1'), fc.constant('99999999999999999999'))), { nil: undefined }),
  });
  const request = fc.oneof(invoke, fc.record({ op: fc.string(), key: fc.jsonValue() }), fc.jsonValue());
  const frame = fc.oneof(
    request.map((r) => JSON.stringify({ id: 1, request: r }).replace('"KEY"', JSON.stringify('KEY'))),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string(),
  );

  for (const protocol of ['websocket', 'stream'] as const) {
    it(`${RUNS} random frames over ${protocol === 'stream' ? 'the plain stream' : 'WebSocket'}: clean answers or a closed connection, never an internal error`, async () => {
      await fc.assert(
        fc.asyncProperty(frame, async (f) => {
          const out = await exchange(f.replaceAll('"KEY"', JSON.stringify(key)), protocol);
          if (out.reply) {
            const text = JSON.stringify(out.reply.error ?? out.reply);
            assert.doesNotMatch(text, /InternalException|select |insert |update |delete from/i, text.slice(0, 300));
          } else {
            assert.ok(out.refused !== undefined || out.closed !== undefined, 'neither an answer nor a close');
          }
        }),
        { numRuns: RUNS },
      );
      // Still serving: a ping on a new connection.
      const ok = await exchange(JSON.stringify({ id: 7, request: { op: 'ping' } }), protocol);
      assert.deepEqual(ok.reply, { ok: true, value: true });
    });
  }
});
