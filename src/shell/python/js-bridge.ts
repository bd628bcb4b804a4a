import { types } from 'node:util';
import type { Transport } from '../../client/transport/transport.js';
import { OmeroClient } from '../../client/omero-client.js';
import { installModelMembers } from '../../model/objects/lazy-members.js';
import { glacier2 } from '../../model/namespaces.js';
import { omero } from '../../omero-namespace.js';
import { pythonRepr, type WriterOptions } from '../shell-writer.js';

/** One name the Python package `omero` re-exports: a class, a function, or a plain value. */
export interface NamespaceEntry {
  readonly module: string;
  readonly name: string;
  readonly kind: 'class' | 'function';
  readonly id: number;
}

/** What Python needs to build its wrapper class for one JavaScript class. */
export interface ClassInfo {
  readonly name: string;
  /** The parent class's id, or -1 at the root. */
  readonly parent: number;
  readonly error: boolean;
  /** [name, parameter text] of the methods this class declares itself. */
  readonly methods: ReadonlyArray<readonly [string, string]>;
  /** Accessor properties this class declares itself (model fields, `val`). */
  readonly fields: readonly string[];
}

/** A thrown JavaScript value, described for Python (which raises its own class for it). */
export interface ErrorInfo {
  /** Constructor names, most derived first. */
  readonly chain: readonly string[];
  /** The class id of an OMERO exception (an IceUserException), else -1. */
  readonly classId: number;
  readonly message: string;
  /** Own enumerable fields (serverExceptionClass, …), converted by Python. */
  readonly fields: Record<string, unknown>;
}

/** The outcome of one call: JavaScript never throws into Python, Python raises from `error`. */
export type BridgeResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ErrorInfo };

/**
 * The JavaScript half of the Python package `omero` (module `_omero_js` in Pyodide). Every crossing
 * goes through these functions, and Python converts each value explicitly (omero/_bridge.py):
 * numbers, strings, booleans and null cross as themselves; arrays and plain objects are copied
 * into lists and dicts; class instances (model objects, rtypes, services) are wrapped in the
 * Python class made for their JavaScript class. No call lets a JavaScript exception through: it
 * comes back as an {@link ErrorInfo} and Python raises `omero.SecurityViolation` etc.
 */
export class JsBridge {
  readonly #classes = new Map<Function, number>();
  readonly #byId: Function[] = [];
  readonly #functions: Function[] = [];
  readonly #transport: Transport;
  readonly #writer: Pick<WriterOptions, 'format'>;

  constructor(transport: Transport, writer: Pick<WriterOptions, 'format'>) {
    this.#transport = transport;
    this.#writer = writer;
  }

  /** Every class and function of `omero.*`, by Python module (`omero.model`, `omero.rtypes`, …). */
  namespace(): NamespaceEntry[] {
    const out: NamespaceEntry[] = [];
    const add = (module: string, ns: Record<string, unknown>) => {
      for (const [name, v] of Object.entries(ns)) {
        if (typeof v !== 'function') continue;
        if (isClass(v)) out.push({ module, name, kind: 'class', id: this.classId(v) });
        else out.push({ module, name, kind: 'function', id: this.#functions.push(v) - 1 });
      }
    };
    const { model, rtypes, sys, cmd, callbacks, client: _client, ...exceptions } = omero;
    add('omero.model', model);
    add('omero.rtypes', rtypes);
    add('omero.sys', sys);
    add('omero.cmd', cmd);
    add('omero.cmd.graphs', cmd.graphs);
    add('omero.callbacks', callbacks);
    add('omero', exceptions);
    add('Glacier2', glacier2);
    out.push({ module: 'omero', name: 'client', kind: 'class', id: this.classId(OmeroClient) });
    return out;
  }

  classId(cls: Function): number {
    let id = this.#classes.get(cls);
    if (id === undefined) {
      id = this.#byId.push(cls) - 1;
      this.#classes.set(cls, id);
    }
    return id;
  }

  /** The class id of an instance; -1 for a plain object (copied into a dict), -2 for an array. */
  classOf(value: unknown): number {
    if (Array.isArray(value)) return -2;
    if (value === null || typeof value !== 'object') return -3;
    const proto = Object.getPrototypeOf(value) as { constructor?: Function } | null;
    if (proto === null || proto === Object.prototype || !proto.constructor) return -1;
    if (value instanceof Map) return -4;
    if (value instanceof Set) return -2;
    return this.classId(proto.constructor);
  }

  classInfo(id: number): ClassInfo {
    const cls = this.#byId[id]!;
    // A model class's accessors are installed when first needed (model/objects/lazy-members.ts).
    installModelMembers(cls);
    const parent = Object.getPrototypeOf(cls) as Function;
    const isRoot = parent === Function.prototype || parent === Object || parent === Error;
    const methods: Array<readonly [string, string]> = [];
    const fields: string[] = [];
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      if (name === 'constructor' || name.startsWith('_')) continue;
      const d = Object.getOwnPropertyDescriptor(cls.prototype, name)!;
      if (d.get || d.set) fields.push(name);
      else if (typeof d.value === 'function') methods.push([name, parameterText(d.value as Function)]);
    }
    return { name: cls.name, parent: isRoot ? -1 : this.classId(parent), error: cls.prototype instanceof Error, methods, fields };
  }

