import { CliError } from '../cli-error.js';
import { parsePyInt } from '../hql/py-value.js';
import { loadTarget, type ObjContext } from './obj-context.js';
import type { TxCommand } from './tx-command.js';

/** The fields `ext-info-get` may name. */
const EXT_INFO_FIELDS = ['id', 'entityId', 'entityType', 'lsid', 'uuid'];

/**
 * `ext-info-get Type:id [id|entityId|entityType|lsid|uuid]` (reference cli §5). This engine has
 * no ExternalInfo objects: after the usual checks (rc 334 load errors, rc 335 `usage: …` for
 * other arities or fields) every object answers rc 346 `No ExternalInfo found: <Type>:<id>`,
 * which is what OMERO prints for an object without one.
 */
export async function runExtInfoGet(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  const argc = cmd.args.length;
  const usage = 'usage: ext-info-get OBJ [id|entityId|entityType|lsid|uuid]';
  if (argc !== 2 && argc !== 3) throw new CliError(335, usage);
  if (argc === 3 && !EXT_INFO_FIELDS.includes(cmd.args[2]!)) throw new CliError(335, usage);
  throw new CliError(346, `No ExternalInfo found: ${target.kls}:${target.id}`);
}

/**
 * `ext-info-set Type:id entityId entityType [lsid] [uuid]` (reference cli §5). After OMERO's
 * checks (rc 334 load errors, rc 345 `usage: …` unless 2–4 values, rc 347 `entityId must be an
 * integer, got: <x>`) it is refused with rc 336: this engine does not model ExternalInfo, and
 * nothing is changed.
 */
export async function runExtInfoSet(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  const argc = cmd.args.length;
  if (argc < 4 || argc > 6) throw new CliError(345, 'usage: ext-info-set OBJ entityId entityType [lsid] [uuid]');
  const entityId = cmd.args[2]!;
  if (parsePyInt(entityId) === null) throw new CliError(347, `entityId must be an integer, got: ${entityId}`);
  throw new CliError(
    336,
    `Failed to update ${target.kls}:${target.id} - ExternalInfo is not supported by this server (omero-shell has no ExternalInfo objects); nothing was changed`,
  );
}
