import { isMap, type TargetObjects } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import { findEntity, type EntityDef } from '../db/entities.js';
import { canReadRow } from '../security/index.js';
import { GraphFailure, unreadable } from './graph-failure.js';
import { GraphSet } from './graph-set.js';
import { loadRows } from './graph-store.js';

/**
 * The class of a `targetObjects` key in any of OMERO's spellings (`Project`, `ProjectI`,
 * `omero.model.Project`, `ome.model.containers.Project`); `bad-options` for anything else.
 */
export function targetEntity(key: string, accept: (def: EntityDef) => boolean = (d) => d.kind === 'data'): EntityDef {
  const def = findEntity(String(key).trim());
  if (!def || !accept(def)) throw new GraphFailure('bad-options', `unknown class ${String(key)} in targetObjects`);
  return def;
}

/** The ids of a `targetObjects` entry, as numbers. */
export function targetIds(key: string, ids: unknown): number[] {
  const list = Array.isArray(ids) ? ids : ids === null || ids === undefined ? [] : [ids];
  return list.map((v) => {
    const raw = typeof v === 'object' && v !== null && 'val' in v ? (v as { val: unknown }).val : v;
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new GraphFailure('bad-options', `bad id ${String(raw)} for ${key} in targetObjects`);
    return n;
  });
}

/**
 * The entries of `targetObjects`: a dictionary as Python sends it, or a Map (typed as
 * `new Map([['Project', [1]]])` in the shell, which the wire keeps a Map).
 */
export function targetEntries(targets: TargetObjects | Map<unknown, unknown> | null | undefined): Array<[string, unknown]> {
  if (isMap(targets)) return [...targets].map(([k, v]) => [String(k), v]);
  return Object.entries(targets ?? {});
}

/**
 * The rows a request targets. Every one must exist and be readable by the caller in the command's
 * group context (reference permissions §2): otherwise the whole request fails with
 * "cannot read all the specified objects of class …" — nonexistent and unreadable look the same.
 */
export async function resolveTargets(call: CallContext, targets: TargetObjects | null | undefined): Promise<GraphSet> {
  const result = new GraphSet();
  const scope = await call.scope();
  for (const [key, value] of targetEntries(targets)) {
    const def = targetEntity(key);
    const ids = [...new Set(targetIds(key, value))];
    const rows = await loadRows(call.trx, def, ids);
    const readable = rows.filter((r) => canReadRow(scope, r));
    if (readable.length !== ids.length) throw unreadable(def.serverClass);
    for (const r of readable) result.add(r);
  }
  return result;
}
