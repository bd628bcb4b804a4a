import { ApiUsageException, unwrap } from '../../../model/index.js';

/** A ParametersI (or plain Parameters) as it arrives from the client. */
interface ParametersLike {
  readonly map?: Record<string, unknown> | null;
  readonly theFilter?: { readonly offset?: unknown; readonly limit?: unknown; readonly ownerId?: unknown; readonly groupId?: unknown } | null;
  readonly theOptions?: { readonly leaves?: unknown; readonly orphan?: unknown } | null;
}

/** What a query method needs from its parameters, unwrapped to plain JS values. */
export interface QueryParameters {
  readonly params: Record<string, unknown>;
  readonly offset?: number;
  readonly limit?: number;
  /** `exp(id)`: honoured by IContainer only, as in OMERO. */
  readonly ownerId?: number;
  /** `grp(id)`: honoured by IContainer only. */
  readonly groupId?: number;
  readonly leaves: boolean;
  readonly orphan: boolean;
}

/**
 * Unwraps `params.map` (rtypes → values, rlists → arrays) and the filter and options
 * (reference api §2.1). IQuery ignores `ownerId`/`groupId`; IContainer honours them.
 */
export function readParameters(p: unknown): QueryParameters {
  if (p === null || p === undefined) return { params: {}, leaves: false, orphan: false };
  if (typeof p !== 'object') throw new ApiUsageException('Parameters must be an omero.sys.Parameters');
  const x = p as ParametersLike;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x.map ?? {})) params[k] = unwrap(v);
  const f = x.theFilter ?? {};
  const o = x.theOptions ?? {};
  return {
    params,
    offset: optionalInt(unwrap(f.offset), 'offset'),
    limit: optionalInt(unwrap(f.limit), 'limit'),
    ownerId: optionalInt(unwrap(f.ownerId), 'ownerId'),
    groupId: optionalInt(unwrap(f.groupId), 'groupId'),
    leaves: unwrap(o.leaves) === true,
    orphan: unwrap(o.orphan) === true,
  };
}

function optionalInt(v: unknown, what: string): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ApiUsageException(`${what} must be an integer`);
  return v;
}
