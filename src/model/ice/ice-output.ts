/**
 * Indenting writer with IceUtil::Output's block rules (ice36 `cpp/src/IceUtil/OutputUtil.cpp`):
 * `nl()` writes a newline followed by the current indentation at once (so an empty line still carries
 * its indentation), `sb()` writes a newline, `{` and indents by 4, `eb()` dedents, writes a newline and `}`.
 */
export class IceOutput {
  #text = '';
  #indent = 0;

  /** Appends raw text. */
  write(text: string): void {
    this.#text += text;
  }

  /** Newline plus the current indentation. */
  nl(): void {
    this.#text += '\n' + ' '.repeat(this.#indent);
  }

  /** Starts a block: newline, `{`, indent by 4. */
  sb(): void {
    this.nl();
    this.#text += '{';
    this.#indent += 4;
  }

  /** Ends a block: dedent by 4, newline, `}`. */
  eb(): void {
    this.#indent -= 4;
    this.nl();
    this.#text += '}';
  }

  /** Everything written so far (no trailing newline). */
  toString(): string {
    return this.#text;
  }
}
