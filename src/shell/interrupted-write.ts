/** The parts of Node's Writable bookkeeping that a cut write leaves behind (undocumented). */
interface WritableInternals {
  readonly _writableState?: { readonly writing?: boolean; readonly onwrite?: (error: Error | null) => void };
  readonly _handle?: { readonly writeQueueSize?: number } | null;
  readonly fd?: unknown;
}

/**
 * Ctrl-C stops a statement with V8's TerminateExecution, which lands wherever the statement is,
 * also inside Node's own `write` of the terminal stream (`print`, `console.log`): the rest of that
 * call is skipped, so the stream stays marked as writing, never cleared, and buffers every later
 * write for ever. The shell then seems to hang: no KeyboardInterrupt, no prompt, Ctrl-C ignored
 * (Node's own REPL does the same, 8 times in 10 after `while (true) console.log('x')`). Under CPU
 * load even `print('looping'); while (true) {}` is cut there, just after the text reached the
 * terminal.
 *
 * Finishes such a write (its text was written or is lost; the writes queued behind it then go out)
 * and returns true. Only streams whose writes end within the call that makes them are touched — a
 * terminal, a pipe or socket with nothing queued in libuv, a file — and only once pending write
 * callbacks have had their turn (see `settled`), so a write really in progress is never taken for
 * a cut one. Anything else, or a Node whose internals differ, is left alone (returns false).
 */
export function finishInterruptedWrite(stream: unknown): boolean {
  const s = stream as WritableInternals | null;
  const state = s?._writableState;
  if (!state?.writing || typeof state.onwrite !== 'function') return false;
  const handle = s!._handle;
  const synchronous = handle ? handle.writeQueueSize === 0 : typeof s!.fd === 'number';
  if (!synchronous) return false;
  state.onwrite(null);
  return true;
}

/**
 * Resolves after two turns of the event loop: a write that libuv finished calls back in the next
 * turn's pending phase, before the second turn's immediates.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
