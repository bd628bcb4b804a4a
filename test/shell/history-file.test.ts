import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HISTORY_SIZE, HistoryFile } from '../../src/shell/history-file.js';

describe('the history file', () => {
  it('is written whole: a shorter history leaves nothing of the longer one behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omero-history-'));
    try {
      const path = join(dir, 'sub', 'shell-user-2@localhost');
      const file = new HistoryFile(path);
      assert.deepEqual(file.load(), []);
      assert.equal(file.save([`const long = '${'x'.repeat(500)}'`, 'b', 'a']), null);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.equal(file.save(['c', 'b']), null);
      assert.equal(readFileSync(path, 'utf8'), 'c\nb\n');
      assert.deepEqual(file.load(), ['c', 'b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps 1,000 lines, newest first, and reads files written by node', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omero-history-'));
    try {
      const path = join(dir, 'h');
      const lines = Array.from({ length: 1200 }, (_, i) => `x${1199 - i}`);
      new HistoryFile(path).save(lines);
      const loaded = new HistoryFile(path).load();
      assert.equal(loaded.length, HISTORY_SIZE);
      assert.equal(loaded[0], 'x1199');
      writeFileSync(path, 'newest\r\nolder\n\n');
      assert.deepEqual(new HistoryFile(path).load(), ['newest', 'older']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
