import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

/**
 * `npm run bench -- --quick` (issue 6): every benchmark at tiny sizes. Timings depend on the
 * machine, so nothing is asserted about them: only that the run completes and writes well-formed
 * JSON with every section, each engine either measured or skipped with a reason.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTIONS = ['startup', 'perCall', 'scale', 'bulk', 'import', 'load', 'security'] as const;

describe('npm run bench -- --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omero-bench-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every benchmark at tiny sizes and writes well-formed JSON with every section', { timeout: 900_000 }, async () => {
    const out = join(dir, 'results.json');
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'index.ts'), '--quick', '--out', out], {
        cwd: ROOT,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    assert.equal(run.status, 0, `bench exited ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
    const results = JSON.parse(readFileSync(out, 'utf8')) as Record<string, { engines?: Record<string, Record<string, unknown>> } & Record<string, unknown>>;
    assert.equal((results.meta as { mode?: string }).mode, 'quick');
    const engines = (results.meta as { engines?: string[] }).engines ?? [];
    assert.ok(engines.includes('pglite'), 'the embedded engine is always measured');
    for (const section of SECTIONS) {
      const s = results[section];
      assert.ok(s && typeof s === 'object', `section ${section} is missing`);
      assert.ok(typeof s.description === 'string' && typeof s.target === 'string', `section ${section} describes itself`);
      for (const engine of ['postgres', 'pglite']) {
        const r = s.engines?.[engine];
        assert.ok(r, `section ${section} has no entry for ${engine}`);
        assert.equal(r.error, undefined, `section ${section} failed on ${engine}: ${String(r.error)}`);
        if (!engines.includes(engine)) {
          assert.equal(typeof r.skipped, 'string', `section ${section} says why ${engine} was skipped`);
          continue;
        }
        assert.equal(r.engine, engine);
      }
    }
    const startup = results.startup!.engines!.pglite as { measures: Array<{ label: string; medianWallMs: number; ratio: number }> };
    assert.ok(startup.measures.length >= 3 && startup.measures.every((m) => m.medianWallMs > 0 && Number.isFinite(m.ratio)));
    // The floor under `omero user list` (bare-client.cjs) ran against the same server.
    assert.ok(startup.measures.some((m) => /bare Node client/.test(m.label)), startup.measures.map((m) => m.label).join('; '));
    const perCall = results.perCall!.engines!.pglite as { variants: Array<{ summary: { median: number } }>; statementsPerCall: number };
    // Knex, the server in process, the blocking client, its ping, the same two through a server
    // process, and (embedded only) Knex as knex-pglite publishes it.
    assert.ok(perCall.variants.length === 7 && perCall.variants.every((v) => v.summary.median > 0) && perCall.statementsPerCall > 0);
    const scale = results.scale!.engines!.pglite as { steps: Array<{ projects: number; queries: Array<{ plan: { shape: string } }> }> };
    assert.ok(scale.steps.length >= 2 && scale.steps.every((s) => s.queries.length > 0 && s.queries.every((q) => q.plan.shape.length > 0)));
    const bulk = results.bulk!.engines!.pglite as { variants: Array<{ msPerUser: number }> };
    assert.equal(bulk.variants.length, 3);
    const load = results.load!.engines!.pglite as { variants: Array<{ perSecond: number; queries: number }> };
    assert.ok(load.variants.length >= 1 && load.variants.every((v) => v.queries > 0 && v.perSecond > 0));
    assert.match(run.stdout, /Results written to /);
  });
});
