/** A writable the CLI prints to (process.stdout/stderr or a test buffer). */
export type OutStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/**
 * The CLI's streams and environment, injected so that commands can be run in-process by tests.
 * Results go to stdout; banners, warnings and errors to stderr.
 */
export interface CliIO {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** The name the program was called by (for messages such as `omero ldap setdn …`). */
  readonly argv0: string;
}

/**
 * The process's streams. stdin is looked up when a command first reads it: Node makes
 * `process.stdin` on first access (a file or pipe stream loads Node's fs streams), about 2 ms of
 * every command that never reads it.
 */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    argv0: 'omero',
  };
}

/** `io` with another environment (stdin still looked up when first read). */
export function withEnv(io: CliIO, env: NodeJS.ProcessEnv): CliIO {
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    get stdin() {
      return io.stdin;
    },
    env,
    argv0: io.argv0,
  };
}

/** Prints one line to stdout. */
export function out(io: CliIO, line = ''): void {
  io.stdout.write(`${line}\n`);
}

/** Prints one line to stderr. */
export function err(io: CliIO, line = ''): void {
  io.stderr.write(`${line}\n`);
}
