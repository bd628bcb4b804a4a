import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { colorEnabled, Output } from '../../../src/cli/output/output.js';

/** A stream that records what is written; `isTTY` as given. */
function capture(isTTY = false): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join('') });
}

describe('Output', () => {
  it('writes results to stdout and messages to stderr, each with \\n', () => {
    const stdout = capture();
    const stderr = capture();
    const o = new Output({ stdout, stderr, env: {} });
    o.out('Added user jsmith (id=2) with password');
    o.err('Created session for root@localhost:4064. Idle timeout: 10 min. Current group: system');
    o.out();
    o.err('Press enter to cancel.', false);
    assert.equal(stdout.text(), 'Added user jsmith (id=2) with password\n\n');
    assert.equal(stderr.text(), 'Created session for root@localhost:4064. Idle timeout: 10 min. Current group: system\nPress enter to cancel.');
  });

  it('prints a table to stdout in the requested style, with the final \\n of ctx.out', () => {
    const stdout = capture();
    const stderr = capture();
    new Output({ stdout, stderr, env: {} }).table({ headers: ['id', 'name'], rows: [[1, 'a,b']] }, 'csv');
    assert.equal(stdout.text(), 'id,name\n1,"a,b"\n');
    assert.equal(stderr.text(), '');
  });

  it('colours errors and warnings on a terminal only', () => {
    const tty = capture(true);
    const o = new Output({ stdout: capture(true), stderr: tty, env: {} });
    o.error('Admins only!');
    o.warn('WARN: failed to chmod');
    assert.equal(tty.text(), '\u001b[31mAdmins only!\u001b[39m\n\u001b[33mWARN: failed to chmod\u001b[39m\n');

    const pipe = capture(false);
    const p = new Output({ stdout: capture(true), stderr: pipe, env: {} });
    p.error('Admins only!');
    assert.equal(pipe.text(), 'Admins only!\n');
  });

  it('never colours with NO_COLOR set, and never colours results', () => {
    const stderr = capture(true);
    const stdout = capture(true);
    const o = new Output({ stdout, stderr, env: { NO_COLOR: '1' } });
    o.error('x');
    o.out('y');
    assert.equal(stderr.text(), 'x\n');
    assert.equal(stdout.text(), 'y\n');
  });

  it('colorEnabled: TTY and NO_COLOR unset or empty', () => {
    assert.equal(colorEnabled(capture(true), {}), true);
    assert.equal(colorEnabled(capture(true), { NO_COLOR: '' }), true);
    assert.equal(colorEnabled(capture(true), { NO_COLOR: 'yes' }), false);
    assert.equal(colorEnabled(capture(false), {}), false);
  });

  it('paint styles for the given stream', () => {
    const o = new Output({ stdout: capture(false), stderr: capture(true), env: {} });
    assert.equal(o.paint(o.stdout, 'bold', 'a'), 'a');
    assert.equal(o.paint(o.stderr, 'bold', 'a'), '\u001b[1ma\u001b[22m');
  });
});
