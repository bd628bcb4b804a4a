import { ClientError, getFields, ServerError, type IObject } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { findField, setField } from './field-setter.js';
import type { ObjContext } from './obj-context.js';
import { newInstance, resolveObjectArgument } from './object-argument.js';
import type { TxCommand } from './tx-command.js';
import { parseTxField } from './tx-field.js';

/**
 * `new Type field=value …` (omero-py `NewObjectTxAction`): builds the object, sets each field
 * (a value the field cannot hold, or an unknown field, is rc 333 `<error>`), checks that every
 * required field was given (rc 103 `required arguments: f1, f2`), saves it in the session's
 * group (a refusal is rc 336 `Failed to create <Type> - <message>`) and prints `Type:<id>`.
 */
export async function runNew(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const arg = resolveObjectArgument(cmd.type);
  const obj = newInstance(arg);
  const completed = new Set<string>();
  for (const word of cmd.args.slice(2)) {
    const { name, value } = parseTxField(word ?? '', ctx.state);
    const field = findField(arg.kls, name);
    try {
      if (field === null) throw new ClientError(`Unknown field '${name}' for ${arg.kls}`);
      setField(obj, arg.kls, field, value);
    } catch (e) {
      if (e instanceof ClientError) throw new CliError(333, e.message);
      throw e;
    }
    completed.add(name);
  }
  const missing = (getFields(arg.kls) ?? []).filter((f) => f.required && !completed.has(f.name)).map((f) => f.name);
  if (missing.length > 0) throw new CliError(103, `required arguments: ${missing.join(', ')}`);
  let saved: IObject;
  try {
    saved = await ctx.update.saveAndReturnObject(obj);
  } catch (e) {
    if (e instanceof ServerError) throw new CliError(336, `Failed to create ${arg.kls} - ${e.message}`);
    throw e;
  }
  ctx.state.setValue(`${arg.kls}:${saved.id?.val ?? 'None'}`, cmd.dest);
}
