import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { replyToCaller, type ThreadCancel, type ThreadEnvelope } from '../../src/contract/index.js';

/**
 * A worker for ThreadTransport's tests: it answers every request after `workerData.delayMs`
 * (a ping with `pong`), so a test can make calls of a known length without a server.
 */
const flag = new Int32Array(workerData.signal as SharedArrayBuffer);
const replies = workerData.replies as MessagePort;
const delayMs = workerData.delayMs as number;

parentPort!.on('message', (m: ThreadEnvelope | ThreadCancel) => {
  if (!('id' in m)) return;
  if (m.request.op === 'shutdown') return replyToCaller(replies, flag, m.id, { ok: true, value: null });
  setTimeout(() => replyToCaller(replies, flag, m.id, { ok: true, value: 'pong' }), delayMs);
});
