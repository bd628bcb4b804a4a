import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** As node's own REPL keeps (NODE_REPL_HISTORY_SIZE's default). */
export const HISTORY_SIZE = 1000;

/**
 * The shell's history file: newest line first, as node writes it, so a file from an older
 * version still loads. Node 20's REPL rewrites its file in place without truncating it, which
 * leaves the tail of a longer earlier version behind; we write a whole new file (0600) and
 * rename it over the old one, so a reader sees either version, never a mix.
 */
export class HistoryFile {
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  /** The saved lines, newest first; none when there is no file yet or it cannot be read. */
  load(size = HISTORY_SIZE): string[] {
    try {
      return readFileSync(this.#path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, size);
    } catch {
      return [];
    }
  }

  /** Replaces the file by `lines` (newest first). Errors are returned, not thrown: history is a convenience. */
  save(lines: readonly string[]): Error | null {
    const tmp = `${this.#path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.#path), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, `${lines.slice(0, HISTORY_SIZE).join('\n')}\n`, { mode: 0o600 });
      renameSync(tmp, this.#path);
      return null;
    } catch (e) {
      return e as Error;
    }
  }
}
