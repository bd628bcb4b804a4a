/**
 * `npm run bench` (issue 6): start-up, per-call cost, scale and bulk benchmarks of omero-shell on
 * PostgreSQL and on the embedded PGlite database. Prints tables and writes every number as JSON
 * (`bench-results.json` in the repository root, or `--out PATH`). `--quick` runs everything at
 * tiny sizes in seconds (test/bench/bench-quick.test.ts). See scripts/bench/README.md.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dropTemplates, ensureBuilt, postgresAvailable, type EngineName } from './engines.js';
import { parseOptions, USAGE, type BenchOptions, type SectionName } from './options.js';
import { renderTable, type Table } from './report.js';
import { SECTION_RUNNERS } from './sections.js';

const log = (s: string) => void process.stderr.write(`${s}\n`);

async function main(): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    log(`bench: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  const pgVersion = options.engines.includes('postgres') ? await postgresAvailable(options.pgUrl) : null;
  const engines = options.engines.filter((e) => e !== 'postgres' || pgVersion !== null);
  const skipped: Partial<Record<EngineName, string>> = {};
  if (options.engines.includes('postgres') && pgVersion === null) {
    skipped.postgres = `no PostgreSQL server answered at ${redact(options.pgUrl)} (set --pg-url or OMERO_BENCH_DB_URL)`;
    log(`bench: ${skipped.postgres}; PostgreSQL benchmarks are skipped`);
  }
  if (options.sections.some((s) => s === 'startup' || s === 'bulk' || s === 'import')) await ensureBuilt(log);

  const results: Record<string, unknown> = {
    meta: {
      tool: 'omero-shell scripts/bench',
      mode: options.quick ? 'quick' : 'full',
      argv: options.argv,
      startedAt: new Date(started).toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? null,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
      postgres: pgVersion,
      engines,
      skippedEngines: skipped,
      sizes: options.sizes,
    },
  };
  const tables: Table[] = [];
  let failures = 0;
  for (const section of options.sections) {
    const runner = SECTION_RUNNERS[section];
    const perEngine: Record<string, unknown> = {};
    for (const engine of engines) {
      log(`bench: ${section} on ${engine}…`);
      const t0 = performance.now();
      try {
        const r = await runner.run(engine, { ...options, log });
        perEngine[engine] = r;
        tables.push(...runner.tables(engine, r));
        log(`bench: ${section} on ${engine} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        failures++;
        const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
        perEngine[engine] = { error: message };
        log(`bench: ${section} on ${engine} FAILED: ${message}`);
      }
    }
    for (const [engine, why] of Object.entries(skipped)) perEngine[engine] = { skipped: why };
    results[section satisfies SectionName] = { description: runner.description, target: runner.target, engines: perEngine };
  }
  await dropTemplates();
  (results.meta as Record<string, unknown>).finishedAt = new Date().toISOString();
  (results.meta as Record<string, unknown>).durationSeconds = Math.round((Date.now() - started) / 100) / 10;
  (results.meta as Record<string, unknown>).loadAverageAtEnd = loadavg().map((v) => Math.round(v * 100) / 100);

  for (const t of tables) process.stdout.write(`${renderTable(t)}\n`);
  const tmp = `${options.out}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(tmp, options.out);
  process.stdout.write(`\nResults written to ${options.out} (${(results.meta as { durationSeconds: number }).durationSeconds} s)\n`);
  return failures > 0 ? 1 : 0;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

process.exitCode = await main();
// Worker threads and pools of the benchmarks are closed; anything left must not keep us alive.
setTimeout(() => process.exit(), 1000).unref();
