/** Reading user input failed; `rc` is OMERO's logical return code (process status = rc % 256). */
export class InputError extends Error {
  readonly rc: number;

  constructor(message: string, rc: number) {
    super(message);
    this.name = 'InputError';
    this.rc = rc;
  }
}

/**
 * A prompt was needed but there is no terminal to ask on (reference cli §9.2 step 5, rc 564):
 * `stdin is not a terminal: cannot request password`. Prompts are written to stderr, so stderr
 * must be a terminal too (`stderr is not a terminal: …`; OMERO, which prompts on stdout, checks
 * stdout).
 */
export class NotATerminalError extends InputError {
  /** Which stream is not a terminal. */
  readonly stream: 'stdin' | 'stderr';
  /** What was to be asked: `password`, `server`, `username`, … */
  readonly what: string;

  constructor(stream: 'stdin' | 'stderr', what: string) {
    super(`${stream} is not a terminal: cannot request ${what}`, 564);
    this.name = 'NotATerminalError';
    this.stream = stream;
    this.what = what;
  }
}

/** The user pressed Ctrl-C or Ctrl-D at a prompt: OMERO prints `Cancelled` and returns 1. */
export class InputCancelledError extends InputError {
  constructor() {
    super('Cancelled', 1);
    this.name = 'InputCancelledError';
  }
}
