import { join } from 'node:path';
import { mustRun, timedRun, timeToPrompt, type TimedRun } from './processes.js';
import { openBenchEnvironment, OMERO_BIN, REPO_ROOT, ROOT_PASSWORD, type EngineName } from './engines.js';
import { mean, median, ratio, round } from './stats.js';

/** One measured command: its runs and medians. */
export interface StartupMeasure {
  readonly label: string;
  readonly command: string;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly medianWallMs: number;
  /**
   * Mean CPU time: the kernel reports it in 10 ms ticks, so one run's figure is off by up to a
   * tick either way; the mean averages that out, where a median would be one of a few tick values.
   */
  readonly meanCpuMs: number | null;
  /** Median wall time over the baseline's median wall time in the same run. */
  readonly ratio: number;
  /** Mean CPU time over the baseline's (less sensitive to other load on the machine). */
  readonly cpuRatio: number | null;
  /**
   * Runs on a pseudo-terminal, whose CPU time is taken at the prompt: the mean CPU time until the
   * process had ended after leaving, and its ratio to the baseline's.
   */
  readonly meanCpuToExitMs?: number;
  readonly cpuToExitRatio?: number;
  readonly target?: number;
}

export interface StartupEngineResult {
  readonly engine: EngineName;
  readonly runs: number;
  readonly cliCommand: string;
  readonly measures: readonly StartupMeasure[];
}

export interface StartupOptions {
  readonly runs: number;
  readonly warmup: boolean;
  readonly pgUrl: string;
  readonly log: (s: string) => void;
}

