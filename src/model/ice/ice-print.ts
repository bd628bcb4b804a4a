/**
 * `iceStringify`: the text IcePy 3.6 prints for Ice values (`print(x)`, `repr(x)`, the IPython echo),
 * reproduced byte for byte (reference omero-api.md §5.1–5.3).
 *
 * - class: `object #N (<type id>)` then a block of `name = value` members; `None` → `<nil>`;
 *   an object already printed in this call → `<object #N>` (numbering is pre-order across the call).
 * - sequence: block of `[i] = value`; `None` → `{}` inline; empty → `{` and `}` lines.
 * - dictionary: block of `key = …` / `value = …` with an indentation-only line between entries.
 * - exception: `exception <type id>` then the member block.
 * - primitives: Python `str()` (`True`/`False`, ints, Python float repr, raw strings).
 *
 * Values that are not Ice-printable (arrays, plain objects, strings…) print as Python `repr()` would,
 * each Ice element numbered from `#0` on its own.
 *
 * @example
 * iceStringify(rstring('x'))
 * // object #0 (::omero::RString)
 * // {
 * //     _val = x
 * // }
 */
import { IceOutput } from './ice-output.js';
import { pythonFloat } from './py-format.js';
import { pyRepr } from './py-repr.js';
import {
  ICE_DESCRIBE,
  isIceDescribable,
  type IceDescribable,
  type IceDescribeOptions,
  type IceMember,
  type IceValue,
} from './ice-value.js';

/** Options for {@link iceStringify}. */
export interface IcePrintOptions {
  /**
   * Print the OMERO 4.4/5.0 text of seed 002 / Permissions.rst: EventContext without `sudoerId`,
   * `sudoerName`, `adminPrivileges` and Permissions without `_extendedRestrictions`. Default: the
   * process-wide layout of {@link setDefaultIceLayout} (`false` unless a shell chose the seed's).
   */
  readonly legacy?: boolean;
}

let defaultLegacy = false;

/**
 * Sets the layout used when a caller does not choose one: `String(ec)`, `console.log(ec)` and the
 * shell's `print(ec)` then agree (the shell's `--format seed` / `.format current`).
 */
export function setDefaultIceLayout(layout: 'seed' | 'current'): void {
  defaultLegacy = layout === 'seed';
}

/** Prints `value` the way Python's Ice 3.6 binding prints it. Never adds a trailing newline. */
export function iceStringify(value: unknown, options: IcePrintOptions = {}): string {
  const describeOptions: IceDescribeOptions = { legacy: options.legacy ?? defaultLegacy };
  const printOne = (item: unknown): string | undefined =>
    isIceDescribable(item) ? printTop(item, describeOptions) : undefined;
  return printOne(value) ?? pyRepr(value, printOne);
}

function printTop(value: IceDescribable, options: IceDescribeOptions): string {
  const printer = new Printer(options);
  const description = value[ICE_DESCRIBE](options);
  if (description.exception === true) {
    printer.out.write(`exception ${description.typeId}`);
    printer.block(description.members);
  } else {
    printer.object(value);
  }
  return printer.out.toString();
}

class Printer {
  readonly out = new IceOutput();
  readonly #history = new Map<object, number>();
  readonly #options: IceDescribeOptions;

  constructor(options: IceDescribeOptions) {
    this.#options = options;
  }

  block(members: readonly IceMember[]): void {
    this.out.sb();
    for (const [name, value] of members) {
      this.out.nl();
      this.out.write(`${name} = `);
      this.value(value);
    }
    this.out.eb();
  }

  object(value: unknown, expected?: string): void {
    if (value === null || value === undefined) {
      this.out.write('<nil>');
      return;
    }
    if (!isIceDescribable(value)) {
      this.out.write(`<invalid value - expected ${expected ?? '::Ice::Object'}>`);
      return;
    }
    const seen = this.#history.get(value);
    if (seen !== undefined) {
      this.out.write(`<object #${seen}>`);
      return;
    }
    const index = this.#history.size;
    this.#history.set(value, index);
    const description = value[ICE_DESCRIBE](this.#options);
    this.out.write(`object #${index} (${description.typeId})`);
    this.block(description.members);
  }

  value(value: IceValue): void {
    switch (value.k) {
      case 'object':
        this.object(value.v, value.expected);
        return;
      case 'seq':
        this.sequence(value.v, value.invalid === true);
        return;
      case 'dict':
        this.dictionary(value.v, value.invalid === true);
        return;
      case 'proxy':
        this.out.write(value.v === null || value.v === undefined ? '<nil>' : String(value.v));
        return;
      default:
        this.out.write(primitive(value.k, value.v));
    }
  }

  sequence(items: readonly IceValue[] | null, invalid: boolean): void {
    if (invalid) {
      this.out.write('<invalid value - expected sequence>');
      return;
    }
    if (items === null) {
      this.out.write('{}');
      return;
    }
    this.out.sb();
    items.forEach((item, index) => {
      this.out.nl();
      this.out.write(`[${index}] = `);
      this.value(item);
    });
    this.out.eb();
  }

  dictionary(entries: ReadonlyArray<readonly [IceValue, IceValue]> | null, invalid: boolean): void {
    if (invalid) {
      this.out.write('<invalid value - expected dictionary>');
      return;
    }
    if (entries === null) {
      this.out.write('{}');
      return;
    }
    this.out.sb();
    entries.forEach(([key, item], index) => {
      if (index > 0) this.out.nl();
      this.out.nl();
      this.out.write('key = ');
      this.value(key);
      this.out.nl();
      this.out.write('value = ');
      this.value(item);
    });
    this.out.eb();
  }
}

function primitive(kind: 'string' | 'bool' | 'long' | 'double' | 'enum', value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    return kind === 'double' || !Number.isInteger(value) ? pythonFloat(value) : String(value);
  }
  return String(value);
}
