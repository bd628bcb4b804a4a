import {
  DetailsI,
  IObject,
  metaOf,
  NamedValue,
  RBoolI,
  RCollection,
  RDoubleI,
  RFloatI,
  RMapI,
  RObjectI,
  RStringI,
  RType,
} from '../../model/index.js';
import { pyRepr } from '../conventions.js';

/**
 * A value as omero-py holds it after `omero.rtypes.unwrap`, so that the CLI prints it with
 * Python's `str()` / `repr()` and tests it with Python's truthiness (the `hql` and `obj`
 * plugins do all three). `object` stands for what Python would print as a long Ice dump:
 * a model object (`ProjectI:5`) or a NamedValue (`(key,value)`), shown by a short label.
 */
export type PyValue =
  | { readonly kind: 'none' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly PyValue[] }
  | { readonly kind: 'dict'; readonly entries: readonly (readonly [PyValue, PyValue])[] }
  | { readonly kind: 'object'; readonly label: string };

/** Python's `None`. */
export const PY_NONE: PyValue = Object.freeze({ kind: 'none' });

/** A Python `str`. */
export function pyString(value: string): PyValue {
  return { kind: 'str', value };
}

/**
 * `omero.rtypes.unwrap(x)`, recursively: RString → str, RBool → bool, RLong/RInt/RTime → int
 * (times in milliseconds), RDouble/RFloat → float, RList/RSet → list, RMap → dict, RObject →
 * its object; plain JS values, arrays and Maps likewise. Model objects become `ClassI:id` labels,
 * NamedValues `(name,value)`.
 */
export function pyUnwrap(x: unknown): PyValue {
  if (x === null || x === undefined) return PY_NONE;
  if (x instanceof RObjectI) return pyUnwrap(x.val);
  if (x instanceof RCollection) return { kind: 'list', items: x._val.map(pyUnwrap) };
  if (x instanceof RMapI) return dict(Object.entries(x._val));
  if (x instanceof RType) {
    const v: unknown = x._val;
    if (x instanceof RStringI) return pyString(String(v));
    if (x instanceof RBoolI) return { kind: 'bool', value: Boolean(v) };
    if (x instanceof RDoubleI || x instanceof RFloatI) return { kind: 'float', value: Number(v) };
    return { kind: 'int', value: Number(v) };
  }
  if (x instanceof IObject) return { kind: 'object', label: objectLabel(x) };
  if (x instanceof NamedValue) return { kind: 'object', label: `(${x.name},${x.value})` };
  if (x instanceof DetailsI) return { kind: 'object', label: detailsLabel(x) };
  if (Array.isArray(x)) return { kind: 'list', items: x.map(pyUnwrap) };
  if (x instanceof Map) return dict([...x.entries()]);
  switch (typeof x) {
    case 'string':
      return pyString(x);
    case 'boolean':
      return { kind: 'bool', value: x };
    case 'number':
      return Number.isInteger(x) ? { kind: 'int', value: x } : { kind: 'float', value: x };
    case 'bigint':
      return { kind: 'int', value: Number(x) };
    default:
      return typeof x === 'object' ? dict(Object.entries(x)) : pyString(String(x));
  }
}

function dict(entries: readonly (readonly [unknown, unknown])[]): PyValue {
  return { kind: 'dict', entries: entries.map(([k, v]) => [pyUnwrap(k), pyUnwrap(v)] as const) };
}

/** `ClassI:id` (omero-py: `"%s:%s" % (obj.__class__.__name__, obj.id.val)`). */
export function objectLabel(obj: IObject): string {
  return `${metaOf(obj.constructor).shortName}I:${obj.id?.val ?? 'None'}`;
}

/** `owner=<id>;group=<id>` (`None` for a missing one), as `hql` shows `details`. */
export function detailsLabel(details: DetailsI): string {
  return `owner=${details.owner?.id?.val ?? 'None'};group=${details.group?.id?.val ?? 'None'}`;
}

/** Python's `str(v)`. */
export function pyStrOf(v: PyValue): string {
  switch (v.kind) {
    case 'none':
      return 'None';
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'int':
      return Number.isSafeInteger(v.value) ? BigInt(v.value).toString() : String(v.value);
    case 'float':
      return pyFloatRepr(v.value);
    case 'str':
      return v.value;
    case 'list':
      return `[${v.items.map(pyReprOf).join(', ')}]`;
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${pyReprOf(k)}: ${pyReprOf(x)}`).join(', ')}}`;
    case 'object':
      return v.label;
  }
}

/** Python's `repr(v)`: strings quoted, everything else as {@link pyStrOf}. */
export function pyReprOf(v: PyValue): string {
  return v.kind === 'str' ? pyRepr(v.value) : pyStrOf(v);
}

/** Python's `bool(v)`. */
export function pyTruthy(v: PyValue): boolean {
  switch (v.kind) {
    case 'none':
      return false;
    case 'bool':
      return v.value;
    case 'int':
    case 'float':
      return v.value !== 0;
    case 'str':
      return v.value !== '';
    case 'list':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'object':
      return true;
  }
}

/** Python's `repr(float)`: `1.0`, `0.5`, `1e-05`, `1e+16`, `nan`, `inf`. */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) {
    const fixed = String(n);
    return fixed.includes('.') ? fixed : `${fixed}.0`;
  }
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Python `int(text)` syntax: blanks, an optional sign, digits with single `_` between. */
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** Python's `int(text)`, or null where Python raises ValueError. */
export function parsePyInt(text: string): number | null {
  return PY_INT.test(text) ? Number(text.replaceAll('_', '').trim()) : null;
}

/** Python `float(text)` syntax for decimal numbers (digit groups may be joined by single `_`). */
const PY_FLOAT = /^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;

/** Python's `float(text)` (`1.5`, `-2e3`, `inf`, `nan`), or null where Python raises ValueError. */
export function parsePyFloat(text: string): number | null {
  const t = text.trim().toLowerCase();
  const special: Record<string, number> = { inf: Infinity, infinity: Infinity, nan: Number.NaN };
  const unsigned = t.replace(/^[+-]/, '');
  if (unsigned in special) return t.startsWith('-') ? -special[unsigned]! : special[unsigned]!;
  return PY_FLOAT.test(t) ? Number(t.replaceAll('_', '')) : null;
}
