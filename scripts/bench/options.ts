import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, type EngineName } from './engines.js';

export const SECTIONS = ['startup', 'perCall', 'scale', 'bulk', 'import', 'load', 'security'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** A size per engine: the embedded database is several times slower, so some runs are shorter there. */
export type PerEngine<T> = { readonly postgres: T; readonly pglite: T };

/** Sizes of every benchmark; `--quick` shrinks them so the whole run takes seconds. */
export interface BenchSizes {
  /** Measured start-up rounds (after one warm-up round). */
  readonly startupRuns: number;
  /** Calls timed per variant in the per-call benchmark (after warm-up). */
  readonly perCallCalls: number;
  /** Projects in the per-call benchmark's database. */
  readonly perCallProjects: number;
  /** Whether start-up runs one unmeasured warm-up round first. */
  readonly startupWarmup: boolean;
  /** Project counts of the scale steps, ascending (each step adds rows to the previous). */
  readonly scaleProjects: { readonly postgres: readonly number[]; readonly pglite: readonly number[] };
  readonly scaleUsers: PerEngine<number>;
  readonly scaleGroups: PerEngine<number>;
  /** Clients at once at the largest scale step, and calls each. */
  readonly scaleClients: PerEngine<number>;
  readonly scaleClientCalls: number;
  /** Timed repetitions of each scale query. */
  readonly scaleRepeats: PerEngine<number>;
  /** Users the bulk benchmark is about (the API and CLI numbers are given for this many). */
  readonly bulkTarget: number;
  /** Users created through the API in one process (extrapolated to bulkTarget when fewer). */
  readonly bulkApiUsers: PerEngine<number>;
  /** Users created through the API with a password (the KDF dominates; extrapolated). */
  readonly bulkApiPasswordUsers: PerEngine<number>;
  /** `omero user add` processes run (extrapolated). */
  readonly bulkCliProcesses: PerEngine<number>;
  /** Concurrent clients of the load benchmark, and the queries each makes. */
  readonly loadClients: PerEngine<number>;
  readonly loadQueries: number;
  /** Refused logins timed per name in the security timing benchmark. */
  readonly securityAttempts: number;
  /** Users `omero user import` makes from one CSV, and the groups they are spread over. */
  readonly importUsers: PerEngine<number>;
  readonly importGroups: number;
  /** Users imported with generated passwords (compared with as many hashes alone). */
  readonly importPasswordUsers: PerEngine<number>;
  /** `omero user add` processes run beside the import (extrapolated). */
  readonly importProcesses: PerEngine<number>;
}

const FULL: BenchSizes = {
  startupRuns: 11,
  startupWarmup: true,
  perCallCalls: 2000,
  perCallProjects: 5000,
  // PostgreSQL starts at 100k: with 250,000 memberships, fewer projects leave the measured member without any.
  scaleProjects: { postgres: [100_000, 1_000_000, 10_000_000], pglite: [10_000, 100_000, 1_000_000] },
  scaleUsers: { postgres: 100_000, pglite: 10_000 },
  scaleGroups: { postgres: 10_000, pglite: 1_000 },
  scaleClients: { postgres: 64, pglite: 16 },
  scaleClientCalls: 200,
  scaleRepeats: { postgres: 200, pglite: 100 },
  bulkTarget: 10_000,
  bulkApiUsers: { postgres: 10_000, pglite: 2_000 },
  bulkApiPasswordUsers: { postgres: 200, pglite: 50 },
  bulkCliProcesses: { postgres: 100, pglite: 25 },
  loadClients: { postgres: 64, pglite: 16 },
  loadQueries: 1000,
  securityAttempts: 40,
  importUsers: { postgres: 10_000, pglite: 10_000 },
  importGroups: 200,
  importPasswordUsers: { postgres: 256, pglite: 128 },
  importProcesses: { postgres: 30, pglite: 10 },
};

const QUICK: BenchSizes = {
  startupRuns: 1,
  startupWarmup: false,
  perCallCalls: 50,
  perCallProjects: 500,
  scaleProjects: { postgres: [200, 1_000], pglite: [200, 1_000] },
  scaleUsers: { postgres: 60, pglite: 60 },
  scaleGroups: { postgres: 12, pglite: 12 },
  scaleClients: { postgres: 3, pglite: 3 },
  scaleClientCalls: 5,
  scaleRepeats: { postgres: 5, pglite: 5 },
  bulkTarget: 20,
  bulkApiUsers: { postgres: 20, pglite: 20 },
  bulkApiPasswordUsers: { postgres: 3, pglite: 3 },
  bulkCliProcesses: { postgres: 2, pglite: 2 },
  loadClients: { postgres: 4, pglite: 2 },
  loadQueries: 10,
  securityAttempts: 4,
  importUsers: { postgres: 30, pglite: 30 },
  importGroups: 3,
  importPasswordUsers: { postgres: 3, pglite: 3 },
  importProcesses: { postgres: 2, pglite: 2 },
};

export interface BenchOptions {
  readonly quick: boolean;
  readonly out: string;
  readonly engines: readonly EngineName[];
  readonly sections: readonly SectionName[];
  readonly pgUrl: string;
  readonly sizes: BenchSizes;
  readonly argv: readonly string[];
}

export const USAGE = `npm run bench -- [options]

  --quick               every benchmark at tiny sizes (seconds; what test/bench runs)
  --out PATH            where to write the JSON results (default: bench-results.json in the repository root)
  --engines LIST        postgres,pglite (default: both; postgres is skipped when unreachable)
  --sections LIST       ${SECTIONS.join(',')} (default: all)
  --pg-url URL          PostgreSQL server to create bench databases on
                        (default: $OMERO_BENCH_DB_URL, $OMERO_TEST_DB_URL, or postgres://postgres@127.0.0.1:5432/postgres)
  --runs N              start-up rounds (default 11; quick 1)
  --scale-max N         largest scale step (default 10000000 on PostgreSQL, 1000000 on PGlite)
  -h, --help`;

export function parseOptions(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      engines: { type: 'string' },
      sections: { type: 'string' },
      'pg-url': { type: 'string' },
      runs: { type: 'string' },
      'scale-max': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) return null;
  const quick = Boolean(values.quick);
  let sizes = quick ? QUICK : FULL;
  if (values.runs) sizes = { ...sizes, startupRuns: positive(values.runs, '--runs') };
  if (values['scale-max']) {
    const max = positive(values['scale-max'], '--scale-max');
    sizes = { ...sizes, scaleProjects: { postgres: sizes.scaleProjects.postgres.filter((n) => n <= max), pglite: sizes.scaleProjects.pglite.filter((n) => n <= max) } };
  }
  const engines = list(values.engines ?? 'postgres,pglite', ['postgres', 'pglite'] as const, '--engines');
  const sections = list(values.sections ?? SECTIONS.join(','), SECTIONS, '--sections');
  const out = values.out;
  return {
    quick,
    out: out === undefined ? join(REPO_ROOT, 'bench-results.json') : isAbsolute(out) ? out : join(process.cwd(), out),
    engines,
    sections,
    pgUrl: values['pg-url'] ?? process.env.OMERO_BENCH_DB_URL ?? process.env.OMERO_TEST_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    sizes,
    argv,
  };
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name}: expected a positive integer, got ${v}`);
  return n;
}

function list<T extends string>(v: string, allowed: readonly T[], name: string): T[] {
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const i of items) if (!allowed.includes(i as T)) throw new Error(`${name}: unknown ${i} (allowed: ${allowed.join(', ')})`);
  return items as T[];
}

export { REPO_ROOT };
