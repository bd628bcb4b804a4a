/**
 * Messages between the shell's main thread (terminal, connection) and the Python worker.
 * The worker answers every {@link HostMessage} with exactly one `reply`, in order.
 */
export type HostMessage =
  /** Preload `client`, `session`, the services, for the session with this key (null: no login). */
  | { readonly t: 'login'; readonly key: string | null }
  /** One line typed at the prompt; the reply says whether the statement needs more lines. */
  | { readonly t: 'push'; readonly line: string }
  /** Forget the lines typed so far (Ctrl-C at the prompt). */
  | { readonly t: 'reset' }
  /** A whole script: each top-level statement runs in turn, failures counted. */
  | { readonly t: 'script'; readonly source: string; readonly filename: string }
  /** Completions of the end of a line (Tab). */
  | { readonly t: 'complete'; readonly line: string };

/** What the worker sends to the main thread. */
export type WorkerMessage =
  | { readonly t: 'ready' }
  | { readonly t: 'failed'; readonly message: string }
  | { readonly t: 'out'; readonly fd: 1 | 2; readonly text: string }
  | { readonly t: 'reply'; readonly value: Reply };

/** A reply to a {@link HostMessage}. `exit` is set when Python asked to leave (exit(), SystemExit). */
export interface Reply {
  readonly more?: boolean;
  readonly failures?: number;
  readonly completions?: readonly string[];
  /** The part of the line the completions replace. */
  readonly token?: string;
  readonly exit?: number;
}
