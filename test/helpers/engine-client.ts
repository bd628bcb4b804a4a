import { OmeroClient } from '../../src/client/omero-client.js';
import { WorkerTransport } from '../../src/client/transport/worker-transport.js';
import type { Transport } from '../../src/client/transport/transport.js';
import { ensureExampleEnvironment } from '../../src/demo/example-environment.js';
import { SqlProbeTransport, type SqlRow } from './sql-probe.js';
import { createTestDatabase, ROOT_PASSWORD, type Engine, type TestDatabase } from './test-database.js';

/** A test database with the in-process server behind a real blocking transport. */
export interface EngineFixture {
  readonly engine: Engine;
  readonly db: TestDatabase;
  readonly transport: Transport;
  /**
   * Direct SQL on the server's database (only with `openEngine(…, { sql: true })`): suites check
   * outcomes in the rows, not only in the replies.
   */
  sql(text: string, bindings?: readonly unknown[]): SqlRow[];
  /** A new client logged in as `user` (root by default). */
  login(user?: string, password?: string, props?: Record<string, string>): OmeroClient;
  close(): Promise<void>;
}

export const PASSWORDS: Record<string, string> = {
  root: ROOT_PASSWORD,
  'user-2': 'user-2-password',
  'user-3': 'user-3-password',
};

/**
 * Opens a fresh database on `engine`; with `example`, creates seed 002's users and groups; `env`
 * adds to the server's environment (e.g. a test slapd's `OMERO_LDAP_*` settings); `sql` gives the
 * fixture direct SQL on the database (the server then runs in a test thread, see sql-probe.ts).
 */
export async function openEngine(
  engine: Engine,
  options: { example?: boolean; env?: Readonly<Record<string, string>>; sql?: boolean } = {},
): Promise<EngineFixture> {
  const db = await createTestDatabase(engine);
  const env = { ...process.env, ...options.env };
  // With `sql`, the same OmeroServer runs in a test thread that also answers direct SQL.
  const probe = options.sql ? new SqlProbeTransport(db.config, env) : null;
  const transport: Transport = probe ?? new WorkerTransport(db.config, { env });
  const clients: OmeroClient[] = [];
  const fixture: EngineFixture = {
    engine,
    db,
    transport,
    sql(text, bindings = []) {
      if (!probe) throw new Error('direct SQL needs openEngine(…, { sql: true })');
      return probe.sql(text, bindings);
    },
    login(user = 'root', password = PASSWORDS[user] ?? '', props = {}) {
      const c = new OmeroClient('localhost', transport, props);
      c.createSession(user, password);
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) {
        try {
          c.closeSession();
        } catch {
          /* already closed */
        }
      }
      transport.close();
      await db.drop();
    },
  };
  if (options.example) {
    const root = fixture.login();
    ensureExampleEnvironment(root.getSession().getAdminService());
  }
  return fixture;
}
