import ClientPgLite from 'knex-pglite';

type ProcessArgs = [obj: { method?: string } & Record<string, unknown>, runner: unknown];

/**
 * knex-pglite with one fix: it derives the SQL command from Knex's method name, and Knex calls a
 * delete `del`, so `.delete()` returned the raw result instead of the number of rows deleted.
 */
export class PgliteKnexClient extends (ClientPgLite as unknown as new (...a: unknown[]) => {
  processResponse(...args: ProcessArgs): unknown;
}) {
  override processResponse(obj: ProcessArgs[0], runner: unknown): unknown {
    return super.processResponse(obj.method === 'del' ? { ...obj, method: 'delete' } : obj, runner);
  }
}