const PROMPT = /omero \S+@\S+> /;
/** `omero user list`'s requests, sent by a script with no omero code (bare-client.cjs). */
const BARE_CLIENT = join(REPO_ROOT, 'scripts', 'bench', 'bare-client.cjs');
const NODE_PROMPT = /> (\x1b\[[0-9;]*[A-Za-z])*$/;
const PYTHON_PROMPT = />>> (\x1b\[[0-9;]*[A-Za-z])*$/;

/**
 * Start-up (issue 6 §1): `omero user list` and `omero shell --login` up to its prompt, with a
 * stored session, against bare `node -e 0` — interleaved run by run so that the machine's load
 * affects them alike; medians; ratios against the baseline of the same run.
 */
export async function benchStartup(engine: EngineName, o: StartupOptions): Promise<StartupEngineResult> {
  const env = await openBenchEnvironment(engine, o.pgUrl, 'startup');
  try {
    await mustRun(process.execPath, [OMERO_BIN, 'login', '-s', 'localhost', '-u', 'root'], { ...env.env, OMERO_PASSWORD: ROOT_PASSWORD });
    // `omero user list` when the user plugin has it; before that, `omero login` (stored session) stood in.
    const probe = await timedRun(process.execPath, [OMERO_BIN, 'user', 'list'], env.env);
    const cliArgs = probe.status === 0 ? ['user', 'list'] : ['login'];
    if (probe.status !== 0) o.log(`  (omero user list failed, measuring omero login instead: ${probe.stderr.trim().split('\n').pop()})`);
    const node = process.execPath;
    // The same commands with the engine in their own process (no server): the previous release's
    // mode. PostgreSQL only: the embedded database is held by the running server.
    const inProcess = { ...env.env, OMERO_SERVER: 'in-process' };
    const inProcessPlans = engine === 'postgres';
    const plans: Array<{ label: string; command: string; run: () => Promise<TimedRun>; target?: number }> = [
      { label: 'node -e 0 (baseline)', command: 'node -e 0', run: () => mustRun(node, ['-e', '0'], env.env) },
      {
        label: `omero ${cliArgs.join(' ')} (running server)`,
        command: `node bin/omero.js ${cliArgs.join(' ')}`,
        run: () => mustRun(node, [OMERO_BIN, ...cliArgs], env.env),
        target: engine === 'postgres' ? 2 : 2.5,
      },
      {
        label: 'omero shell --login (running server, to prompt)',
        command: 'node bin/omero.js shell --login  [on a pty, until the prompt]',
        run: () => timeToPrompt(node, [OMERO_BIN, 'shell', '--login'], env.env, PROMPT, '.exit\r'),
        target: engine === 'postgres' ? 3 : undefined,
      },
      ...(inProcessPlans ? [{
        label: `omero ${cliArgs.join(' ')} (in-process engine)`,
        command: `OMERO_SERVER=in-process node bin/omero.js ${cliArgs.join(' ')}`,
        run: () => mustRun(node, [OMERO_BIN, ...cliArgs], inProcess),
      },
      {
        label: 'omero shell --login (in-process engine, to prompt)',
        command: 'OMERO_SERVER=in-process node bin/omero.js shell --login  [on a pty]',
        run: () => timeToPrompt(node, [OMERO_BIN, 'shell', '--login'], inProcess, PROMPT, '.exit\r'),
      }] : []),
      {
        // Issue 12: CPython on WebAssembly (Pyodide) loads in a worker while the login runs.
        label: 'omero shell --login --python (to prompt)',
        command: 'node bin/omero.js shell --login --python  [on a pty, until the prompt]',
        run: () => timeToPrompt(node, [OMERO_BIN, 'shell', '--login', '--python'], env.env, PYTHON_PROMPT, 'exit()\r'),
      },
      ...(cliArgs[0] === 'user'
        ? [{
            // The floor under `omero user list`: its requests from a script with no omero code.
            label: 'the same requests from a bare Node client (context)',
            command: 'node scripts/bench/bare-client.cjs',
            run: () => mustRun(node, [BARE_CLIENT], env.env),
          }]
        : []),
      {
        // What no omero code can go below: the process (and the engine's thread) load these.
        label: 'node loading knex + pg only (context)',
        command: `node -e "require('knex'); require('pg')"`,
        run: () => mustRun(node, ['-e', "require('knex'); require('pg')"], env.env, undefined, REPO_ROOT),
      },
      {
        label: 'node REPL (to prompt, context)',
        command: 'node  [on a pty, until the prompt]',
        run: () => timeToPrompt(node, [], env.env, NODE_PROMPT, '.exit\r'),
      },
    ];
    const samples = plans.map(() => ({ wall: [] as number[], cpu: [] as number[], cpuToExit: [] as number[] }));
    // One warm-up round (page cache, PostgreSQL's caches), then the measured rounds.
    if (o.warmup) for (const p of plans) await p.run();
    for (let i = 0; i < o.runs; i++) {
      for (const [k, p] of plans.entries()) {
        const r = await p.run();
        samples[k]!.wall.push(r.wallMs);
        if (r.cpuMs !== null) samples[k]!.cpu.push(r.cpuMs);
        if (r.cpuToExitMs !== undefined && r.cpuToExitMs !== null) samples[k]!.cpuToExit.push(r.cpuToExitMs);
      }
    }
    const baseWall = median(samples[0]!.wall);
    const baseCpu = samples[0]!.cpu.length ? mean(samples[0]!.cpu) : Number.NaN;
    const measures = plans.map((p, k): StartupMeasure => {
      const s = samples[k]!;
      const meanCpu = s.cpu.length ? mean(s.cpu) : null;
      return {
        label: p.label,
        command: p.command,
        wallMs: s.wall.map(round),
        cpuMs: s.cpu.map(round),
        medianWallMs: round(median(s.wall)),
        meanCpuMs: meanCpu === null ? null : round(meanCpu),
        ratio: ratio(median(s.wall), baseWall),
        cpuRatio: meanCpu === null ? null : ratio(meanCpu, baseCpu),
        ...(s.cpuToExit.length ? { meanCpuToExitMs: round(mean(s.cpuToExit)), cpuToExitRatio: ratio(mean(s.cpuToExit), baseCpu) } : {}),
        ...(p.target !== undefined ? { target: p.target } : {}),
      };
    });
    return { engine, runs: o.runs, cliCommand: `omero ${cliArgs.join(' ')}`, measures };
  } finally {
    await env.close();
  }
}
