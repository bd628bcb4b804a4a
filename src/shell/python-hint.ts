/**
 * Input that is clearly Python, typed into the TypeScript shell: the documents' snippets are
 * Python, and pasting them here used to fail cryptically (`# Session …` a syntax error) or, worse,
 * silently (`'Group name: %s' % name` is NaN in JavaScript). Such input gets this one-line hint.
 */
export const PYTHON_HINT = 'this looks like Python: start the shell with --python, or see scripts/examples for the TypeScript form';

/** A quoted string holding a %-conversion, then `%` and an operand: Python's string formatting. */
const PERCENT_FORMAT = /(['"])(?:\\.|(?!\1)[^\\\n])*%(?:\([\w.]+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdiouxXeEfFgGcr](?:\\.|(?!\1)[^\\\n])*\1\s*%\s*[\w('"[]/;

/** Lines or expressions no TypeScript statement starts with or contains. */
const PYTHON_ONLY = [
  /^[ \t]*#(?!!\/)/m, // a comment line (a shebang `#!/…` aside)
  /^[ \t]*from[ \t]+[\w.]+[ \t]+import\b/m,
  /^[ \t]*import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*$/m,
  /\[[^\][]*\bfor[ \t]+\w+(?:[ \t]*,[ \t]*\w+)*[ \t]+in[ \t][^\][]*\]/, // a list comprehension
  /^[ \t]*(?:try|finally|else|except\b[^:\n]*|(?:for|while|if|elif|def|class|with)\b[^{\n]*):[ \t]*$/m, // a block opened by a colon
  PERCENT_FORMAT,
];

/** Names JavaScript does not know that every Python snippet uses. */
const PYTHON_NAMES = /^(None|True|False|len|str|int|dict|range|isinstance|unicode|long|elif|xrange) is not defined$/;

/** Whether some line of the input can only be Python. */
export function looksLikePython(code: string): boolean {
  return PYTHON_ONLY.some((re) => re.test(code));
}

/** Whether the input formats a string with `%` (NaN in JavaScript: it must never run silently). */
export function usesPercentFormatting(code: string): boolean {
  return PERCENT_FORMAT.test(code);
}

/** The hint for an error the input caused, if the error says the input was Python (`None is not defined`). */
export function hintForError(e: { readonly name?: string; readonly message?: string }): string | null {
  return e.name === 'ReferenceError' && PYTHON_NAMES.test(e.message ?? '') ? PYTHON_HINT : null;
}
