/**
 * Python's `shlex.split(s)` (POSIX mode, no comments), as `omero obj --file` splits each line
 * (omero-py `plugins/obj.py` `TxCmd`): words are split on blanks; `'…'` keeps everything
 * literally; `"…"` keeps everything but lets `\` escape `"` and `\`; outside quotes `\` escapes
 * the next character; quotes may sit inside a word (`name='my project'` → `name=my project`);
 * `''` is an empty word. Throws {@link ShlexError} with Python's messages (`No closing
 * quotation`, `No escaped character`).
 */
export function shlexSplit(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (BLANKS.includes(ch)) {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShlexError('No closing quotation');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      let text = '';
      let j = i + 1;
      for (;;) {
        if (j >= line.length) throw new ShlexError('No closing quotation');
        const c = line[j]!;
        if (c === '"') break;
        if (c === '\\' && j + 1 < line.length && (line[j + 1] === '"' || line[j + 1] === '\\')) {
          text += line[j + 1];
          j += 2;
          continue;
        }
        text += c;
        j++;
      }
      word = (word ?? '') + text;
      i = j + 1;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) throw new ShlexError('No escaped character');
      word = (word ?? '') + line[i + 1];
      i += 2;
    } else {
      word = (word ?? '') + ch;
      i++;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Python shlex's whitespace. */
const BLANKS = ' \t\r\n';

/** A line `shlex.split` cannot split (Python's `ValueError`). */
export class ShlexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShlexError';
  }
}
