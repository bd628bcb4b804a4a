import { DoAllRsp, ERR, Request, type DoAll, type Response, type Status } from '../../model/index.js';
import type { Knex } from 'knex';
import type { CallContext, CallContextMap } from '../call/call-context.js';
import { GraphFailure } from './graph-failure.js';

/** A finished request: its response and status. */
export interface CommandOutcome {
  readonly response: Response;
  readonly status: Status;
}

/** Runs one request in its own savepoint of `trx` (see `runRequest`). */
export type RequestRunner = (call: CallContext, trx: Knex.Transaction, request: Request, extra: CallContextMap | null) => Promise<CommandOutcome>;

/**
 * `DoAll(requests, contexts)` (reference api §4.1): runs the sub-requests in order, request i with
 * call context `contexts[i]` on top of the submit's. All or nothing: the first ERR is the DoAll's
 * answer, and the runner rolls back the DoAll's savepoint, undoing the sub-requests that had
 * succeeded. Otherwise answers `DoAllRsp(responses, status)`. Consecutive legacy Deletes simply
 * run one after the other (OMERO merges them into one Delete2; the outcome is the same).
 */
export async function runDoAll(
  call: CallContext,
  trx: Knex.Transaction,
  request: DoAll,
  extra: CallContextMap | null,
  run: RequestRunner,
): Promise<Response> {
  const responses: Response[] = [];
  const statuses: Status[] = [];
  for (const [i, sub] of (request.requests ?? []).entries()) {
    if (!(sub instanceof Request)) throw new GraphFailure('bad-request', `DoAll request ${i} is not an omero.cmd request`);
    const context = { ...(extra ?? {}), ...(request.contexts?.[i] ?? {}) };
    const outcome = await run(call, trx, sub, context);
    if (outcome.response instanceof ERR) return outcome.response;
    responses.push(outcome.response);
    statuses.push(outcome.status);
  }
  return new DoAllRsp({ responses, status: statuses });
}
