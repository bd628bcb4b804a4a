import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitStatements } from '../../src/shell/split-statements.js';
import { showsValue } from '../../src/shell/eval-result.js';

describe('splitStatements', () => {
  it('splits top-level statements with their first line, keeping blocks whole', () => {
    const js = 'a = 1;\nfor (const g of x) {\n  print(g);\n}\nconst v = await f();\nv;\n';
    const s = splitStatements(js);
    assert.deepEqual(s.map((x) => x.line), [1, 2, 5, 6]);
    assert.equal(s[1]!.code, 'for (const g of x) {\n  print(g);\n}');
    assert.equal(s[2]!.code, 'const v = await f();');
  });

  it('throws a SyntaxError for broken code', () => {
    assert.throws(() => splitStatements('a = ;'), SyntaxError);
  });
});

describe('showsValue', () => {
  it('hides assignments and declarations, like IPython', () => {
    assert.equal(showsValue('ec = admin.getEventContext();'), false);
    assert.equal(showsValue('const x = 1;'), false);
    assert.equal(showsValue('x = await f();'), false);
    assert.equal(showsValue('for (;;) break;'), false);
  });

  it("hides a chainable call's own receiver (params.addId(5) returns params)", () => {
    const params = { addId: () => params };
    assert.equal(showsValue('params.addId(5);', params, { params }), false);
    assert.equal(showsValue('other.addId(5);', params, { params, other: {} }), true);
  });

  it('shows expression values', () => {
    assert.equal(showsValue('ec;'), true);
    assert.equal(showsValue('admin.getEventContext();'), true);
    assert.equal(showsValue('await f();'), true);
    assert.equal(showsValue('x == 1;'), true);
  });
});
