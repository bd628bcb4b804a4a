/**
 * The fault injector of the faults suite, in its own thread (the client under test blocks its
 * thread during the call). On an admin connection to the test database it takes a lock that a
 * LATER statement of the call under test needs, answers `{ locked }`, waits until a backend of
 * the database queues on that lock — the call is then between its steps, its earlier writes
 * done but not committed — and kills that backend with pg_terminate_backend, as a crash or a
 * restart of the database would. Deterministic: no sleep decides where the call is cut.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, lock, timeoutMs } = workerData as { url: string; lock: string; timeoutMs: number };
const admin = new pg.Client({ connectionString: url });
await admin.connect();
try {
  await admin.query('begin');
  await admin.query(lock);
  parentPort!.postMessage({ locked: true });
  const deadline = Date.now() + timeoutMs;
  let victim: { pid: number; query: string } | undefined;
  while (!victim && Date.now() < deadline) {
    // Statistics are snapshotted once per transaction: clear the snapshot to see the live state.
    await admin.query('select pg_stat_clear_snapshot()');
    const r = await admin.query(`select pid, query from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))`);
    victim = r.rows[0];
    if (!victim) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (victim) await admin.query('select pg_terminate_backend($1)', [victim.pid]);
  await admin.query('rollback');
  parentPort!.postMessage({ terminated: victim ?? null });
} finally {
  await admin.end();
}
