/**
 * A command may say that, once `main` resolves, nothing of its process is left to finish: the
 * interactive shell, whose REPL, terminal and connection thread a normal exit takes apart one by
 * one (3–4 ms of CPU, scripts/bench/HISTORY.md 0.4.5). The launcher then writes the code cache and
 * ends the process with `process.exit`, which still restores the terminal and runs `exit` handlers.
 * Only for a command whose every write was synchronous or awaited before `main` resolved.
 */
let atOnce = false;

/** Called by a command when it is done and nothing it started is still running. */
export function exitAtOnceWhenDone(): void {
  atOnce = true;
}

/** Whether the command that ran asked to end the process at once (read by the launcher). */
export function exitsAtOnce(): boolean {
  return atOnce;
}
