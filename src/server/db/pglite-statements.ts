import type { PGlite, Results } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

/** How many statements one embedded database keeps prepared; the least recently used are closed. */
const CAPACITY = 256;

/** Statements worth preparing: one plannable statement, run again with other values. */
const PREPARABLE = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;

/** Statements after which a prepared statement could describe a table that is no more. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop|truncate|comment|reindex)\b/i;

/** "cached plan must not change result type": a table a prepared statement reads changed shape. */
const PLAN_CHANGED = '0A000';

interface Prepared {
  readonly name: string;
  /** Parameter types as PostgreSQL inferred them, for PGlite's serializers. */
  readonly paramTypes: readonly number[];
  /** Result columns (none for a statement that returns no rows). */
  readonly fields: ReadonlyArray<{ readonly name: string; readonly dataTypeID: number }>;
}

/** The messages of PGlite's protocol that this reads; everything else is skipped. */
interface Message {
  readonly name: string;
  readonly dataTypeIDs?: number[];
  readonly fields?: Array<{ name: string; dataTypeID: number } | string | null>;
  readonly text?: string;
}

/**
 * Statements prepared once by name on the embedded database, then run with Bind and Execute
 * (issue 15). PGlite's own `query()` sends every statement through Parse, Describe, Bind,
 * Describe and Execute, five calls into WebAssembly, and PostgreSQL parses and plans it each
 * time: 1.4 ms for a one-row lookup where a prepared one takes 0.25. Results are built as
 * `query()` builds them (the same parsers and serializers, the same shape), so Knex and the
 * services see no difference. Anything not a single plannable statement (BEGIN, SET, DDL) still
 * goes through `query()`; DDL closes every prepared statement first, as it may change the tables
 * they read.
 */
export class PgliteStatements {
  readonly #pg: PGlite;
  /** SQL text → its prepared statement, least recently used first. */
  readonly #prepared = new Map<string, Prepared>();
  #next = 0;

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  async query(sql: string, params: readonly unknown[]): Promise<Results> {
    if (!PREPARABLE.test(sql)) {
      if (SCHEMA_CHANGE.test(sql)) await this.#closeAll();
      return this.#pg.query(sql, params as unknown[]);
    }
    return this.#pg.runExclusive(async () => {
      try {
        return await this.#run(sql, params);
      } catch (e) {
        if ((e as { code?: unknown }).code !== PLAN_CHANGED) throw e;
        await this.#close([this.#forget(sql)!]);
        return this.#run(sql, params);
      }
    });
  }

  async #run(sql: string, params: readonly unknown[]): Promise<Results> {
    const statement = this.#prepared.get(sql) ?? (await this.#prepare(sql));
    this.#prepared.delete(sql);
    this.#prepared.set(sql, statement);
    const values = params.map((value, i) => this.#serialize(value, statement.paramTypes[i]));
    const messages = await this.#exchange(sql, params, [serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]);
    return this.#results(messages, statement);
  }

  async #prepare(sql: string): Promise<Prepared> {
    const name = `omero_pl_${(this.#next++).toString(36)}`;
    const evicted = this.#prepared.size >= CAPACITY ? this.#forget(this.#prepared.keys().next().value!) : undefined;
    const messages = await this.#exchange(sql, [], [
      ...(evicted ? [serialize.close({ type: 'S', name: evicted.name })] : []),
      serialize.parse({ name, text: sql, types: [] }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]);
    const params = messages.find((m) => m.name === 'parameterDescription');
    const row = messages.find((m) => m.name === 'rowDescription');
    const fields = (row?.fields ?? []) as Array<{ name: string; dataTypeID: number }>;
    return { name, paramTypes: params?.dataTypeIDs ?? [], fields: fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) };
  }

  /** Sends `parts` in one call and returns the replies; a database error is thrown as `query()` throws it. */
  async #exchange(sql: string, params: readonly unknown[], parts: Buffer[]): Promise<Message[]> {
    const messages = (await this.#pg.execProtocolStream(Buffer.concat(parts), { syncToFs: false, throwOnError: false })) as unknown as Message[];
    const error = messages.find((m) => m.name === 'error') as (Message & Record<string, unknown>) | undefined;
    if (error !== undefined) {
      // As PGlite's query() decorates its errors (makePGliteError).
      Object.assign(error, { query: sql, params, queryOptions: undefined });
      throw error;
    }
    await this.#pg.syncToFs();
    return messages;
  }

  #serialize(value: unknown, type: number | undefined): string | null {
    if (value === null || value === undefined) return null;
    const serializer = type === undefined ? undefined : this.#pg.serializers[type];
    return serializer ? (serializer(value) as string) : String(value);
  }

  /** The rows and counts of one statement, in the shape of PGlite's `query()`. */
  #results(messages: Message[], statement: Prepared): Results {
    const fields = statement.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
    const parsers = statement.fields.map((f) => this.#pg.parsers[f.dataTypeID]);
    const rows: Array<Record<string, unknown>> = [];
    let result: Results = { rows, fields, affectedRows: 0 };
    for (const m of messages) {
      if (m.name === 'dataRow') {
        const row: Record<string, unknown> = {};
        m.fields!.forEach((raw, i) => {
          const parse = parsers[i];
          row[statement.fields[i]!.name] = raw === null ? null : parse ? parse(raw as string, statement.fields[i]!.dataTypeID) : raw;
        });
        rows.push(row);
      } else if (m.name === 'commandComplete') {
        const parts = m.text!.split(' ');
        const command = parts[0]!;
        const rowCount = Number.parseInt(parts[parts.length - 1]!, 10);
        const affectedRows = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command) ? rowCount : 0;
        result = { rows, fields, affectedRows, ...({ command } as object), ...(Number.isNaN(rowCount) ? {} : { rowCount }) } as Results;
      }
    }
    return result;
  }

  #forget(sql: string): Prepared | undefined {
    const statement = this.#prepared.get(sql);
    this.#prepared.delete(sql);
    return statement;
  }

  async #closeAll(): Promise<void> {
    const all = [...this.#prepared.values()];
    this.#prepared.clear();
    await this.#pg.runExclusive(() => this.#close(all));
  }

  async #close(statements: readonly Prepared[]): Promise<void> {
    if (statements.length === 0) return;
    await this.#pg.execProtocolStream(Buffer.concat([...statements.map((s) => serialize.close({ type: 'S', name: s.name })), serialize.sync()]), {
      syncToFs: false,
      throwOnError: false,
    });
  }
}
