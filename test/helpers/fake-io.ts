import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/cli-io.js';

/** In-process streams for `main` and commander trees: what was written to stdout and stderr so far. */
export interface FakeIO {
  readonly io: CliIO;
  stdout(): string;
  stderr(): string;
}

/** Empty standard input, no keyring, and `env` on top. */
export function fakeIO(env: NodeJS.ProcessEnv = {}): FakeIO {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d: Buffer) => (o += d.toString()));
  err.on('data', (d: Buffer) => (e += d.toString()));
  const io: CliIO = { stdout: out, stderr: err, stdin: Readable.from([]), env: { OMERO_KEYRING: '0', ...env }, argv0: 'omero' };
  return { io, stdout: () => o, stderr: () => e };
}
