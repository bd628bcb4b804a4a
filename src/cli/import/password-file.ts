import { closeSync, openSync, writeSync } from 'node:fs';
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
 * has answered that it created them.
 */
export class PasswordFile {
  readonly #fd: number;

  constructor(path: string) {
    try {
      this.#fd = openSync(path, 'wx', 0o600);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(1, code === 'EEXIST' ? `${path} exists: --generate-passwords writes a new file` : `cannot create ${path}: ${(e as Error).message}`);
    }
    writeSync(this.#fd, 'login,password\n');
  }

  add(login: string, password: string): void {
    writeSync(this.#fd, `${pyCsvRow([login, password])}\n`);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
