import {
  ClientError,
  getFields,
  proxyToInstance,
  rbool,
  rdouble,
  rfloat,
  rint,
  rlong,
  rstring,
  rtime,
  type FieldMeta,
  type IObject,
} from '../../model/index.js';
import { parsePyFloat, parsePyInt } from '../hql/py-value.js';

/** The field of class `kls` (`Project`) called `name` (a scalar, a reference or a key/value list), or null. */
export function findField(kls: string, name: string): FieldMeta | null {
  return getFields(kls)?.find((f) => f.name === name) ?? null;
}

/**
 * What `set<Field>(text, wrap=True)` stores (omero-py `TxField`): the text converted with the
 * field's metadata — RString, RLong/RInt (Python `int()` syntax), RDouble/RFloat (`float()`), RBool
 * (`true/false`, `yes/no`, `1/0`, any case), RTime (milliseconds since the epoch, or an ISO 8601
 * date), and for references an unloaded object from `Type:id` (or a bare id of the declared
 * class). Null (a `@=` reference to a `None` result) stores null. Throws `ClientError` for text
 * the field cannot hold, for key/value fields (use `map-set`) and for unloaded objects.
 */
export function setField(obj: IObject, kls: string, field: FieldMeta, text: string | null): void {
  if (!obj.isLoaded()) {
    throw new ClientError(`Cannot set '${field.name}': ${kls}:${obj.id?.val} is an unloaded object (new takes a class without an id)`);
  }
  (obj as unknown as Record<string, unknown>)[field.name] = text === null ? null : convert(kls, field, text);
}

function convert(kls: string, field: FieldMeta, text: string): unknown {
  const bad = (expected: string) => new ClientError(`Invalid value for ${kls}.${field.name}: '${text}' (expected ${expected})`);
  switch (field.kind) {
    case 'string':
      return rstring(text);
    case 'long':
    case 'int': {
      const n = parsePyInt(text);
      if (n === null) throw bad('an integer');
      if (!Number.isSafeInteger(n) || (field.kind === 'int' && Math.abs(n) > 2 ** 31)) throw bad('an integer in range');
      return field.kind === 'long' ? rlong(n) : rint(n);
    }
    case 'double':
    case 'float': {
      const n = parsePyFloat(text);
      if (n === null) throw bad('a number');
      return field.kind === 'double' ? rdouble(n) : rfloat(n);
    }
    case 'bool': {
      const t = text.trim().toLowerCase();
      if (['true', 'yes', 'y', 't', '1'].includes(t)) return rbool(true);
      if (['false', 'no', 'n', 'f', '0'].includes(t)) return rbool(false);
      throw bad('true or false');
    }
    case 'time': {
      const n = parsePyInt(text);
      if (n !== null) return rtime(n);
      const ms = Date.parse(text);
      if (Number.isNaN(ms)) throw bad('milliseconds since 1970 or an ISO 8601 date');
      return rtime(ms);
    }
    case 'object':
      return proxyToInstance(text, field.refClass ?? undefined);
    case 'namedValues':
      throw new ClientError(`${kls}.${field.name} holds key/value pairs: use 'map-set OBJ ${field.name} KEY VALUE'`);
  }
}
