import type { Knex } from 'knex';
import { CallContext, type CallContextMap } from '../call/call-context.js';

/**
 * The call a graph command runs in, on transaction `trx` (a savepoint of the submit's
 * transaction): `omero.group=-1` semantics — "the delete service always internally performs all
 * its queries in the omero.group=-1 context unless another more explicit one is specified"
 * (seed 002) — unless the submit's call context, or the per-request context of a DoAll
 * (`extra`), names a group; a named group is checked as any call's group is.
 */
export async function commandCall(call: CallContext, trx: Knex.Transaction, extra: CallContextMap | null = null): Promise<CallContext> {
  const ctx: Record<string, string> = { ...call.ctx, ...(extra ?? {}) };
  const named = ctx['omero.group'] !== undefined && String(ctx['omero.group']).trim() !== '';
  if (named) return CallContext.open(trx, call.session, call.sessionKey, call.membership, ctx);
  const sub = new CallContext(trx, call.session, call.sessionKey, call.membership, -1, ctx);
  await sub.loadPerms([call.session.group_id, ...call.membership.memberOf]);
  return sub;
}
