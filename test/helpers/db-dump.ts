import type { Knex } from 'knex';
import { dirname } from 'node:path';
import { stopAndWait } from '../../src/client/transport/user-server.js';
import { readServerState } from '../../src/env/server-record.js';
import { openDatabase } from '../../src/server/db/open-database.js';
import type { DatabaseConfig } from '../../src/server/db/database-config.js';

/** One table's rows, each row as JSON, in a stable order. */
export type DatabaseDump = Record<string, string[]>;

/**
 * What a dump leaves out: a list of whole tables, or per table the columns that change by design
 * (`'*'` for the whole table), e.g. `{ session: ['last_access'] }`: every call moves a session's
 * last access, but nothing else of the row may change.
 */
export type DumpOmit = readonly string[] | Readonly<Record<string, readonly string[] | '*'>>;

/** Every table of the public schema with all its rows, ordered, so that two dumps compare with `deepEqual`. */
export async function dumpDatabase(knex: Knex, omit: DumpOmit = []): Promise<DatabaseDump> {
  const left: Readonly<Record<string, readonly string[] | '*'>> = Array.isArray(omit) ? Object.fromEntries(omit.map((t) => [t, '*'])) : (omit as Record<string, readonly string[] | '*'>);
  const tables = (
    await knex.raw(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
  ).rows.map((r: { table_name: string }) => r.table_name) as string[];
  const dump: DatabaseDump = {};
  for (const t of tables) {
    const columns = left[t] ?? [];
    if (columns === '*') continue;
    // Ordering by the row's (masked) JSON sorts on every column kept, whatever the primary key.
    const masked = columns.length === 0 ? `'{}'` : `array[${columns.map(() => '?').join(', ')}]`;
    const rows = (await knex.raw(`select (to_jsonb(t) - ${masked}::text[])::text as j from ${t} t order by j`, [...columns])).rows as { j: string }[];
    dump[t] = rows.map((r) => r.j);
  }
  return dump;
}

/**
 * Opens `config` just long enough to run `use` on it (the embedded database only while no CLI
 * holds it): tests set a session's times this way instead of waiting, and plant controls.
 */
export async function withDatabaseAt<T>(config: DatabaseConfig, use: (knex: Knex) => Promise<T>): Promise<T> {
  // An embedded database under a user directory is held by that directory's server (the CLI
  // started it): stop it; the next command starts it again.
  if (config.kind === 'pglite' && config.dataDir) {
    const state = readServerState({ OMERO_USERDIR: dirname(config.dataDir) });
    if (state) stopAndWait(state);
  }
  const db = await openDatabase(config.kind === 'pg' ? { ...config, poolMax: 1 } : config);
  try {
    return await use(db.knex);
  } finally {
    await db.close();
  }
}

/** Opens `config` just long enough to dump it (the embedded database only while no CLI holds it). */
export function dumpDatabaseAt(config: DatabaseConfig, omit: DumpOmit = []): Promise<DatabaseDump> {
  return withDatabaseAt(config, (knex) => dumpDatabase(knex, omit));
}

/** The tables whose rows differ between two dumps (empty when identical). */
export function changedTables(before: DatabaseDump, after: DatabaseDump): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t])).sort();
}
