import { accessSync, closeSync, constants, existsSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pyCsvRow } from '../output/index.js';
import { CliError } from '../cli-error.js';

/** A new random password: 18 bytes from the CSPRNG, 24 characters of base64url. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The file `--generate-passwords FILE` writes: created new (never overwriting), mode 0600 from
 * the start, `login,password` lines for the users the import created — and only once the server
 * has answered that it created them; no file when nobody was created.
 */
export class PasswordFile {
  readonly #path: string;
  #fd: number | null = null;

  /** Refuses at once a path that exists; the file itself is made with the first password. */
  constructor(path: string) {
    if (existsSync(path)) throw new CliError(1, `${path} exists: --generate-passwords writes a new file`);
    // Checked before any user is created: a password that cannot be written is a lost password.
    try {
      accessSync(dirname(resolve(path)), constants.W_OK);
    } catch (e) {
      throw new CliError(1, `cannot create ${path}: ${(e as NodeJS.ErrnoException).code}`);
    }
    this.#path = path;
  }

  add(login: string, password: string): void {
    if (this.#fd === null) {
      try {
        this.#fd = openSync(this.#path, 'wx', 0o600);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new CliError(1, code === 'EEXIST' ? `${this.#path} exists: --generate-passwords writes a new file` : `cannot create ${this.#path}: ${code}`);
      }
      writeSync(this.#fd, 'login,password\n');
    }
    writeSync(this.#fd, `${pyCsvRow([login, password])}\n`);
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}
