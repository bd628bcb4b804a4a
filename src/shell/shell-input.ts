/** What a line typed at the prompt asks of the shell itself rather than of JavaScript. */
export type ShellInput =
  /** `exit`, `quit`, `exit()`, `quit()`: leave, as IPython and Python ≥ 3.13 do without parentheses. */
  | { readonly kind: 'exit' }
  /** `x?`, `x??` or `?x`: IPython's help on an expression (a name, a member chain). */
  | { readonly kind: 'help'; readonly target: string };

const NAME_CHAIN = String.raw`[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]\n]*\])*(?:\(\))?`;
const HELP_AFTER = new RegExp(String.raw`^(${NAME_CHAIN})\s*\?\??$`);
const HELP_BEFORE = new RegExp(String.raw`^\?\??\s*(${NAME_CHAIN})$`);

/**
 * Recognises the shell's own forms before the line reaches JavaScript, where `x?` would read as
 * the start of a conditional and swallow the next lines, and `exit` would be an unknown name.
 */
export function shellInput(code: string): ShellInput | null {
  const line = code.trim().replace(/;$/, '').trim();
  if (/^(exit|quit)(\s*\(\s*\))?$/.test(line)) return { kind: 'exit' };
  const m = HELP_AFTER.exec(line) ?? HELP_BEFORE.exec(line);
  return m ? { kind: 'help', target: m[1]! } : null;
}
