import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import { finishInterruptedWrite, settled } from '../../src/shell/interrupted-write.js';

type Handle = Record<string, unknown>;

/** A connected pair on loopback: `out` is written to, `received()` is what its peer read. */
async function socketPair(server: Server): Promise<{ out: Socket; peer: Socket; received(): string }> {
  const accepted = once(server, 'connection');
  const { port } = server.address() as { port: number };
  const out = connect(port, '127.0.0.1');
  await once(out, 'connect');
  const [peer] = (await accepted) as [Socket];
  let text = '';
  peer.setEncoding('utf8').on('data', (d: string) => (text += d));
  return { out, peer, received: () => text };
}

/** Waits until `f()` holds, or fails after `ms`. */
async function until(f: () => boolean, ms = 2000): Promise<void> {
  for (const end = Date.now() + ms; !f(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > end) throw new Error('condition not met in time');
  }
}

describe('finishInterruptedWrite', () => {
  let server: Server;
  before(async () => {
    server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  after(() => server.close());

  it('finishes a write that a terminated statement cut after its text went out, and later writes go out again', async (t) => {
    const { out, peer, received } = await socketPair(server);
    t.after(() => void (out.destroy(), peer.destroy()));
    // The statement is terminated just after the bytes left, before Node's stream learns that
    // the write is done: where Ctrl-C lands under load after `print('looping')`.
    const handle = (out as unknown as { _handle: Handle })._handle;
    const real = handle.writeUtf8String as (...a: unknown[]) => unknown;
    handle.writeUtf8String = function (this: unknown, ...a: unknown[]) {
      const status = real.apply(this, a);
      for (;;);
      return status;
    };
    // The same TerminateExecution as breakEvalOnSigint's, from vm's timeout watchdog.
    assert.throws(() => vm.runInNewContext("write('looping\\n')", { write: (s: string) => out.write(s) }, { timeout: 50 }), {
      code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
    });
    delete handle.writeUtf8String;
    await until(() => received() === 'looping\n');
    out.write('after\n');
    await settled();
    assert.equal(received(), 'looping\n', 'the stream holds back what follows the cut write');
    assert.equal(out.writableLength, 'looping\nafter\n'.length);
    assert.equal(finishInterruptedWrite(out), true);
    await until(() => received() === 'looping\nafter\n');
    assert.equal(finishInterruptedWrite(out), false, 'nothing left to finish');
  });

  it('leaves alone a write still in progress, and a stream that is not writing', async (t) => {
    const { out, peer } = await socketPair(server);
    t.after(() => void (out.destroy(), peer.destroy()));
    assert.equal(finishInterruptedWrite(out), false);
    // More than the socket buffers take while the peer reads nothing: libuv keeps the rest queued.
    peer.pause();
    out.write(Buffer.alloc(64 * 1024 * 1024));
    await settled();
    assert.equal(out.writableLength > 0, true);
    assert.equal(finishInterruptedWrite(out), false);
    // A stream of our own whose write ends later: the shell cannot tell whether it was cut.
    let done: (() => void) | null = null;
    const slow = new Writable({ write: (_c, _e, cb) => void (done = cb) });
    slow.write('x');
    await settled();
    assert.equal(finishInterruptedWrite(slow), false);
    done!();
    assert.equal(finishInterruptedWrite(null), false);
  });
});
