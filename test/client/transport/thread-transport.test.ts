/**
 * ThreadTransport's wait for a reply (src/client/transport/thread-transport.ts): it polls for a
 * short while when replies come fast (waking a sleeping thread is dear on virtual machines), and
 * sleeps in Atomics.wait when they do not, so a slow call costs its caller no CPU to speak of.
 * The worker here answers after a fixed delay, with no server.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ThreadTransport } from '../../../src/client/transport/thread-transport.js';

function delayedTransport(delayMs: number, frame?: 'reply' | 'garbage'): ThreadTransport {
  return new ThreadTransport({ module: '../test/helpers/delayed-reply-worker', bundle: 'none', start: 'none', data: { delayMs, frame } });
}

/** CPU time of this process's threads (ms) and wall time spent in `calls` pings through `t`. */
function timedPings(t: ThreadTransport, calls: number): { cpuMs: number; wallMs: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) assert.deepEqual(t.request({ op: 'ping' }), { ok: true, value: 'pong' });
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: Number(process.hrtime.bigint() - wall0) / 1e6 };
}

describe('ThreadTransport waiting for replies', () => {
  it('answers every call, fast or slow', () => {
    for (const delayMs of [0, 5]) {
      const t = delayedTransport(delayMs);
      try {
        timedPings(t, 20);
      } finally {
        t.close();
      }
    }
  });

  it('does not keep polling when replies are slow: twenty 40 ms calls cost their caller little CPU', () => {
    const t = delayedTransport(40);
    try {
      timedPings(t, 2); // the worker has started
      const { cpuMs, wallMs } = timedPings(t, 20);
      assert.ok(wallMs >= 20 * 40, `${wallMs} ms`);
      // Polling through every wait would cost about the wall time; after the first calls the
      // caller sleeps. The bound leaves room for a loaded machine (the process's other threads count too).
      assert.ok(cpuMs < wallMs / 4, `CPU ${cpuMs.toFixed(1)} ms over ${wallMs.toFixed(0)} ms of calls`);
    } finally {
      t.close();
    }
  });

  it("reads a reply sent as its frame's text (a connection thread's way), and refuses one that cannot be read", () => {
    const good = delayedTransport(0, 'reply');
    try {
      timedPings(good, 3);
    } finally {
      good.close();
    }
    const bad = delayedTransport(0, 'garbage');
    try {
      const reply = bad.request({ op: 'ping' });
      assert.equal(reply.ok, false);
      assert.match(JSON.stringify(reply), /ProtocolException.*cannot be read/);
    } finally {
      bad.close();
    }
  });
});
