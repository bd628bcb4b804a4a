import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shellInput } from '../../src/shell/shell-input.js';

describe("the shell's own input forms", () => {
  it('exit and quit, with or without parentheses', () => {
    for (const line of ['exit', 'quit', 'exit()', ' quit ( ) ', 'exit;']) assert.deepEqual(shellInput(line), { kind: 'exit' }, line);
    for (const line of ['exit(1)', 'exits', 'const exit = 1', 'quit.x']) assert.equal(shellInput(line), null, line);
  });

  it('x?, x?? and ?x on names and member chains, never on conditionals', () => {
    assert.deepEqual(shellInput('admin_service?'), { kind: 'help', target: 'admin_service' });
    assert.deepEqual(shellInput('admin_service.lookupGroup??'), { kind: 'help', target: 'admin_service.lookupGroup' });
    assert.deepEqual(shellInput('?omero.model.ProjectI'), { kind: 'help', target: 'omero.model.ProjectI' });
    assert.deepEqual(shellInput("ps[0]?"), { kind: 'help', target: 'ps[0]' });
    assert.deepEqual(shellInput('client.getSession()?'), { kind: 'help', target: 'client.getSession()' });
    for (const line of ['a ? b : c', 'x?.y', "print('?')", 'a?b']) assert.equal(shellInput(line), null, line);
  });
});
