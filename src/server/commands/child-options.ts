import type { ChildOption, StringMap } from '../../model/index.js';
import { findEntity } from '../db/entities.js';
import { GraphFailure } from './graph-failure.js';
import type { GraphRow } from './graph-set.js';

/** What the child options say about one child: always include, never include, or no opinion. */
export type ChildDecision = 'include' | 'exclude' | null;

/** Decides per child from a request's `childOptions`. */
export type ChildDecider = (row: GraphRow) => ChildDecision;

function matches(types: readonly string[] | null | undefined, row: GraphRow): boolean {
  return (types ?? []).some((t) => {
    const def = findEntity(String(t).trim());
    return def !== undefined && (def === row.def || row.def.superclass === def.name);
  });
}

function nsApplies(option: ChildOption, row: GraphRow): boolean {
  if (row.def.superclass !== 'Annotation') return true;
  if (option.includeNs?.length && !option.includeNs.includes(row.ns ?? '')) return false;
  if (option.excludeNs?.length && option.excludeNs.includes(row.ns ?? '')) return false;
  return true;
}

/**
 * `graphs.ChildOption`s as a decider (reference api §4.1): the first option whose `includeType`
 * or `excludeType` names the child's class (or a superclass) and whose namespace limits admit it
 * (annotations only) decides; no applicable option = the default rules.
 */
export function childDecider(options: readonly ChildOption[] | null | undefined): ChildDecider {
  const list = options ?? [];
  return (row) => {
    for (const option of list) {
      if (!nsApplies(option, row)) continue;
      if (matches(option.includeType, row)) return 'include';
      if (matches(option.excludeType, row)) return 'exclude';
    }
    return null;
  };
}

/** A legacy `Delete` option value: `KEEP`, `HARD`, `FORCE`, optionally `;excludes=ns1,ns2`. */
export interface LegacyOption {
  readonly type: string;
  readonly mode: 'KEEP' | 'HARD' | 'FORCE';
  readonly excludeNs: string[];
}

/**
 * Parses the legacy facade's options (`{'/Annotation': 'KEEP'}`; reference api §4.5, GraphUtil
 * `translateOptions`). Unknown modes are `bad-options`.
 */
export function parseLegacyOptions(options: StringMap | null | undefined): LegacyOption[] {
  return Object.entries(options ?? {}).map(([path, value]) => {
    const type = path.replace(/^\/+/, '').split('/').pop() ?? '';
    const [mode = '', ...rest] = String(value).split(';').map((s) => s.trim());
    const upper = mode.toUpperCase();
    if (upper !== 'KEEP' && upper !== 'HARD' && upper !== 'FORCE') {
      throw new GraphFailure('bad-options', `unknown option ${value} for ${path}`);
    }
    const excludes = rest.find((r) => r.startsWith('excludes='));
    const excludeNs = excludes ? excludes.slice('excludes='.length).split(',').map((s) => s.trim()).filter(Boolean) : [];
    return { type, mode: upper, excludeNs };
  });
}
