import { tokenizer, tokTypes, type Token } from 'acorn';

/**
 * Lines that must never reach the history file: anything that may carry a password or a session
 * key (the REPL docs cite passwords as the reason for the 'history' event).
 */
const SECRET = /pass(word|wd)?|secret|createSession\s*\(|joinSession\s*\(|changeUserPassword|setSecurityPassword|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** True when the line looks like it handles a secret (by its words alone). */
export function isSecretLine(line: string): boolean {
  return SECRET.test(line);
}

/**
 * The shell's history filter. Patterns alone miss `pw = 'hunter2'`, so it also matches the
 * secrets the shell itself knows (the login password, every session key it has held) anywhere
 * in the line: as typed, case folded, without its punctuation (a key without its dashes), and in
 * the values of the line's string literals, one by one and joined (which catches
 * `'hun' + 'ter2'` and escapes such as `'hun\x74er2'`).
 */
export class HistoryFilter {
  readonly #secrets = new Set<string>();
  readonly #known: () => Iterable<string | null | undefined>;

  /** `known` is asked before each line: a key that changes in the REPL is learnt too. */
  constructor(known: () => Iterable<string | null | undefined> = () => []) {
    this.#known = known;
  }

  /** True when `line` must not be written to the history. */
  isSecret(line: string): boolean {
    for (const s of this.#known()) if (s) this.#secrets.add(s);
    if (isSecretLine(line)) return true;
    if (this.#secrets.size === 0) return false;
    const literals = stringLiterals(line);
    const forms = [line, ...literals, literals.join('')].map((f) => f.toLowerCase());
    return [...this.#secrets].some((secret) => variants(secret).some((s) => forms.some((f) => f.includes(s))));
  }
}

/** A secret as typed, case folded, and without its punctuation (a key without its dashes). */
function variants(secret: string): string[] {
  const s = secret.toLowerCase();
  // ASCII secrets (session keys, most passwords) skip the Unicode classes, whose regular
  // expression takes a millisecond to compile: the first line of every shell is checked.
  const bare = /^[\x00-\x7f]*$/.test(s) ? s.replace(/[^a-z0-9]/g, '') : s.replace(/[^\p{L}\p{N}]/gu, '');
  // A short remainder would match too much ordinary text.
  return bare !== s && bare.length >= 8 ? [s, bare] : [s];
}

/** The values of the string and template literals of `line`, as far as it tokenizes. */
function stringLiterals(line: string): string[] {
  // No quote, no literal: most lines (`.exit`, calls without strings) skip the tokenizer, which is
  // loaded and compiled on its first use.
  if (!/['"`]/.test(line)) return [];
  const values: string[] = [];
  try {
    for (const t of tokenizer(line, { ecmaVersion: 'latest', allowHashBang: true }) as Iterable<Token & { value: unknown }>) {
      if ((t.type === tokTypes.string || t.type === tokTypes.template) && typeof t.value === 'string') values.push(t.value);
    }
  } catch {
    // Input the tokenizer refuses (TypeScript it cannot read, a half line): the raw quoted parts.
    for (const m of line.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) values.push(m[2]!);
  }
  return values;
}
