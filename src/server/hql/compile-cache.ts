import type { ReadScope } from '../security/read-scope.js';
import { bindTemplate, compileHqlTemplate, type CompiledHql, type CompileHqlOptions, type CompiledTemplate } from './compile-hql.js';
import { scalarKind } from './resolver/bind-value.js';

/** Compiled queries kept per read scope; the least recently used go first. */
const PER_SCOPE = 128;

/** Read scope → (query, paging, parameter kinds) → compiled template. */
const templates = new WeakMap<ReadScope, Map<string, CompiledTemplate>>();

/**
 * `compileHql`, remembering the compiled statement per read scope (issue 15: parsing, resolving,
 * securing and compiling cost more than running a small query). The scope object is the key, so
 * an entry lives as long as the caller's cached facts (`call/facts-cache.ts`) and can never serve
 * another caller or a changed scope. Within a scope the key is the HQL, the paging and each
 * parameter's kind (lists: their element kinds and length) — never a value: values are bound per
 * call (`bindTemplate`), so one entry serves every id. Only successful compiles are kept; a query
 * that fails compiles (and fails) again.
 */
export function compileHqlCached(hql: string, options: CompileHqlOptions): CompiledHql {
  const params = options.params ?? {};
  let byKey = templates.get(options.scope);
  if (byKey === undefined) {
    byKey = new Map();
    templates.set(options.scope, byKey);
  }
  const key = cacheKey(hql, options, params);
  let template = byKey.get(key);
  if (template === undefined) {
    template = compileHqlTemplate(hql, options);
    byKey.set(key, template);
    if (byKey.size > PER_SCOPE) byKey.delete(byKey.keys().next().value!);
  } else {
    byKey.delete(key);
    byKey.set(key, template);
  }
  return bindTemplate(template, params);
}

function cacheKey(hql: string, options: CompileHqlOptions, params: Readonly<Record<string, unknown>>): string {
  const kinds = Object.keys(params)
    .sort()
    .map((name) => `${name}=${kindOf(params[name])}`);
  return JSON.stringify([hql, options.offset ?? null, options.limit ?? null, options.unique ?? false, kinds]);
}

/** What of a value the compiled statement can depend on: its kind, and for a list its element kinds and length. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalarKind(v) ?? '?').join(',')}]`;
  return scalarKind(value) ?? (value === null || value === undefined ? 'null' : '?');
}
