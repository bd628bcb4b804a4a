import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { since } from './stats.js';

/** One timed run of a child process. */
export interface TimedRun {
  /** Wall time from spawn to exit (or to the awaited output), ms. */
  readonly wallMs: number;
  /**
   * User + system CPU time of the child and its descendants, ms (null where /proc is missing);
   * for a run on a pseudo-terminal (`timeToPrompt`), up to the prompt, all its threads.
   */
  readonly cpuMs: number | null;
  /** On a pseudo-terminal: the CPU time until the process had ended after `quit`, as `cpuMs` is for other runs. */
  readonly cpuToExitMs?: number | null;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let ticksPerSecond: number | undefined;

/**
 * CPU time used so far by this process's waited-for children (`cutime + cstime` of
 * /proc/self/stat), in ms; null off Linux. The benchmarks run one child at a time, so the
 * difference around a run is that run's CPU time (10 ms resolution).
 */
export function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * CPU time a running process has used so far, all its live threads, in ms from the nanoseconds
 * of `/proc/<pid>/task/<tid>/schedstat` (a thread that has already ended is not counted); null
 * off Linux or once the process is gone.
 */
export function processCpuMs(pid: number): number | null {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return null;
  }
}

/** Runs `file args…` to completion with exactly `env`, timing it. */
export function timedRun(file: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string, cwd?: string): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const child = spawn(file, [...args], { env, stdio: ['pipe', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (status) => {
      const wallMs = since(t0);
      // 'close' follows once the pipes are drained; the CPU counters are final after 'exit'.
      child.on('close', () => {
        const cpu1 = childrenCpuMs();
        resolve({ wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, status, stdout, stderr });
      });
    });
    child.stdin.end(input ?? '');
  });
}

/** Runs a command and throws with its output unless it exits 0. */
export async function mustRun(file: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string, cwd?: string): Promise<TimedRun> {
  const r = await timedRun(file, args, env, input, cwd);
  if (r.status !== 0) {
    throw new Error(`${[file, ...args].join(' ')} exited ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r;
}

/**
 * Starts `file args…` on a pseudo-terminal and measures the time until its output matches
 * `ready` (the prompt), and the CPU time used by then; then sends `quit` and waits for the exit,
 * which is not timed (its CPU time is reported apart: a REPL's exit took 10–11 ms of CPU here,
 * Node's own as much as the shell's).
 */
export async function timeToPrompt(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  quit: string,
  timeoutMs = 60_000,
): Promise<TimedRun> {
  const pty = await import('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const term = pty.spawn(file, [...args], { cols: 200, rows: 30, env: env as Record<string, string> });
    let seen = '';
    let wallMs: number | null = null;
    let cpuAtPrompt: number | null = null;
    const timer = setTimeout(() => {
      term.kill();
      reject(new Error(`no prompt after ${timeoutMs} ms: ${JSON.stringify(seen.slice(-1000))}`));
    }, timeoutMs);
    term.onData((d) => {
      seen += d;
      if (wallMs === null && ready.test(seen)) {
        wallMs = since(t0);
        cpuAtPrompt = processCpuMs(term.pid);
        term.write(quit);
      }
    });
    term.onExit((e) => {
      clearTimeout(timer);
      // node-pty reaps the child on its own thread; give the counters a moment to settle.
      setTimeout(() => {
        const cpu1 = childrenCpuMs();
        if (wallMs === null) {
          reject(new Error(`exited ${e.exitCode} before the prompt: ${JSON.stringify(seen.slice(-1000))}`));
          return;
        }
        const cpuToExitMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
        resolve({ wallMs, cpuMs: cpuAtPrompt, cpuToExitMs, status: e.exitCode, stdout: seen, stderr: '' });
      }, 20);
    });
  });
}
