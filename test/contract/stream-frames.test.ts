import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeFrame, FrameDecoder, FrameError, STREAM_PREAMBLE } from '../../src/contract/stream-frames.js';

describe('stream frames', () => {
  it('any frames, cut into any chunks, come out whole and in order', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue().map((v) => JSON.stringify(v))), fc.array(fc.nat(), { maxLength: 20 }), (frames, cuts) => {
        const bytes = Buffer.concat(frames.map(encodeFrame));
        const points = [...new Set(cuts.map((c) => (bytes.length ? c % bytes.length : 0)))].sort((a, b) => a - b);
        const decoder = new FrameDecoder();
        const out: string[] = [];
        let from = 0;
        for (const p of [...points, bytes.length]) {
          out.push(...decoder.push(bytes.subarray(from, p)));
          from = p;
        }
        assert.deepEqual(out, frames);
        assert.equal(decoder.pending, 0);
      }),
    );
  });

  it('keeps text outside ASCII (the length counts bytes, not characters)', () => {
    const text = JSON.stringify({ name: 'Zürich — 東京 🧪' });
    const frame = encodeFrame(text);
    assert.equal(frame.readUInt32BE(0), Buffer.byteLength(text));
    assert.deepEqual(new FrameDecoder().push(frame), [text]);
  });

  it('refuses an oversized frame from its length alone, before buffering it', () => {
    const decoder = new FrameDecoder(1024);
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(1025, 0);
    assert.throws(() => decoder.push(prefix), FrameError);
    assert.deepEqual(new FrameDecoder(1024).push(encodeFrame('x'.repeat(1024))), ['x'.repeat(1024)], 'a frame of the limit itself passes');
  });

  it('reads an HTTP answer as an oversized frame (how a client tells a web server from ours)', () => {
    assert.throws(() => new FrameDecoder().push(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')), FrameError);
  });

  it('the preamble starts with a byte no HTTP request and no TLS handshake starts with', () => {
    assert.equal(STREAM_PREAMBLE[0], 0);
  });
});
