import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError } from '../../../src/cli/cli-error.js';
import type { CliIO } from '../../../src/cli/cli-io.js';
import { commandFromLine, shlexSplit, TxState } from '../../../src/cli/obj/index.js';
import { resolveObjectArgument } from '../../../src/cli/obj/object-argument.js';
import { parseTxField } from '../../../src/cli/obj/tx-field.js';

/** A CliIO collecting stdout. */
function collectingIO(): { io: CliIO; text: () => string } {
  let text = '';
  const sink = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { io: { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, argv0: 'omero' }, text: () => text };
}

/** The rc and message of a CliError thrown by `f`. */
function failure(f: () => unknown): [number, string] {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof CliError, String(e));
    return [e.rc, e.message];
  }
  assert.fail('no error');
}

// The pure parts of `omero obj` (reference cli §5): shlex splitting, `--file` lines, field
// arguments and references, object arguments.
describe('omero obj parsing', () => {
  it("splits lines as Python's shlex.split", () => {
    assert.deepEqual(shlexSplit(`new Project name='my project' description="a \\"b\\" \\x" x\\ y ''`), [
      'new', 'Project', 'name=my project', 'description=a "b" \\x', 'x y', '',
    ]);
    assert.deepEqual(shlexSplit('  a\tb  '), ['a', 'b']);
    assert.throws(() => shlexSplit("a 'b"), /No closing quotation/);
    assert.throws(() => shlexSplit('a \\'), /No escaped character/);
  });

  it('reads `[var = ]action …` lines; an unknown action is rc 100', () => {
    assert.deepEqual(commandFromLine("foo = new Project name='x y'"), { dest: 'foo', action: 'new', type: 'Project', args: ['new', 'Project', 'name=x y'] });
    assert.deepEqual(commandFromLine('get Project:1'), { dest: null, action: 'get', type: 'Project:1', args: ['get', 'Project:1'] });
    // The `=` needs a blank after it, so `foo =new` is not an assignment.
    assert.deepEqual(failure(() => commandFromLine('foo =new Project')), [100, 'Unknown command: foo =new Project']);
    assert.deepEqual(failure(() => commandFromLine('list')), [100, 'Unknown command: list']);
    assert.deepEqual(failure(() => commandFromLine("new Project name='x")), [1, "Cannot parse line: new Project name='x (No closing quotation)"]);
  });

  it('parses field arguments and resolves @=N and @=var references', () => {
    const { io, text } = collectingIO();
    const state = new TxState(io);
    state.add();
    state.setValue('Project:5', 'p');
    state.add();
    state.setValue(null, null);
    assert.equal(text(), 'Project:5\nNone\n');
    assert.deepEqual(parseTxField('name=a=b c', state), { name: 'name', value: 'a=b c' });
    assert.deepEqual(parseTxField('name=', state), { name: 'name', value: '' });
    assert.deepEqual(parseTxField('parent@=0', state), { name: 'parent', value: 'Project:5' });
    assert.deepEqual(parseTxField('parent@=p', state), { name: 'parent', value: 'Project:5' });
    assert.deepEqual(parseTxField('parent@=1', state), { name: 'parent', value: null });
    assert.deepEqual(failure(() => parseTxField('1name=x', state)), [1, 'Unparseable argument: 1name=x']);
    assert.deepEqual(failure(() => parseTxField('x@=2', state)), [1, 'Invalid reference: @=2 (this run has 2 command(s) so far)']);
    assert.deepEqual(failure(() => parseTxField('x@=q', state)), [1, "Invalid reference: @=q (no variable named 'q')"]);
    assert.deepEqual(failure(() => parseTxField('x@=a-b', state)), [1, 'Invalid reference: a-b']);
  });

  it('resolves Type and Type:id as omero.model.<Type>I (rc 102 otherwise)', () => {
    assert.deepEqual(
      (({ kls, id }) => ({ kls, id }))(resolveObjectArgument('Project:12')),
      { kls: 'Project', id: 12 },
    );
    assert.equal(resolveObjectArgument('ProjectI').id, null);
    assert.equal(resolveObjectArgument('Project:x').id, null);
    assert.equal(resolveObjectArgument('Project: 1_0 ').id, 10);
    assert.equal(resolveObjectArgument('ExperimenterGroup:3').kls, 'ExperimenterGroup');
    assert.deepEqual(failure(() => resolveObjectArgument(null)), [102, "No object argument provided. Use e.g. 'Image:123'"]);
    assert.deepEqual(failure(() => resolveObjectArgument('project:1')), [102, "No class named 'projectI'"]);
    assert.deepEqual(failure(() => resolveObjectArgument('TextAnnotation:1')), [102, "No class named 'TextAnnotationI'"]);
  });
});
