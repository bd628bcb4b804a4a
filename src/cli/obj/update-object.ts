import { ClientError } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { findField, setField } from './field-setter.js';
import { loadTarget, saveTarget, type ObjContext } from './obj-context.js';
import type { TxCommand } from './tx-command.js';
import { parseTxField } from './tx-field.js';

/**
 * `update Type:id field=value …` (omero-py `UpdateObjectTxAction`): loads the object in every
 * group (rc 334 when there is no id or no such readable object), sets each field (rc 335
 * `<error>` for a value the field cannot hold or an unknown field), saves it (rc 336 `Failed to
 * update <Type>:<id> - <message>`, e.g. a non-admin changing a user) and prints `Type:id`.
 * `omero obj update Experimenter:123 email=jsmith@new_address.com` and
 * `omero obj update ExperimenterGroup:123 name='read-write-1'` are OMERO's documented uses.
 */
export async function runUpdate(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  for (const word of cmd.args.slice(2)) {
    const { name, value } = parseTxField(word ?? '', ctx.state);
    const field = findField(target.kls, name);
    try {
      if (field === null) throw new ClientError(`Unknown field '${name}' for ${target.kls}:${target.id}`);
      setField(target.obj, target.kls, field, value);
    } catch (e) {
      if (e instanceof ClientError) throw new CliError(335, e.message);
      throw e;
    }
  }
  ctx.state.setValue(await saveTarget(target, ctx), cmd.dest);
}
