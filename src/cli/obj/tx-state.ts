import { CliError } from '../cli-error.js';
import { out, type CliIO } from '../cli-io.js';

/**
 * The results of one `omero obj` run (omero-py `TxState`): each command's printed value, by
 * position (`@=0` is the first command's) and by variable (`@=foo`). A command registers
 * itself before it reads its field arguments, so `@=<its own index>` reads null.
 */
export class TxState {
  readonly #io: CliIO;
  readonly #results: (string | null)[] = [];
  readonly #vars = new Map<string, string | null>();

  constructor(io: CliIO) {
    this.#io = io;
  }

  /** Registers the next command; its result is null until {@link setValue}. */
  add(): number {
    this.#results.push(null);
    return this.#results.length;
  }

  /**
   * Prints the current command's result (`"%s" % value`: null prints `None`) and records it,
   * also under `dest` when the line named a variable.
   */
  setValue(value: string | null, dest: string | null): void {
    out(this.#io, value ?? 'None');
    this.#results[this.#results.length - 1] = value;
    if (dest) this.#vars.set(dest, value);
  }

  /** `@=N`: the result of the N-th command of this run (0-based); rc 1 when there is none. */
  row(index: number): string | null {
    if (index >= this.#results.length) throw new CliError(1, `Invalid reference: @=${index} (this run has ${this.#results.length} command(s) so far)`);
    return this.#results[index] ?? null;
  }

  /** `@=name`: the value stored by `name = …`; rc 1 when no line set it. */
  variable(name: string): string | null {
    if (!this.#vars.has(name)) throw new CliError(1, `Invalid reference: @=${name} (no variable named '${name}')`);
    return this.#vars.get(name) ?? null;
  }

  /** How many commands have run (or started). */
  get length(): number {
    return this.#results.length;
  }
}
