import type { Knex } from 'knex';
import {
  ApiUsageException,
  Chgrp2,
  Chmod2,
  Chown2,
  Delete,
  Delete2,
  DoAll,
  ERR,
  GraphModify2,
  Request,
  ServerError,
  SkipHead,
  type Response,
} from '../../model/index.js';
import type { CallContext, CallContextMap } from '../call/call-context.js';
import { runChgrp2 } from './chgrp2-command.js';
import { runChmod2 } from './chmod2-command.js';
import { runChown2 } from './chown2-command.js';
import { commandCall } from './command-call.js';
import { commandStatus, graphSteps } from './command-status.js';
import { runDelete2 } from './delete2-command.js';
import { runDoAll, type CommandOutcome } from './do-all-command.js';
import { GraphFailure, graphError } from './graph-failure.js';
import { runLegacyDelete } from './legacy-delete-command.js';

/** Carries an ERR outcome out of a savepoint so that the savepoint rolls back. */
class RollBack extends Error {
  readonly outcome: CommandOutcome;

  constructor(outcome: CommandOutcome) {
    super('rolled back');
    this.outcome = outcome;
  }
}

/**
 * `ServiceFactory.submit(request)` (reference api §1.2, §4): runs a command to completion in the
 * call's transaction and returns its response and status, which the client's handle holds
 * (`HandlePrx`, `CmdCallbackI.loop`). A failed command is a normal answer — an ERR
 * (GraphException) with a FAILURE status — and changes nothing; only unexpected errors throw.
 */
export async function submitCommand(call: CallContext, request: unknown): Promise<CommandOutcome> {
  if (!(request instanceof Request)) throw new ApiUsageException('submit needs an omero.cmd request (Delete2, DoAll, Chgrp2, Chown2, Chmod2, Delete)');
  return runRequest(call, call.trx, request, null);
}

/**
 * Runs one request in a savepoint of `trx`, in a command call (`commandCall`: `omero.group=-1`
 * unless a context names a group, `extra` being a DoAll's per-request context). An ERR rolls the
 * savepoint back.
 */
export async function runRequest(call: CallContext, trx: Knex.Transaction, request: Request, extra: CallContextMap | null): Promise<CommandOutcome> {
  const started = Date.now();
  const steps = stepsOf(request);
  try {
    return await trx.transaction(async (savepoint) => {
      const response = await execute(call, savepoint, request, extra);
      const outcome = { response, status: commandStatus(request, steps, started, response instanceof ERR) };
      if (response instanceof ERR) throw new RollBack(outcome);
      return outcome;
    });
  } catch (e) {
    if (e instanceof RollBack) return e.outcome;
    if (e instanceof GraphFailure) return { response: graphError(request, e), status: commandStatus(request, steps, started, true) };
    throw e;
  }
}

async function execute(call: CallContext, trx: Knex.Transaction, request: Request, extra: CallContextMap | null): Promise<Response> {
  if (request instanceof DoAll) return runDoAll(call, trx, request, extra, runRequest);
  let sub: CallContext;
  try {
    sub = await commandCall(call, trx, extra);
  } catch (e) {
    if (e instanceof ServerError) throw new GraphFailure('graph-fail', e.message);
    throw e;
  }
  if (request instanceof SkipHead) throw new GraphFailure('bad-request', 'SkipHead requests are not supported by this server');
  if (request instanceof Delete2) return runDelete2(sub, request);
  if (request instanceof Chgrp2) return runChgrp2(sub, request);
  if (request instanceof Chown2) return runChown2(sub, request);
  if (request instanceof Chmod2) return runChmod2(sub, request);
  if (request instanceof Delete) return runLegacyDelete(sub, request);
  throw new GraphFailure('bad-request', `${request.ice_id()} requests are not supported by this server`);
}

function stepsOf(request: Request): number {
  if (request instanceof DoAll) return request.requests?.length ?? 0;
  if (request instanceof GraphModify2) return graphSteps(Boolean(request.dryRun));
  return graphSteps(false);
}
