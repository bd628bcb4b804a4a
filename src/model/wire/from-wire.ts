/**
 * `fromWire(data)`: rebuilds the values encoded by `toWire`, with their classes (via
 * `Object.create(Class.prototype)`, no constructor side effects), sharing and cycles.
 */
import { BUILTIN_ERRORS, ERROR_HIDDEN_FIELDS } from './wire-format.js';
import { installModelMembers } from '../objects/lazy-members.js';
import { classDefaults, type ClassDefaults } from './class-defaults.js';
import { wireClassByName } from './wire-registry.js';

/** Decodes wire data. Throws on unknown class names, dangling `$ref`s and malformed tags. */
export function fromWire(data: unknown): unknown {
  return new Decoder().decode(data);
}

type Rec = Record<string, unknown>;

function defineField(target: object, key: string, value: unknown, hidden: boolean): void {
  // Plain assignment makes the same own data property, several times faster, when nothing of that
  // name is inherited (an accessor would run instead) and it is not `__proto__`.
  if (!hidden && !(key in target)) (target as Record<string, unknown>)[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: !hidden, writable: true, configurable: true });
}

class Decoder {
  readonly #refs = new Map<number, unknown>();

  decode(data: unknown): unknown {
    if (typeof data !== 'object' || data === null) return data;
    if (Array.isArray(data)) return data.map((item) => this.decode(item));
    const rec = data as Rec;
    if ('$ref' in rec) return this.#ref(rec['$ref']);
    if ('$u' in rec) return undefined;
    if ('$n' in rec) return Number(rec['$n']);
    if ('$b' in rec) return BigInt(String(rec['$b']));
    if ('$a' in rec) return this.#fill([] as unknown[], rec, (arr) => arr.push(...this.#list(rec['$a'])));
    if ('$d' in rec) return this.#fill(new Date(Number(rec['$d'])), rec, () => undefined);
    if ('$m' in rec) {
      return this.#fill(new Map<unknown, unknown>(), rec, (map) => {
        for (const entry of this.#list(rec['$m'], false)) {
          const [key, value] = entry as [unknown, unknown];
          map.set(this.decode(key), this.decode(value));
        }
      });
    }
    if ('$s' in rec) return this.#fill(new Set<unknown>(), rec, (set) => this.#list(rec['$s']).forEach((v) => set.add(v)));
    if ('$c' in rec) {
      const cls = this.#class(String(rec['$c']));
      return this.#instance(rec, cls.prototype as object, classDefaults(cls));
    }
    if ('$e' in rec) {
      const name = String(rec['$e']);
      const ctor = Object.hasOwn(BUILTIN_ERRORS, name) ? BUILTIN_ERRORS[name] : Error;
      return this.#instance(rec, (ctor ?? Error).prototype);
    }
    if ('$o' in rec) {
      const target: object = rec['$np'] === 1 ? Object.create(null) : {};
      return this.#fill(target, rec, (obj) => this.#assign(obj, rec['$o'], false));
    }
    return this.#fill({}, rec, (obj) => {
      const fields = { ...rec };
      delete fields['$id'];
      this.#assign(obj, fields, false);
    });
  }

  #ref(id: unknown): unknown {
    if (typeof id !== 'number' || !this.#refs.has(id)) throw new Error(`fromWire: dangling reference ${String(id)}`);
    return this.#refs.get(id);
  }

  #fill<T extends object>(target: T, rec: Rec, fill: (target: T) => void): T {
    const id = rec['$id'];
    if (id !== undefined) {
      if (typeof id !== 'number') throw new Error(`fromWire: bad $id ${String(id)}`);
      this.#refs.set(id, target);
    }
    fill(target);
    return target;
  }

  #list(items: unknown, decode = true): unknown[] {
    if (!Array.isArray(items)) throw new Error('fromWire: expected an array');
    return decode ? items.map((item) => this.decode(item)) : items;
  }

  #class(name: string): NonNullable<ReturnType<typeof wireClassByName>> {
    const cls = wireClassByName(name);
    if (cls === undefined) throw new Error(`fromWire: unknown class ${name}`);
    // No constructor runs for a decoded object: its class's accessors are installed here.
    installModelMembers(cls);
    return cls;
  }

  #instance(rec: Rec, proto: object, defaults: ClassDefaults = null): object {
    const target = Object.create(proto) as object;
    if (defaults === null) return this.#fill(target, rec, (obj) => this.#assign(obj, rec['f'], obj instanceof Error));
    return this.#fill(target, rec, (obj) => this.#assignWithDefaults(obj, rec['f'], defaults));
  }

  /**
   * The class's fields in constructor order — sent, or else their default (the encoder left it
   * out) — then any other sent field: the object has the fields, and the order, of the sender's.
   */
  #assignWithDefaults(target: object, fields: unknown, defaults: NonNullable<ClassDefaults>): void {
    if (typeof fields !== 'object' || fields === null) throw new Error('fromWire: expected fields');
    const sent = fields as Rec;
    for (const key of defaults.order) {
      if (Object.hasOwn(sent, key)) defineField(target, key, this.decode(sent[key]), false);
      else if (defaults.values.has(key)) defineField(target, key, defaults.values.get(key), false);
    }
    for (const key of Object.keys(sent)) {
      if (!defaults.known.has(key)) defineField(target, key, this.decode(sent[key]), false);
    }
  }

  #assign(target: object, fields: unknown, isError: boolean): void {
    if (typeof fields !== 'object' || fields === null) throw new Error('fromWire: expected fields');
    for (const [key, value] of Object.entries(fields)) {
      defineField(target, key, this.decode(value), isError && ERROR_HIDDEN_FIELDS.includes(key));
    }
  }
}
