import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { replyFrame, replyToCaller, type ThreadCancel, type ThreadEnvelope } from '../../src/contract/index.js';

/**
 * A worker for ThreadTransport's tests: it answers every request after `workerData.delayMs`
 * (a ping with `pong`), so a test can make calls of a known length without a server. With
 * `workerData.frame`, it answers as a connection thread does, with the text of a reply frame:
 * `'reply'` a good one, `'garbage'` one that cannot be read.
 */
const flag = new Int32Array(workerData.signal as SharedArrayBuffer);
const replies = workerData.replies as MessagePort;
const delayMs = workerData.delayMs as number;
const frame = workerData.frame as 'reply' | 'garbage' | undefined;

parentPort!.on('message', (m: ThreadEnvelope | ThreadCancel) => {
  if (!('id' in m)) return;
  if (m.request.op === 'shutdown') return replyToCaller(replies, flag, { id: m.id, reply: { ok: true, value: null } });
  const pong = { ok: true, value: 'pong' } as const;
  const answer = frame === undefined ? { reply: pong } : { frame: frame === 'reply' ? replyFrame(m.id, pong) : '{"id":1,"reply":' };
  setTimeout(() => replyToCaller(replies, flag, { id: m.id, ...answer }), delayMs);
});
