import type { PGlite } from '@electric-sql/pglite';
import ClientPgLite from 'knex-pglite';
import { PgliteStatements } from './pglite-statements.js';

type QueryObject = { method?: string; sql?: string; bindings?: readonly unknown[]; response?: unknown } & Record<string, unknown>;
type ProcessArgs = [obj: QueryObject, runner: unknown];

/** Each embedded database's prepared statements. */
const statements = new WeakMap<PGlite, PgliteStatements>();

/**
 * knex-pglite with two changes: statements run prepared by name (`pglite-statements.ts`) instead
 * of through PGlite's `query()`, which parses and plans each anew; and, since it derives the SQL
 * command from Knex's method name and Knex calls a delete `del`, `.delete()` returned the raw
 * result instead of the number of rows deleted.
 */
export class PgliteKnexClient extends (ClientPgLite as unknown as new (...a: unknown[]) => {
  processResponse(...args: ProcessArgs): unknown;
}) {
  async _query(connection: PGlite, obj: QueryObject): Promise<QueryObject> {
    if (!obj.sql) throw new Error('The query is empty');
    let prepared = statements.get(connection);
    if (prepared === undefined) {
      prepared = new PgliteStatements(connection);
      statements.set(connection, prepared);
    }
    obj.response = await prepared.query(obj.sql, obj.bindings ?? []);
    return obj;
  }

  override processResponse(obj: ProcessArgs[0], runner: unknown): unknown {
    return super.processResponse(obj.method === 'del' ? { ...obj, method: 'delete' } : obj, runner);
  }
}
