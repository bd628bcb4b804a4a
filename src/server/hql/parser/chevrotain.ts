import type * as Chevrotain from 'chevrotain';

/**
 * chevrotain's runtime values, loaded from the single-file ES bundle the package ships
 * (`lib/chevrotain.mjs`, the same version and code) instead of its package entry: the entry is
 * split into ~700 ES modules (lodash-es), and loading them cost the server thread 0.6–1.1 s of
 * every CLI command's start-up (issue 6, scripts/bench). Types still come from 'chevrotain'.
 * Falls back to the package entry if a future layout has no bundle.
 */
async function load(): Promise<typeof Chevrotain> {
  try {
    // The entry is <pkg>/lib/src/api.js; the bundle sits at <pkg>/lib/chevrotain.mjs.
    const bundle = new URL('../chevrotain.mjs', import.meta.resolve('chevrotain'));
    return (await import(bundle.href)) as typeof Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, EmbeddedActionsParser, Lexer, tokenLabel } = chevrotain;
