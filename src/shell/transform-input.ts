import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';
import { looksLikePython, PYTHON_HINT, usesPercentFormatting } from './python-hint.js';

const requireCjs = createRequire(import.meta.url);
let esbuild: typeof Esbuild | undefined;

/**
 * esbuild, loaded on first use rather than with the shell: the prompt shows ~50 ms of CPU
 * sooner (issue 6: start-up, scripts/bench). The interactive shell calls `preloadTransformer`
 * when the first key is typed, so that the first input does not wait for it.
 */
function esbuildApi(): typeof Esbuild {
  esbuild ??= requireCjs('esbuild') as typeof Esbuild;
  return esbuild;
}

/** Loads the transformer now (it is otherwise loaded by the first statement). */
export function preloadTransformer(): void {
  esbuildApi();
}

/** The result of turning one REPL input from TypeScript into JavaScript. */
export type Transformed =
  | { readonly kind: 'js'; readonly code: string }
  /** The input stops mid-statement: the REPL shows `...` and waits for more. */
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'error'; readonly message: string };

const INCOMPLETE = /end of file|Unterminated|Expected "\}" but found end/i;

/**
 * Strips TypeScript types with esbuild before Node's own eval runs the code, so that top-level
 * await, `const` persistence and completion keep working (node-ecosystem §1). ts-node is not used:
 * 10.9.2 crashes with TypeScript 7 and starts 2–4× slower. `verbatimModuleSyntax` keeps imports
 * that esbuild would otherwise drop as unused.
 */
export function transformInput(code: string): Transformed {
  // JavaScript would print NaN for Python's `'…' % x`: refuse it instead, saying why.
  if (usesPercentFormatting(code)) {
    return { kind: 'error', message: `'…' % x is Python's string formatting (NaN in TypeScript): write \`…\${x}\` instead\n${PYTHON_HINT}` };
  }
  const t = transformTypeScript(code);
  return t.kind === 'error' && looksLikePython(code) ? { kind: 'error', message: `${t.message}\n${PYTHON_HINT}` } : t;
}

function transformTypeScript(code: string): Transformed {
  // Node's REPL reads `{ a: 1 }` as an object literal, not a block: try that reading first.
  if (/^\s*\{/.test(code) && /\}\s*;?\s*$/.test(code)) {
    const asExpression = attempt(`(${code.replace(/;\s*$/, '')})`);
    if (asExpression.kind === 'js') return asExpression;
  }
  return attempt(code);
}

function attempt(code: string): Transformed {
  try {
    const out = esbuildApi().transformSync(code, {
      loader: 'ts',
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      target: 'es2022',
    });
    return { kind: 'js', code: out.code };
  } catch (e) {
    const errors = (e as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors ?? [];
    if (errors.some((x) => INCOMPLETE.test(x.text))) return { kind: 'incomplete' };
    const first = errors[0];
    const where = first?.location ? ` (${first.location.line}:${first.location.column + 1})` : '';
    return { kind: 'error', message: `${first?.text ?? String(e)}${where}` };
  }
}
