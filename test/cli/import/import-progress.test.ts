import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OMERO_BIN, openCliEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { onPty, plainText } from '../../helpers/pty.js';
import { ROOT_PASSWORD } from '../../helpers/test-database.js';

// The import's progress bar: on a terminal only (stderr a TTY), plain ASCII with NO_COLOR, never
// in a pipe; the report is the same either way.
describe('omero user import: progress bar', () => {
  let cli: CliEnvironment;
  let csv: string;

  before(async () => {
    cli = await openCliEnvironment('pglite');
    csv = join(cli.userDir, 'many.csv');
    const lines = ['login,first,last,groups'];
    for (let i = 1; i <= 120; i++) lines.push(`bar-${i},B,U,bar-group`);
    writeFileSync(csv, `${lines.join('\n')}\n`, { mode: 0o600 });
  });
  after(() => cli?.close());

  it('shows a bar on a terminal, in ASCII under NO_COLOR, and clears it before the summary', async () => {
    const env = { ...cli.env, OMERO_PASSWORD: ROOT_PASSWORD, NO_COLOR: '1' };
    // On Linux, node-pty drops what a program wrote just before it exited when that is more than
    // the terminal's buffer (microsoft/node-pty#72, #726: here the report's last rows and the
    // summary, seen in CI). A shell keeps the terminal open after the command, with the command's
    // status, until the test has read the summary, the last thing written, and presses Enter.
    const command = [process.execPath, OMERO_BIN, '-q', '-s', 'localhost', '-u', 'root', 'user', 'import', csv, '--create-groups', '--dry-run', '--chunk-size', '10', '--style', 'csv'];
    const pty = onPty('/bin/sh', ['-c', '"$@"; status=$?; read -r _; exit $status', 'sh', ...command], env, 120_000);
    await pty.waitFor(/\(dry run: nothing was changed\)/);
    pty.term.write('\r');
    assert.equal(await pty.exited, 0, pty.output());
    const text = plainText(pty.output());
    assert.match(text, /importing #+-* \d+% \| \d+ rows \| \d+ created, 0 updated, 0 unchanged, 0 failed/);
    assert.doesNotMatch(pty.output(), /[░█]/);
    assert.match(text, /120 rows: 120 created, 0 updated, 0 unchanged, 0 failed \(dry run: nothing was changed\)/);
    // The report waits for the bar to finish on a terminal: its rows are all there, in order.
    assert.match(text, /line,login,result,id,details\n2,bar-1,created,,"created group bar-group;[^\n]*\n3,bar-2,created,/);
  });

  it('shows no bar in a pipe', async () => {
    const r = await cli.run(['-q', '-u', 'root', 'user', 'import', csv, '--create-groups', '--dry-run', '--chunk-size', '10', '--style', 'csv'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '120 rows: 120 created, 0 updated, 0 unchanged, 0 failed (dry run: nothing was changed)\n');
    assert.equal(r.stdout.split('\n').length, 122);
  });
});
