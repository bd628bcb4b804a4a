/**
 * Class registry for the wire format: stable names (the export names, which survive bundling and
 * minification) mapped to constructors of every model-layer class. Other layers may add their own.
 */
import * as cmd from '../cmd/index.js';
import * as exceptions from '../exceptions/index.js';
import { IceData } from '../ice/ice-data.js';
import * as objects from '../objects/index.js';
import * as permissions from '../permissions/index.js';
import { RTYPE_ALIAS_NAMES } from '../rtypes/aliases.js';
import * as rtypes from '../rtypes/index.js';
import * as sys from '../sys/index.js';

type AnyClass = abstract new (...args: never[]) => unknown;

const BY_NAME = new Map<string, AnyClass>();
const BY_CLASS = new Map<AnyClass, string>();

/** Registers `cls` under `name`; re-registering the same pair is a no-op, a conflict throws. */
export function registerWireClass(name: string, cls: AnyClass): void {
  const existing = BY_NAME.get(name);
  if (existing === cls) return;
  if (existing !== undefined) throw new Error(`wire class name already registered: ${name}`);
  if (BY_CLASS.has(cls)) throw new Error(`class already registered as ${BY_CLASS.get(cls) ?? '?'}: ${name}`);
  BY_NAME.set(name, cls);
  BY_CLASS.set(cls, name);
}

/** The constructor registered under `name`, or undefined. */
export function wireClassByName(name: string): AnyClass | undefined {
  return BY_NAME.get(name);
}

/** The registered name of exactly this constructor (not a subclass), or undefined. */
export function wireNameOf(cls: unknown): string | undefined {
  return BY_CLASS.get(cls as AnyClass);
}

/** Names of all registered classes. */
export function wireClassNames(): string[] {
  return [...BY_NAME.keys()];
}

function isClass(value: unknown): value is AnyClass {
  return typeof value === 'function' && typeof value.prototype === 'object' && value.prototype !== null;
}

for (const namespace of [rtypes, objects, permissions, sys, cmd, exceptions]) {
  for (const [name, value] of Object.entries(namespace)) {
    // Aliases (RString for RStringI) are skipped: each class is registered under its export name.
    if (/^[A-Z]/.test(name) && isClass(value) && !RTYPE_ALIAS_NAMES.has(name)) registerWireClass(name, value);
  }
}
registerWireClass('IceData', IceData);
