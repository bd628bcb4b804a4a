/**
 * `npm run fuzz`: the long mode of the visibility oracle (test/e2e/oracle/). Random worlds of
 * users, groups and data; random HQL by random callers in random group contexts; every answer
 * of the server's real read path checked against the oracle. Exits 1 on the first mismatch,
 * printing it with the seed and run that replay it.
 *
 *   npm run fuzz                                   # 1,000,000 queries on embedded PGlite
 *   npm run fuzz -- --queries 20000 --seed 7
 *   npm run fuzz -- --engine postgres --db-url postgres://postgres@127.0.0.1:5432/postgres
 *   npm run fuzz -- --seed 7 --run 12              # replay world 12 of seed 7
 *
 * Options: --queries N (default 1000000), --per-world N (queries per world, default 200),
 * --seed N (default: random, printed), --run N (replay one world), --engine pglite|postgres
 * (default pglite; postgres needs --db-url or OMERO_TEST_DB_URL).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { initialiseDatabase } from '../src/server/db/bootstrap.js';
import { openDatabase, type Database } from '../src/server/db/open-database.js';
import { describeFailure, runCampaign, type CampaignStats } from '../test/e2e/oracle/campaign.js';
import { ServerPath } from '../test/e2e/oracle/server-path.js';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: '1000000' },
    'per-world': { type: 'string', default: '200' },
    seed: { type: 'string' },
    run: { type: 'string' },
    engine: { type: 'string', default: 'pglite' },
    'db-url': { type: 'string' },
  },
  strict: true,
});

function positive(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) {
    console.error(`fuzz: --${name} must be a positive integer, not ${JSON.stringify(v)}`);
    process.exit(2);
  }
  return n;
}

const queries = positive('queries', values.queries);
const perWorld = Math.min(positive('per-world', values['per-world']), queries);
const seed = values.seed !== undefined ? Number(values.seed) : randomBytes(4).readInt32LE(0);
if (!Number.isSafeInteger(seed)) {
  console.error(`fuzz: --seed must be an integer`);
  process.exit(2);
}
const engine = values.engine;
if (engine !== 'pglite' && engine !== 'postgres') {
  console.error(`fuzz: --engine must be pglite or postgres`);
  process.exit(2);
}

/** A fresh database initialised like `omero db init`, and how to get rid of it. */
async function openFuzzDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ kind: 'pglite' });
    await initialiseDatabase(db.knex, randomBytes(12).toString('hex'));
    return { db, drop: () => db.close() };
  }
  const url = values['db-url'] ?? process.env.OMERO_TEST_DB_URL;
  if (!url) {
    console.error('fuzz: --engine postgres needs --db-url or OMERO_TEST_DB_URL');
    process.exit(2);
  }
  const name = `omero_fuzz_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = await openDatabase({ kind: 'pg', url, poolMax: 1 });
  await admin.knex.raw(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'pg', url: target.toString(), poolMax: 2 });
  await initialiseDatabase(db.knex, randomBytes(12).toString('hex'));
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.knex.raw(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const rate = (s: CampaignStats): number => (s.ms > 0 ? Math.round((s.queries * 1000) / s.ms) : 0);

const { db, drop } = await openFuzzDatabase();
const worlds = values.run !== undefined ? 1 : Math.ceil(queries / perWorld);
console.error(`fuzz: ${fmt(worlds * perWorld)} queries in ${fmt(worlds)} worlds on ${engine}, seed ${seed}${values.run !== undefined ? `, replaying run ${values.run}` : ''}`);
let lastPrint = Date.now();
const tty = process.stderr.isTTY;
const result = await runCampaign({
  runner: new ServerPath(db.knex),
  seed,
  worlds,
  queriesPerWorld: perWorld,
  ...(values.run !== undefined ? { path: values.run } : {}),
  onProgress(s) {
    const now = Date.now();
    if (now - lastPrint < (tty ? 1000 : 10_000)) return;
    lastPrint = now;
    const line = `fuzz: ${fmt(s.queries)}/${fmt(worlds * perWorld)} queries, ${fmt(s.worlds)} worlds, ${fmt(rate(s))} q/s, 0 mismatches`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  },
});
await drop();
if (tty) process.stderr.write('\n');
const s = result.stats;
const summary =
  `fuzz: ${fmt(s.queries)} queries in ${fmt(s.worlds)} worlds checked in ${(s.ms / 1000).toFixed(1)} s (${fmt(rate(s))} q/s) on ${engine}: ` +
  `${result.failure ? 1 : 0} mismatches; ${fmt(s.refused)} refused contexts, ${fmt(s.nonEmpty)} non-empty answers, ` +
  `${fmt(s.sensitive)} permission-sensitive, ${fmt(s.rows)} rows compared; seed ${seed}`;
if (result.failure) {
  console.error(describeFailure(result));
  console.log(summary);
  process.exit(1);
}
console.log(summary);
