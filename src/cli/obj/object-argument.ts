import { lookupModelClass, type IObject, type ModelClass } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { parsePyInt } from '../hql/py-value.js';

/** The object argument of an `omero obj` command, resolved (omero-py `TxAction.instance`). */
export interface ObjectArgument {
  /** The model class. */
  readonly cls: ModelClass;
  /** OMERO's short name, as results print it (`Project` in `Project:5`). */
  readonly kls: string;
  /** The id after `:`, or null when absent or not an integer. */
  readonly id: number | null;
}

/**
 * `Type` or `Type:id` → the concrete model class `omero.model.<Type>I` (an `I` is appended unless
 * the name already ends with one). Missing → rc 102 `No object argument provided. Use e.g.
 * 'Image:123'`; unknown or abstract → rc 102 `No class named '<Type>I'`.
 */
export function resolveObjectArgument(type: string | null): ObjectArgument {
  if (type === null) throw new CliError(102, "No object argument provided. Use e.g. 'Image:123'");
  const parts = type.split(':');
  let name = parts[0]!;
  if (!name.endsWith('I')) name = `${name}I`;
  const found = /^[A-Za-z][A-Za-z0-9]*I$/.test(name) ? lookupModelClass(name) : null;
  if (found === null || found.meta.abstract || `${found.meta.shortName}I` !== name) {
    throw new CliError(102, `No class named '${name}'`);
  }
  const idText = parts[1];
  const id = idText === undefined ? null : parsePyInt(idText);
  return { cls: found as unknown as ModelClass, kls: found.meta.shortName, id };
}

/** A new, loaded, empty instance of the argument's class (for `new`); unloaded when an id was given. */
export function newInstance(arg: ObjectArgument): IObject {
  // `new Type:id` gives an unloaded instance, as omero-py's: setting a field on it then fails.
  return arg.id === null ? new arg.cls() : new arg.cls(arg.id, false);
}

