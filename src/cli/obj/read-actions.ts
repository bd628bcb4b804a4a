import { NamedValue } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { parsePyInt, pyStrOf, pyUnwrap } from '../hql/py-value.js';
import { fieldText, namedValueText } from './field-text.js';
import { loadTarget, type LoadedTarget, type ObjContext } from './obj-context.js';
import { readableNames, readField } from './object-fields.js';
import type { TxCommand } from './tx-command.js';

/**
 * `get Type:id [field]` (omero-py `ObjGetTxAction`). With a field: its text (see `fieldText`);
 * an unknown field is rc 336 `Unknown field '<f>' for <Type>:<id>` (printed plainly, unlike
 * omero-py, reference cli §12); a field without text (`details`) is rc 336. Without a field:
 * every readable field as `name=value` lines in alphabetical order, each ending with a newline
 * (so the output ends with an empty line, as OMERO's). Other arities are rc 335.
 */
export async function runGet(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  const argc = cmd.args.length;
  if (argc !== 2 && argc !== 3) throw new CliError(335, 'usage: get OBJ [FIELD]');
  let text: string;
  if (argc === 3) {
    const name = cmd.args[2]!;
    const value = readField(target.obj, target.kls, name);
    if (value === undefined) throw unknownField(name, target);
    const shown = fieldText(value);
    if (shown === null) throw new CliError(336, `Error: field '${name}' for ${label(target)} : no val, id or value`);
    text = shown;
  } else {
    text = '';
    for (const name of readableNames(target.obj, target.kls).sort()) {
      const shown = fieldText(readField(target.obj, target.kls, name));
      if (shown !== null) text += `${name}=${shown}\n`;
    }
  }
  ctx.state.setValue(text, cmd.dest);
}

/**
 * `list-get Type:id field index` (omero-py `ListGetTxAction`): one item of a list field, Python
 * indexing (`-1` is the last); a NamedValue prints `(k,v)`; a null field prints ``. Unknown
 * field, a field that is not a list, or an index out of range are rc 336; a non-integer index
 * is rc 335; other arities rc 335.
 */
export async function runListGet(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  if (cmd.args.length !== 4) throw new CliError(335, 'usage: list-get OBJ FIELD INDEX');
  const name = cmd.args[2]!;
  const value = readField(target.obj, target.kls, name);
  if (value === undefined) throw unknownField(name, target);
  const indexText = cmd.args[3]!;
  const index = parsePyInt(indexText);
  if (index === null) throw new CliError(335, `Index must be an integer, got: ${indexText}`);
  let text: string;
  if (value === null) text = '';
  else if (Array.isArray(value)) {
    const at = index < 0 ? value.length + index : index;
    if (at < 0 || at >= value.length) {
      throw new CliError(336, `Error: field '${name}[${index}]' for ${label(target)}, list index out of range`);
    }
    const item: unknown = value[at];
    text = item instanceof NamedValue ? namedValueText(item) : pyStrOf(pyUnwrap(item));
  } else throw new CliError(336, `Field '${name}' for ${label(target)} is not a list`);
  ctx.state.setValue(text, cmd.dest);
}

/**
 * `map-get Type:id field key` (omero-py `MapGetTxAction`): the value of the last entry named
 * `key` in a key/value field, or `None` when there is none (a null field counts as empty).
 * Unknown field or a field that is not a key/value list: rc 336; other arities rc 335.
 */
export async function runMapGet(cmd: TxCommand, ctx: ObjContext): Promise<void> {
  ctx.state.add();
  const target = await loadTarget(cmd, ctx);
  if (cmd.args.length !== 4) throw new CliError(335, 'usage: map-get OBJ FIELD KEY');
  const entries = namedValues(target, cmd.args[2]!);
  const key = cmd.args[3]!;
  let found: string | null = null;
  for (const nv of entries) if (nv && nv.name === key) found = nv.value;
  ctx.state.setValue(found, cmd.dest);
}

/** The entries of a key/value field (null → empty); rc 336 for an unknown or other field. */
export function namedValues(target: LoadedTarget, name: string): NamedValue[] {
  const value = readField(target.obj, target.kls, name);
  if (value === undefined) throw unknownField(name, target);
  if (value === null) return [];
  if (!Array.isArray(value) || value.some((v) => !(v instanceof NamedValue))) {
    throw new CliError(336, `Field '${name}' for ${label(target)} is not a map (a list of key/value pairs)`);
  }
  return value as NamedValue[];
}

function unknownField(name: string, target: LoadedTarget): CliError {
  return new CliError(336, `Unknown field '${name}' for ${label(target)}`);
}

function label(target: LoadedTarget): string {
  return `${target.kls}:${target.id}`;
}
