/**
 * Data-member specifications of Ice classes, and constructor-argument handling shared by every
 * generated-style class: positional arguments in Slice order (base class first) or one options object,
 * the JavaScript stand-in for Python keyword arguments (`Delete2(targetObjects=…)` → `new Delete2({ targetObjects })`).
 */
import { iceDefault, toIceValue, type IceType } from './ice-type.js';
import type { IceMember } from './ice-value.js';
import { isPlainObject } from './value-kinds.js';

/** One data member of an Ice class. */
export interface IceMemberSpec {
  /** JavaScript property name. */
  readonly name: string;
  /** Slice type, drives printing and the default. */
  readonly type: IceType;
  /** Printed name when it differs from `name` (Details prints `_owner` for `owner`). */
  readonly iceName?: string;
  /** Factory for the default value; without it the Slice default applies ('' / 0 / false / null). */
  readonly defaultValue?: () => unknown;
}

/** Slice type id plus all data members, base class first. */
export interface IceClassSpec {
  readonly typeId: string;
  readonly members: readonly IceMemberSpec[];
}

/** Builds a spec that extends `parent` with `own` members. */
export function iceClass(
  typeId: string,
  parent: IceClassSpec | null,
  own: readonly IceMemberSpec[] = [],
): IceClassSpec {
  return Object.freeze({ typeId, members: Object.freeze([...(parent?.members ?? []), ...own]) });
}

/** Shorthand for an {@link IceMemberSpec}. */
export function member(
  name: string,
  type: IceType,
  extra: Omit<IceMemberSpec, 'name' | 'type'> = {},
): IceMemberSpec {
  return { name, type, ...extra };
}

/** Describes `target`'s members for printing, in spec order. */
export function describeMembers(target: object, spec: IceClassSpec): IceMember[] {
  const record = target as Record<string, unknown>;
  return spec.members.map((m) => [m.iceName ?? m.name, toIceValue(m.type, record[m.name])] as const);
}

/**
 * Sets every member of `target` to its default, then applies `args`: either positional values in
 * member order, or a single plain object whose keys are member names. A single plain object whose
 * keys are not all member names is taken positionally only when the first member is a dictionary
 * (e.g. `new Delete2({ Project: [1] })`); otherwise unknown keys are an error.
 */
export function initMembers(target: object, spec: IceClassSpec, args: readonly unknown[]): void {
  const record = target as Record<string, unknown>;
  for (const m of spec.members) {
    record[m.name] = m.defaultValue ? m.defaultValue() : iceDefault(m.type);
  }
  const options = asOptions(spec, args);
  if (options !== null) {
    for (const [key, value] of Object.entries(options)) {
      if (value !== undefined) record[key] = value;
    }
    return;
  }
  if (args.length > spec.members.length) {
    throw new Error(`${spec.typeId} takes at most ${spec.members.length} arguments, got ${args.length}`);
  }
  args.forEach((value, index) => {
    const m = spec.members[index];
    if (m !== undefined && value !== undefined) record[m.name] = value;
  });
}

function asOptions(spec: IceClassSpec, args: readonly unknown[]): Record<string, unknown> | null {
  if (args.length !== 1 || !isPlainObject(args[0])) return null;
  const candidate = args[0];
  const names = new Set(spec.members.map((m) => m.name));
  const unknown = Object.keys(candidate).filter((key) => !names.has(key));
  if (unknown.length === 0) return candidate;
  const first = spec.members[0];
  if (first !== undefined && typeof first.type === 'object' && 'dict' in first.type) return null;
  throw new Error(`unknown member(s) ${unknown.map((k) => `'${k}'`).join(', ')} for ${spec.typeId}`);
}
