import { NamedValue } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { findField } from './field-setter.js';
import { loadTarget, saveTarget, type ObjContext } from './obj-context.js';
import { namedValues } from './read-actions.js';
import type { TxCommand } from './tx-command.js';

/**
 * `null Type:id field` (omero-py `NullTxAction`): sets the field to null, saves, prints
 * `Type:id`. An unknown field is rc 336 (omero-py silently saves nothing); other arities rc 335
 * `usage: null OBJ FIELD`; a refused save rc 336 (e.g. a required field).
 */
export async function runNull(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  if (cmd.args.length !== 3) throw new CliError(335, 'usage: null OBJ FIELD');
  const name = cmd.args[2]!;
  if (findField(target.kls, name) === null) throw new CliError(336, `Unknown field '${name}' for ${target.kls}:${target.id}`);
  (target.obj as unknown as Record<string, unknown>)[name] = null;
  ctx.state.setValue(await saveTarget(target, ctx), cmd.dest);
}

/**
 * `map-set Type:id field key [value]` (omero-py `MapSetTxAction`) on a key/value field
 * (`MapAnnotation.mapValue`, `Experimenter.config`, `ExperimenterGroup.config`): with a value,
 * sets the first entry named `key` or appends one; without, removes every entry named `key`.
 * A null field counts as empty (omero-py crashes there, reference cli §12). Saves and prints
 * `Type:id`; a refused save is rc 336 (e.g. `map-set Experimenter:<id> config
 * AdminPrivilege:<X> false` by someone who may not restrict that user). Other arities rc 335.
 */
export async function runMapSet(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  const argc = cmd.args.length;
  if (argc !== 4 && argc !== 5) throw new CliError(335, 'usage: map-set OBJ FIELD KEY [VALUE]');
  const name = cmd.args[2]!;
  const key = cmd.args[3]!;
  let entries = namedValues(target, name).map((nv) => new NamedValue(nv.name, nv.value));
  if (argc === 4) entries = entries.filter((nv) => nv.name !== key);
  else {
    const value = cmd.args[4]!;
    const first = entries.find((nv) => nv.name === key);
    if (first) first.value = value;
    else entries.push(new NamedValue(key, value));
  }
  (target.obj as unknown as Record<string, unknown>)[name] = entries;
  ctx.state.setValue(await saveTarget(target, ctx), cmd.dest);
}