  construct(id: number, args: unknown[]): BridgeResult {
    const cls = this.#byId[id] as new (...a: unknown[]) => unknown;
    return this.#attempt(() => new cls(...args));
  }

  /** `omero.client(…)`: always over this worker's relay to the shell's connection. */
  newClient(args: unknown[]): BridgeResult {
    return this.#attempt(() => new OmeroClient(...args, this.#transport));
  }

  callFunction(id: number, args: unknown[]): BridgeResult {
    return this.#attempt(() => this.#functions[id]!(...args));
  }

  invoke(target: Record<string, unknown>, name: string, args: unknown[]): BridgeResult {
    return this.#attempt(() => {
      const fn = target[name];
      if (typeof fn !== 'function') throw new TypeError(`'${name}' is not a method of ${describe(target)}`);
      return (fn as Function).apply(target, args);
    });
  }

  get(target: Record<string, unknown>, name: string): BridgeResult {
    return this.#attempt(() => target[name]);
  }

  set(target: Record<string, unknown>, name: string, value: unknown): BridgeResult {
    return this.#attempt(() => {
      target[name] = value;
      return null;
    });
  }

  has(target: object, name: string): boolean {
    return name in target;
  }

  /** Own enumerable keys of an instance (fields that are not accessors: EventContext, requests). */
  keys(target: object): string[] {
    return Object.keys(target).filter((k) => !k.startsWith('_'));
  }

  /** Plain-object entries, for Python to copy into a dict. */
  entries(target: object): Array<[unknown, unknown]> {
    return target instanceof Map ? [...target.entries()] : Object.entries(target);
  }

  /** Python's repr of an Ice value (the Ice print format), else null for Python to decide. */
  repr(value: unknown): string {
    return pythonRepr(value, this.#writer);
  }

  /** A JavaScript object from [key, value] pairs Python built (its dicts cross this way). */
  object(entries: Array<[string, unknown]>): Record<string, unknown> {
    return Object.fromEntries(entries);
  }

  #attempt(f: () => unknown): BridgeResult {
    try {
      return { ok: true, value: f() };
    } catch (e) {
      const info = errorInfo(e);
      const iceError = info.chain.includes('IceUserException');
      return { ok: false, error: { ...info, classId: iceError ? this.classId((e as object).constructor) : -1 } };
    }
  }
}

/** Constructor names up the prototype chain, the message, and the own fields of a thrown value. */
export function errorInfo(e: unknown): Omit<ErrorInfo, 'classId'> {
  if (!(e instanceof Error) && !types.isNativeError(e)) return { chain: [], message: String(e), fields: {} };
  const chain: string[] = [];
  for (let p = Object.getPrototypeOf(e) as { constructor?: Function } | null; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (p.constructor?.name) chain.push(p.constructor.name);
  }
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (k !== 'stack' && (v === null || typeof v !== 'object')) fields[k] = v;
  return { chain, message: (e as Error).message, fields };
}

function isClass(f: Function): boolean {
  return /^class\b/.test(Function.prototype.toString.call(f)) || (f.prototype !== undefined && Object.getOwnPropertyNames(f.prototype).length > 1);
}

/** `(hql, params, ctx)` from a method's source, for help() and Tab. */
function parameterText(f: Function): string {
  const m = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(f));
  return m ? m[1]!.replace(/\s+/g, ' ').replace(/\s*=\s*[^,]+/g, '=…').trim() : '';
}

function describe(target: unknown): string {
  const name = (target as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ?? typeof target;
}
