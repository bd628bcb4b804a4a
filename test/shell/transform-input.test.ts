import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transformInput } from '../../src/shell/transform-input.js';

describe('transformInput', () => {
  it('strips TypeScript types and keeps the statement', () => {
    const t = transformInput('const x: number = 41 + 1; x');
    assert.equal(t.kind, 'js');
    assert.match((t as { code: string }).code, /const x = 41 \+ 1;\s*x;/);
  });

  it('keeps plain assignments as the seed writes them', () => {
    const t = transformInput('ec = admin_service.getEventContext()');
    assert.deepEqual(t, { kind: 'js', code: 'ec = admin_service.getEventContext();\n' });
  });

  it('reports an unfinished statement as incomplete, so the REPL continues with ...', () => {
    assert.equal(transformInput('function f(a: number,').kind, 'incomplete');
    assert.equal(transformInput('for (const g of groups) {').kind, 'incomplete');
    assert.equal(transformInput('let s = `abc').kind, 'incomplete');
    assert.equal(transformInput("ctx = {'omero.group':").kind, 'incomplete');
  });

  it('reads a braced input as an object literal, as Node does', () => {
    const t = transformInput("{'omero.group': '-1'}");
    assert.equal(t.kind, 'js');
    assert.match((t as { code: string }).code, /^\(\{/);
  });

  it('keeps imports (verbatimModuleSyntax) and top-level await', () => {
    assert.match((transformInput("import * as p from 'node:path'") as { code: string }).code, /import \* as p/);
    assert.match((transformInput('const v = await p') as { code: string }).code, /await p/);
  });

  it('gives a syntax error with a position for broken input', () => {
    const t = transformInput('const = 5');
    assert.equal(t.kind, 'error');
    assert.match((t as { message: string }).message, /\(1:\d+\)/);
  });
});
