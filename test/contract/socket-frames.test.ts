import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { replyFrame, replyFrameId, type ServerReply } from '../../src/contract/index.js';

describe('reply frames', () => {
  it('a reply frame names its request id in its first bytes, and parses to the reply', () => {
    const reply: fc.Arbitrary<ServerReply> = fc.oneof(
      fc.record({ ok: fc.constant(true as const), value: fc.jsonValue() }),
      fc.record({ ok: fc.constant(false as const), error: fc.jsonValue() }),
    );
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }).filter((n) => String(n).length <= 15), reply, (id, r) => {
        const text = replyFrame(id, r);
        assert.equal(replyFrameId(text), id);
        assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify({ id, reply: r })));
      }),
    );
  });

  it('any other frame has no id there, and is parsed as usual', () => {
    for (const text of ['{"hello":{"product":"omero-shell"}}', '{"refused":"too many connections"}', '{"reply":{"ok":true},"id":3}', '{ "id":3,"reply":{}}', '{"id":"3","reply":{}}', '{"id":-3,"reply":{}}', '{"id":3,"cancel":1}', '']) {
      assert.equal(replyFrameId(text), undefined, text);
    }
  });
});
