import { ApiUsageException } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err, type CliIO } from '../cli-io.js';

/** A user or a group found from a command-line argument: its id and the loaded object. */
export interface Found<T> {
  readonly id: number;
  readonly object: T;
}

/** What the three argument forms of a selection parsed (reference cli §1.1). */
export interface Selection {
  /** Positional IDs or names. */
  readonly idsOrNames: readonly string[];
  /** `--user-id` / `--group-id` values. */
  readonly ids: readonly string[];
  /** `--user-name` / `--group-name` values. */
  readonly names: readonly string[];
}

/** How to look up one kind of entity, and OMERO's messages and codes for it (§1.2). */
export interface EntityKind<T> {
  /** The server lookup by id; throws ApiUsageException when there is none. */
  getById(id: number): Promise<T>;
  /** The server lookup by name; throws ApiUsageException when there is none. */
  getByName(name: string): Promise<T>;
  /** The id of a loaded object. */
  idOf(object: T): number;
  /** `No input user is specified` (511) / `No input group is specified` (501). */
  readonly noInput: readonly [number, string];
  /** `Not a valid user ID: %s` (512) / `Not a valid group ID: %s` (502). */
  readonly invalidId: readonly [number, string];
  /** `Unknown user: %s` (513) / `Unknown group: %s` (503). */
  readonly unknown: readonly [number, string];
  /** `No user found` (514) / `No group found` (504). */
  readonly noneFound: readonly [number, string];
  /** `Ambiguous user identifier: %s` (515) / `Ambiguous group identifier: %s` (505). */
  readonly ambiguous: readonly [number, string];
}

/** Python's `long(s)`: an optionally signed decimal integer, blanks around it allowed. */
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * Finds users or groups from command-line arguments with OMERO's `UserGroupControl` semantics
 * (omero-py `src/omero/cli.py`, reference cli §1.2). A fatal failure throws a CliError with
 * OMERO's rc and message; a non-fatal one prints the message on stderr and returns null.
 */
export class EntityFinder<T> {
  readonly #kind: EntityKind<T>;
  readonly #io: CliIO;

  constructor(kind: EntityKind<T>, io: CliIO) {
    this.#kind = kind;
    this.#io = io;
  }

  /** By id: non-integer → invalid id (512/502); not found → unknown (513/503, the parsed integer). */
  async byId(arg: string | number, fatal: boolean): Promise<Found<T> | null> {
    const text = String(arg);
    if (!PY_INT.test(text)) return this.#fail(this.#kind.invalidId, text, fatal);
    const parsed = BigInt(text.trim().replace(/_/g, ''));
    const id = Number(parsed);
    if (!Number.isSafeInteger(id)) return this.#fail(this.#kind.unknown, String(parsed), fatal);
    const object = await this.#lookup(() => this.#kind.getById(id));
    return object === null ? this.#fail(this.#kind.unknown, String(parsed), fatal) : { id: this.#kind.idOf(object), object };
  }

  /** By name: not found → unknown (513/503). */
  async byName(name: string, fatal: boolean): Promise<Found<T> | null> {
    const object = await this.#lookup(() => this.#kind.getByName(name));
    return object === null ? this.#fail(this.#kind.unknown, name, fatal) : { id: this.#kind.idOf(object), object };
  }

  /**
   * By name and, when the argument is an integer, by id: two different objects → ambiguous
   * (515/505); neither → unknown (513/503).
   */
  async byIdOrName(arg: string, fatal: boolean): Promise<Found<T> | null> {
    const id = PY_INT.test(arg) ? Number(BigInt(arg.trim().replace(/_/g, ''))) : Number.NaN;
    // The two lookups go out together.
    const [byName, byId] = await Promise.all([
      this.#lookup(() => this.#kind.getByName(arg)),
      Number.isSafeInteger(id) ? this.#lookup(() => this.#kind.getById(id)) : null,
    ]);
    if (byName !== null && byId !== null && this.#kind.idOf(byName) !== this.#kind.idOf(byId)) {
      return this.#fail(this.#kind.ambiguous, arg, fatal);
    }
    const object = byName ?? byId;
    return object === null ? this.#fail(this.#kind.unknown, arg, fatal) : { id: this.#kind.idOf(object), object };
  }

  /**
   * OMERO's `list_users` / `list_groups`: resolves positional arguments, then ids, then names,
   * each failure printed and skipped. Nothing given and no context allowed → 511/501; something
   * given but nothing found → 514/504; nothing given with context allowed → the context entity
   * (`contextId`: the caller or the caller's current group).
   */
  list(selection: Selection, useContext: false): Promise<Found<T>[]>;
  list(selection: Selection, useContext: true, contextId: () => Promise<number>): Promise<Found<T>[]>;
  async list(selection: Selection, useContext: boolean, contextId?: () => Promise<number>): Promise<Found<T>[]> {
    const given = selection.idsOrNames.length > 0 || selection.ids.length > 0 || selection.names.length > 0;
    if (!useContext && !given) this.#fail(this.#kind.noInput, '', true);
    const found: Found<T>[] = [];
    const keep = (f: Found<T> | null): void => {
      if (f !== null) found.push(f);
    };
    // One after another: each failure is printed in the order of the arguments.
    for (const arg of selection.idsOrNames) keep(await this.byIdOrName(arg, false));
    for (const arg of selection.ids) keep(await this.byId(arg, false));
    for (const arg of selection.names) keep(await this.byName(arg, false));
    if (found.length === 0) {
      if (!useContext || given) this.#fail(this.#kind.noneFound, '', true);
      keep(await this.byId(await contextId!(), false));
    }
    return found;
  }

  async #lookup(get: () => Promise<T>): Promise<T | null> {
    try {
      return await get();
    } catch (e) {
      if (e instanceof ApiUsageException) return null;
      throw e;
    }
  }

  #fail(error: readonly [number, string], value: string, fatal: boolean): null {
    const message = error[1].replace('%s', value);
    if (fatal) throw new CliError(error[0], message);
    err(this.#io, message);
    return null;
  }
}
