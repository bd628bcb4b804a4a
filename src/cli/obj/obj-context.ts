import type { AsyncQueryService, AsyncUpdateService } from '../../client/async-proxies.js';
import { ServerError, type IObject } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { resolveObjectArgument, type ObjectArgument } from './object-argument.js';
import type { TxCommand } from './tx-command.js';
import type { TxState } from './tx-state.js';

/** What every `omero obj` action works with: the run's results and the session's services. */
export interface ObjContext {
  /** The results printed so far, for `@=` references. */
  readonly state: TxState;
  /** IQuery of the session (loads). */
  readonly query: AsyncQueryService;
  /** IUpdate of the session (saves). */
  readonly update: AsyncUpdateService;
}

/** An existing object an action reads or changes, loaded across groups. */
export interface LoadedTarget extends ObjectArgument {
  /** The object as `IQuery.get` returned it. */
  readonly obj: IObject;
  /** Its id. */
  readonly id: number;
}

/** The call context of every load: all groups the caller can read (`omero.group=-1`). */
export const ALL_GROUPS = Object.freeze({ 'omero.group': '-1' });

/**
 * Loads the command's `Type:id` with `IQuery.get` in every group (omero-py `NonFieldTxAction`,
 * `UpdateObjectTxAction`): a bad class is rc 102; no id is rc 334 `No id given for <Type>. Use
 * e.g. '<Type>:123'`; any server error (missing, unreadable) is rc 334 `No object found:
 * <Type>:<id>`.
 */
export async function loadTarget(cmd: TxCommand, ctx: ObjContext): Promise<LoadedTarget> {
  const arg = resolveObjectArgument(cmd.type);
  if (arg.id === null) throw new CliError(334, `No id given for ${arg.kls}. Use e.g. '${arg.kls}:123'`);
  let obj: IObject;
  try {
    obj = await ctx.query.get(arg.kls, arg.id, ALL_GROUPS);
  } catch (e) {
    if (e instanceof ServerError) throw new CliError(334, `No object found: ${arg.kls}:${arg.id}`);
    throw e;
  }
  return { ...arg, id: arg.id, obj };
}

/**
 * Saves a changed object with `IUpdate.saveAndReturnObject` and returns `Type:id`; a server
 * refusal is rc 336 `Failed to update <Type>:<id> - <message>`. The save runs in the object's
 * own group (`omero.group=<its group>`), as the load ran across groups.
 */
export async function saveTarget(target: LoadedTarget, ctx: ObjContext): Promise<string> {
  let saved: IObject;
  try {
    saved = await ctx.update.saveAndReturnObject(target.obj, groupContextOf(target.obj));
  } catch (e) {
    if (e instanceof ServerError) throw new CliError(336, `Failed to update ${target.kls}:${target.id} - ${e.message}`);
    throw e;
  }
  return `${target.kls}:${saved.id?.val ?? target.id}`;
}

/** `{'omero.group': '<id>'}` for an object of a group, nothing for users, groups and other system types. */
function groupContextOf(obj: IObject): Record<string, string> | null {
  const gid = obj.details?.group?.id?.val;
  return gid === undefined || gid === null ? null : { 'omero.group': String(gid) };
}
