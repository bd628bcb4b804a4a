import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hintForError, looksLikePython, PYTHON_HINT, usesPercentFormatting } from '../../src/shell/python-hint.js';
import { transformInput } from '../../src/shell/transform-input.js';
import { openCliEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { ROOT_PASSWORD } from '../helpers/test-database.js';

describe('the Python hint of the TypeScript shell', () => {
  it("refuses '…' % x instead of computing NaN, naming the TypeScript form", () => {
    for (const code of ["print('Group name: %s' % group.name.val)", "print('Found %d Project(s)' %\n        (len(projects)))", 'x = "%(a)s" % d']) {
      assert.ok(usesPercentFormatting(code), code);
      const t = transformInput(code);
      assert.equal(t.kind, 'error', code);
      assert.match((t as { message: string }).message, /string formatting[^]*\n/);
      assert.ok((t as { message: string }).message.endsWith(PYTHON_HINT));
    }
    // Modulo of numbers, and a percent sign in a template, are TypeScript.
    for (const code of ['x % 2', "print(`100%`)", "const s = 'a %s b'", "n = 10 % 3; 'x'"]) {
      assert.equal(usesPercentFormatting(code), false, code);
      assert.equal(transformInput(code).kind, 'js', code);
    }
  });

  it('adds the hint to the syntax error of input that can only be Python', () => {
    for (const code of ['# Session that has already been created for user-2\nsession = client.getSession()', 'from omero.model import *', 'groups = [admin_service.getGroup(v) for v in ec.memberOfGroups]', 'for group in groups:']) {
      assert.ok(looksLikePython(code), code);
      const t = transformInput(code);
      assert.equal(t.kind, 'error', code);
      assert.match((t as { message: string }).message, new RegExp(`\n${PYTHON_HINT}$`));
    }
    const ts = transformInput('const x: number = ;');
    assert.equal(ts.kind, 'error');
    assert.doesNotMatch((ts as { message: string }).message, /Python/);
  });

  it("hints on Python's names when JavaScript does not know them, and only then", () => {
    assert.equal(hintForError(new ReferenceError('None is not defined')), PYTHON_HINT);
    assert.equal(hintForError(new ReferenceError('len is not defined')), PYTHON_HINT);
    assert.equal(hintForError(new ReferenceError('projects is not defined')), null);
    assert.equal(hintForError(new TypeError('None is not defined')), null);
  });
});

describe('the Python hint through the real TypeScript shell', () => {
  let cli: CliEnvironment;
  before(async () => {
    cli = await openCliEnvironment('pglite');
    const prepared = await cli.run(['demo', '--no-shell'], { env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD } });
    assert.equal(prepared.status, 0, prepared.stderr);
  });
  after(async () => {
    await cli.close();
  });

  it('prints the hint, never NaN, for seed 002 pasted as Python', async () => {
    const env = { OMERO_PASSWORD: 'user-2-password' };
    const percent = await cli.run(['shell', '--login', '-u', 'user-2'], { input: "g = admin_service.lookupGroup('private-1')\nprint('Group name: %s' % g.name.val)\n", env });
    assert.equal(percent.status, 1);
    assert.doesNotMatch(percent.stdout, /NaN|nan/);
    assert.match(percent.stderr, new RegExp(`string formatting[^\\n]*\\n${PYTHON_HINT}`));
    const none = await cli.run(['shell', '--login', '-u', 'user-2'], { input: 'x = None\n', env });
    assert.equal(none.status, 1);
    assert.match(none.stderr, new RegExp(`ReferenceError: None is not defined\\n${PYTHON_HINT}`));
  });
});
