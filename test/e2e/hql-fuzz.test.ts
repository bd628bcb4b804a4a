/**
 * HQL parser and compiler fuzzing (issue 7): random text and MUTATED versions of the typical
 * queries of reference api §3.5 — tokens deleted, duplicated, swapped, replaced; quotes,
 * keywords, SQL comment and statement syntax, unicode, very long identifiers, deep nesting and
 * injection payloads inserted — must
 *
 * - never fail with anything but QueryException or ApiUsageException (no TypeError, no
 *   RangeError, no stack overflow, no hang), and
 * - never produce SQL containing user-supplied text: after removing double-quoted identifiers
 *   (which must all be plain lower-case names from the entity map or generated aliases) and the
 *   one constant `'<hidden>'`, the SQL holds only SQL keywords, function names, operators and
 *   `?` placeholders — no quote, no digit, no comment, no `;`, no word of the input;
 * - and, when they compile, run on a database without a database error (types are checked by
 *   the resolver, so the database never sees a query it rejects).
 *
 * Seeded (OMERO_FUZZ_SEED overrides) and reproducible: a failure prints the seed and the input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Knex } from 'knex';
import { ApiUsageException, QueryException } from '../../src/model/index.js';
import { compileHql, parseHql } from '../../src/server/hql/index.js';
import { mapError } from '../../src/server/errors/map-error.js';
import { openPgliteTestDatabase, SCOPES, type TestDatabase } from '../server/hql/fixture.js';

/**
 * The seeds over parts of the model not built (pixels, original files, annotation-to-annotation
 * links, counts per owner): the compiler must refuse exactly these, with a QueryException.
 */
const UNSERVED_SEEDS: readonly string[] = [
  'from PixelsType as p where p.value=:pType',
  'select name from OriginalFile where id=4106',
  'select id, textValue, file from Annotation a order by a.id desc',
  'select tag.textValue, tagset.textValue from TagAnnotation tag join tag.annotationLinks l join l.child tagset',
  'select p.pixelsType.value, count(p.id) from Pixels p group by p.pixelsType.value',
  'select tg from TagAnnotation tg where exists (select aal from AnnotationAnnotationLink as aal where aal.child.id=tg.id and aal.parent.id=:tid)',
  'select new map(i.id as im_id, p.id as pix_id) from Pixels as p join p.image as i where i.id in (:ids)',
  'select i from Image i left outer join fetch i.annotationLinksCountPerOwner',
];
const SEED = Number(process.env.OMERO_FUZZ_SEED ?? 7_000_007);
const MUTATION_RUNS = Number(process.env.OMERO_FUZZ_RUNS ?? 4000);

/** The typical queries of reference api §3.5 (also those on entities we do not have). */
export const TYPICAL_QUERIES: readonly string[] = [
  'select p from Project as p',
  'select p from Project as p where p.id = :id',
  'select p from Project as p where p.id in (:ids)',
  'select p from Project as p where p.details.owner.id = :id',
  'select p from Project p join fetch p.datasetLinks dil join fetch dil.child where p.details.owner.omeName = :name',
  'select p from Project p left outer join fetch p.datasetLinks as links left outer join fetch links.child as dataset where p.id=:pid',
  'from PixelsType as p where p.value=:pType',
  'select i from Image i where i.id = :id and name like :namedParameter',
  'select name from OriginalFile where id=4106',
  'select id, textValue, file from Annotation a order by a.id desc',
  'select id, textValue from TagAnnotation a order by a.id desc',
  'select id, owner.id, started, userAgent from Session where closed is null',
  "select i.name, i.description from Image i where i.name like '%.dv'",
  'select tag.textValue, tagset.textValue from TagAnnotation tag join tag.annotationLinks l join l.child tagset',
  'select p.pixelsType.value, count(p.id) from Pixels p group by p.pixelsType.value',
  "select nv.value from MapAnnotation ann join ann.mapValue as nv where nv.name = 'altitude'",
  "select ann from MapAnnotation ann join ann.mapValue as nv1 join ann.mapValue as nv2 where nv1.name = 'date' and nv2.name = 'owner'",
  "select ann from MapAnnotation ann where not exists(from MapAnnotation m2 join m2.mapValue as nv2 where nv2.name like 'size%')",
  'select distinct e from Experimenter e left outer join fetch e.groupExperimenterMap m left outer join fetch m.parent g',
  'select distinct g from ExperimenterGroup g left outer join fetch g.groupExperimenterMap m left outer join fetch m.child u left outer join fetch u.groupExperimenterMap m2 left outer join fetch m2.parent',
  'select distinct e from Experimenter as e join fetch e.groupExperimenterMap as map join fetch map.parent g where e.id in (select m.child from GroupExperimenterMap m where m.parent.id = :id)',
  'select g from ExperimenterGroup g, Experimenter e join e.groupExperimenterMap m where e.id = :id and m.parent = g.id and g.name != :userGroup and index(m) = 0',
  'select m.parent.id from Experimenter e join e.groupExperimenterMap m where e.id = :id order by index(m)',
  'select e from Experimenter as e where exists (select gem from GroupExperimenterMap as gem where gem.child = e.id and gem.parent.id in (:gids)) order by e.omeName',
  'from Experimenter e where lower(e.omeName) like :start',
  "SELECT ap.name FROM Experimenter user JOIN user.config AS ap WHERE user.id = 123 AND ap.name LIKE 'AdminPrivilege:%' AND LOWER(ap.value) <> 'true' ORDER BY ap.name",
  'select obj from Project obj join fetch obj.details.owner as owner join fetch obj.details.creationEvent where obj.id in (:ids) and owner.id = (:eid) order by lower(obj.name), obj.id',
  'select count(distinct obj) from Project obj join obj.details.owner as owner where owner.id = (:eid)',
  'select l from ProjectDatasetLink as l where l.parent.id=1 and l.child.id=2',
  'select pchl from DatasetImageLink as pchl left outer join fetch pchl.parent as parent left outer join fetch pchl.child as child where child.id=:child and parent.id in (:parent)',
  'select obj from Dataset obj where not exists (select obl from ProjectDatasetLink as obl where obl.child=obj.id) order by lower(obj.name), obj.id',
  'select p from Image i join i.datasetLinks dl join dl.parent ds join ds.projectLinks pl join pl.parent p where i.id = 5',
  'select link.child.id, count(link.id) from ImageAnnotationLink link where link.parent.id in (:oids) group by link.child.id',
  'select ob from Image ob left outer join fetch ob.annotationLinks obal left outer join fetch obal.child ann where ann.id in (:oids)',
  'select tg from TagAnnotation tg where exists (select aal from AnnotationAnnotationLink as aal where aal.child.id=tg.id and aal.parent.id=:tid)',
  'select distinct obj.id from ImageAnnotationLink ial join ial.child ann join ann.mapValue mv join ial.parent obj where mv.name = :name and mv.value like :value',
  'select o from Project as o left outer join fetch o.annotationLinks where o.id = :id',
  'select x.details.owner.id, x.details.group.details.permissions from Project x where x.id = :id',
  'select new map(i.id as im_id, p.id as pix_id) from Pixels as p join p.image as i where i.id in (:ids)',
  'select i from Image i left outer join fetch i.annotationLinksCountPerOwner',
  // Queries over the masked and filtered columns (advisory 2019-SV5).
  "select e.id from Experimenter e where e.omeName like 'a%' or e.email = 'alpha@example.org' order by e.lastName",
  'select min(e.omeName), max(e.email), count(distinct e.institution) from Experimenter e group by e.firstName',
  "select p.name from Project p where p.details.owner.omeName = 'alpha' and size(p.datasetLinks) > 0 and p.annotationLinks is not empty",
  "select case when p.id > 1 then p.name else 'x' end, cast(p.id as string), str(p.id) from Project p where p.id between 1 and 9",
];

/** Parameters for every name the queries use. */
const PARAMS: Readonly<Record<string, unknown>> = {
  id: 2,
  ids: [10, 12],
  name: 'user-2',
  pid: 10,
  pType: 'uint8',
  namedParameter: 'cell%mit%',
  userGroup: 'user',
  gids: [3, 4],
  start: 'a%',
  eid: 2,
  child: 40,
  parent: [20, 23],
  oids: [60, 62],
  tid: 1,
  value: '1%',
};

/** Marker text for injected literals: the SQL must never contain it. */
const MARK = 'zqMARKzq';
const MARK_NUMBER = '918273645';

const TOKEN = /'(?:[^']|'')*'?|:[A-Za-z_$][\w$]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_$][\w$]*|<>|!=|<=|>=|\s+|./gsu;

function tokenize(hql: string): string[] {
  return hql.match(TOKEN) ?? [];
}

const KEYWORDS = [
  'select', 'from', 'where', 'join', 'fetch', 'left', 'outer', 'inner', 'and', 'or', 'not', 'in', 'is', 'null', 'empty', 'like',
  'ilike', 'between', 'exists', 'group', 'by', 'having', 'order', 'asc', 'desc', 'new', 'map', 'case', 'when', 'then', 'else',
  'end', 'cast', 'as', 'distinct', 'count', 'size', 'index', 'lower', 'upper', 'min', 'max', 'sum', 'avg', 'coalesce', 'true', 'false',
  'str', 'union', 'delete', 'update', 'insert', 'into', 'drop', 'table', 'pg_sleep', 'current_user', 'version',
];
const NAMES = [
  'Project', 'Dataset', 'Image', 'Experimenter', 'ExperimenterGroup', 'GroupExperimenterMap', 'Session', 'Event', 'Annotation',
  'TagAnnotation', 'MapAnnotation', 'ProjectDatasetLink', 'id', 'name', 'omeName', 'email', 'details', 'owner', 'group',
  'permissions', 'datasetLinks', 'child', 'parent', 'mapValue', 'config', 'textValue', 'p', 'e', 'x', 'pg_catalog', 'password',
  'hash', 'uuid_hash', 'experimenter', 'information_schema',
];
const PUNCT = ['(', ')', ',', '.', '=', '<>', '!=', '<', '>', '*', '-', ':', '?', ';', "'", "''", '"', '`', '--', '/*', '*/', '\\', '$', '$1', '||', '::', '%', '@', '[', ']', '{', '}'];
const ODD = ['é', 'İ', 'ß', '\u200b', '\u0000', '\ud83d\ude42', '\u202e', 'ﬀ', '\t', '\n', '\r\n', 'Ω', '\ufeff'];
const PAYLOADS = [
  `'${MARK}'`,
  `'${MARK}'' or 1=1 --'`,
  `'${MARK}''; drop table experimenter; --'`,
  `'${MARK}\\'`,
  `'${MARK}$$'`,
  `'${MARK}?'`,
  `'${MARK}'' union select uuid_hash from session --'`,
  MARK_NUMBER,
  `${MARK_NUMBER}.5`,
  `${MARK_NUMBER}e3`,
  '99999999999999999999999',
  '1e999',
  `:${MARK}`,
];

type Mutation = (tokens: string[], d: fc.GeneratorValue) => string[];

const pick = <T>(d: fc.GeneratorValue, items: readonly T[]): T => items[d((n: number) => fc.noBias(fc.nat(n)), items.length - 1)]!;
const at = (d: fc.GeneratorValue, tokens: readonly string[]): number => d((n: number) => fc.noBias(fc.nat(n)), Math.max(0, tokens.length - 1));
const spaced = (t: string): string => ` ${t} `;

const MUTATIONS: readonly Mutation[] = [
  (t, d) => t.toSpliced(at(d, t), 1),
  (t, d) => {
    const i = at(d, t);
    return t.toSpliced(i, 0, t[i] ?? '');
  },
  (t, d) => {
    const i = at(d, t);
    return i + 1 < t.length ? t.toSpliced(i, 2, t[i + 1]!, t[i]!) : t;
  },
  (t, d) => t.toSpliced(at(d, t), 0, spaced(pick(d, [...KEYWORDS, ...NAMES, ...PUNCT]))),
  (t, d) => t.toSpliced(at(d, t), 1, spaced(pick(d, [...KEYWORDS, ...NAMES, ...PUNCT]))),
  (t, d) => t.toSpliced(at(d, t), 0, pick(d, ODD)),
  (t, d) => {
    // Replace a literal (or any token) with an injection payload.
    const literals = t.flatMap((x, i) => (/^'|^\d|^:/.test(x) ? [i] : []));
    const i = literals.length > 0 ? pick(d, literals) : at(d, t);
    return t.toSpliced(i, 1, spaced(pick(d, PAYLOADS)));
  },
  (t, d) => t.toSpliced(at(d, t), 0, ` ${'x'.repeat(d((n: number) => fc.integer({ min: 1000, max: n }), 60_000))} `),
  (t, d) => {
    // Deep nesting around a token: within and beyond the parser's limit.
    const depth = d((n: number) => fc.integer({ min: 1, max: n }), 160);
    const i = at(d, t);
    return [...t.slice(0, i), '('.repeat(depth), ...t.slice(i, i + 1), ')'.repeat(depth), ...t.slice(i + 1)];
  },
  (t, d) => [...t, ` ${pick(d, ['or', 'and'])} `, pick(d, ['1=1', 'not not not not 1=1', `'${MARK}' = '${MARK}'`, `${'not '.repeat(400)}1=1`, Array(600).fill('1=1').join(' or ')])],
  (t, d) => t.map((x) => (d(() => fc.boolean()) && /^[a-z]+$/i.test(x) ? x.toUpperCase() : x)),
  (t, d) => {
    // Unicode or control characters inside a literal or an identifier.
    const i = at(d, t);
    const x = t[i] ?? '';
    return t.toSpliced(i, 1, x.length > 1 ? x.slice(0, 1) + pick(d, ODD) + x.slice(1) : x);
  },
];

function mutate(hql: string, d: fc.GeneratorValue): string {
  let tokens = tokenize(hql);
  const n = d((max: number) => fc.integer({ min: 1, max }), 4);
  for (let i = 0; i < n; i++) tokens = pick(d, MUTATIONS)(tokens, d);
  return tokens.join('');
}

/** SQL words the compiler may write. Anything else came from somewhere it should not have. */
const SQL_WORDS = new Set([
  'select', 'distinct', 'from', 'as', 'left', 'inner', 'cross', 'join', 'on', 'where', 'and', 'or', 'not', 'like', 'ilike', 'in',
  'is', 'null', 'between', 'exists', 'group', 'by', 'having', 'order', 'asc', 'desc', 'limit', 'offset', 'case', 'when', 'then',
  'else', 'end', 'cast', 'any', 'true', 'false', 'count', 'sum', 'min', 'max', 'avg', 'lower', 'upper', 'trim', 'length', 'abs',
  'coalesce', 'concat', 'jsonb_agg', 'jsonb_build_array', 'text', 'bigint', 'integer', 'double', 'precision', 'boolean',
  'timestamptz',
  // Columns of the visibility predicate (server/security/visibility.ts), written unquoted.
  'group_id', 'owner_id', 'owner',
]);

/** Why the SQL is unsafe, or null. */
function unsafeSql(sql: string): string | null {
  const identifiers = sql.match(/"(?:[^"]|"")*"/g) ?? [];
  const bad = identifiers.find((q) => !/^"[a-z][a-z0-9_]*"$/.test(q));
  if (bad) return `identifier ${bad} is not a plain name`;
  const rest = sql.replace(/"(?:[^"]|"")*"/g, ' ID ').replaceAll("'<hidden>'", ' HIDDEN ');
  if (/['`$;\\]|--|\/\*/.test(rest)) return `quote, comment or statement syntax in ${JSON.stringify(rest)}`;
  if (/\d/.test(rest)) return `a number outside placeholders in ${JSON.stringify(rest)}`;
  for (const word of rest.match(/[A-Za-z_]+/g) ?? []) {
    if (word !== 'ID' && word !== 'HIDDEN' && !SQL_WORDS.has(word)) return `unexpected word ${word}`;
  }
  if (/[^\x20-\x7e]/.test(rest)) return 'non-ASCII text in the SQL';
  if (sql.includes(MARK) || new RegExp(`\\b${MARK_NUMBER}`).test(sql)) return 'an injected marker reached the SQL';
  return null;
}

interface Outcome {
  readonly compiled: { sql: string; bindings: readonly unknown[] } | null;
}

/** Compiles as a restricted caller; asserts the error class and the SQL's safety. */
function check(hql: string, seedInfo: string): Outcome {
  let compiled: { sql: string; bindings: readonly unknown[] };
  try {
    compiled = compileHql(hql, { scope: SCOPES.user3ReadOnly, params: PARAMS });
  } catch (e) {
    if (e instanceof QueryException || e instanceof ApiUsageException) return { compiled: null };
    assert.fail(`${seedInfo}: ${JSON.stringify(hql.slice(0, 500))} failed with ${(e as Error)?.stack ?? String(e)}`);
  }
  const problem = unsafeSql(compiled.sql);
  assert.equal(problem, null, `${seedInfo}: ${JSON.stringify(hql.slice(0, 500))} compiled to unsafe SQL (${problem}): ${compiled.sql}`);
  assert.equal(compiled.sql.split('?').length - 1, compiled.bindings.length);
  return { compiled };
}

describe('HQL fuzzing: parser and compiler', () => {
  it('the seed queries compile, and safely; only those over unbuilt classes are refused', () => {
    // Were the seeds refused, the check and the mutations of them would prove nothing.
    const refused = TYPICAL_QUERIES.filter((q) => check(q, 'seed query').compiled === null);
    assert.deepEqual(refused, UNSERVED_SEEDS);
    for (const q of UNSERVED_SEEDS) assert.throws(() => compileHql(q, { scope: SCOPES.user3ReadOnly, params: PARAMS }), QueryException, q);
  });

  it('mutated typical queries fail only with QueryException/ApiUsageException and never leak input into SQL', () => {
    let compiled = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TYPICAL_QUERIES), fc.gen(), (q, d) => {
        if (check(mutate(q, d), `seed ${SEED}`).compiled) compiled++;
      }),
      { seed: SEED, numRuns: MUTATION_RUNS },
    );
    // The mutations must not be so destructive that nothing compiles any more.
    assert.ok(compiled > MUTATION_RUNS / 20, `only ${compiled} of ${MUTATION_RUNS} mutated queries compiled`);
  });

  it('random text and random token soup are handled', () => {
    const soup = fc.array(fc.constantFrom(...KEYWORDS, ...NAMES, ...PUNCT, ...ODD, ...PAYLOADS, 'p.id', 'e.omeName', ':id', "'a'", '1'), { maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80, unit: 'binary' }), soup.map((w) => w.join(' ')), soup.map((w) => `select p from Project p where ${w.join(' ')}`)), (hql) => {
        check(hql, `seed ${SEED}`);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  // A hang ends at the test's time limit; how fast is no test's business (no speed thresholds).
  it('pathological sizes are refused, not crashed on', { timeout: 600_000 }, () => {
    const cases = [
      `select p from Project p where ${'('.repeat(5000)}p.id = 1${')'.repeat(5000)}`,
      `select p from Project p where ${'not '.repeat(50_000)}p.id = 1`,
      `select p from Project p where ${Array(30_000).fill('p.id = 1').join(' or ')}`,
      `select p from Project p where p.name = '${'x'.repeat(2_000_000)}'`,
      `select ${'p.'.repeat(20_000)}id from Project p`,
      `select p from Project p where p.id in (${Array(50_000).fill('1').join(',')})`,
      `select p from Project p where exists (${'select q from Project q where exists ('.repeat(60)}select r from Project r${')'.repeat(60)})`,
      `select p from Project p${' join p.datasetLinks l'.repeat(2000)}`,
      `select ${'lower('.repeat(90)}p.name${')'.repeat(90)} from Project p`,
      "select p from Project p where p.name = '",
      'select p from Project p where p.name = ?',
      'select p from Project p where p.id = :missing',
    ];
    for (const hql of cases) check(hql, 'pathological');
  });

  it('parameters carry any text as a value, never as SQL', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), fc.array(fc.integer(), { maxLength: 5 }), (s, ids) => {
        const c = compileHql('select p from Project p where p.name = :id or p.description like :name or p.id in (:ids)', {
          scope: SCOPES.user3ReadOnly,
          params: { id: s, name: `${MARK}${s}`, ids },
        });
        assert.equal(unsafeSql(c.sql), null);
        assert.ok(c.bindings.includes(s) && c.bindings.includes(`${MARK}${s}`));
      }),
      { seed: SEED, numRuns: 500 },
    );
    // Values that are not plain data are refused, whatever they pretend to be.
    for (const bad of [{ toSQL: () => 'true' }, () => 1, Symbol('x'), Number.NaN, new Date(Number.NaN), [[1]], [{}]]) {
      assert.throws(() => compileHql('select p from Project p where p.id = :id', { scope: SCOPES.user3ReadOnly, params: { id: bad } }), ApiUsageException);
    }
    assert.ok(parseHql('select p from Project p'));
  });
});

describe('HQL fuzzing: what compiles also runs', () => {
  let db: TestDatabase;
  before(async () => {
    db = await openPgliteTestDatabase();
  });
  after(async () => {
    await db?.close();
  });

  /**
   * Runs in a rolled-back transaction. A database error is acceptable only if the server maps it
   * to a user error (ApiUsageException: a value PostgreSQL cannot read as the column's type);
   * anything else (InternalException) means the resolver let an ill-typed query through. `strict`:
   * no error at all is acceptable (the seed queries).
   */
  async function run(knex: Knex, compiled: { sql: string; bindings: readonly unknown[] }, strict = false): Promise<string | null> {
    try {
      await knex.transaction(async (trx) => {
        await trx.raw('set local statement_timeout = 10000');
        await trx.raw(compiled.sql, compiled.bindings as Knex.RawBinding[]);
        throw new Rollback();
      });
    } catch (e) {
      if (e instanceof Rollback) return null;
      const mapped = mapError(e);
      return mapped instanceof ApiUsageException && !strict ? null : `${mapped.constructor.name}: ${(e as Error).message}`;
    }
    return null;
  }

  it('the seed queries run without any error (the control of the mutated runs below)', async () => {
    const failures: string[] = [];
    for (const q of TYPICAL_QUERIES.filter((t) => !UNSERVED_SEEDS.includes(t))) {
      const { compiled } = check(q, 'seed query');
      const error = compiled ? await run(db.knex, compiled, true) : 'refused by the compiler';
      if (error) failures.push(`${q}: ${error}`);
    }
    assert.deepEqual(failures, []);
  });

  it('mutated queries that compile run without a database error', async () => {
    const failures: string[] = [];
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPICAL_QUERIES), fc.gen(), async (q, d) => {
        const hql = mutate(q, d);
        const { compiled } = check(hql, `seed ${SEED}`);
        if (!compiled || compiled.bindings.some((b) => typeof b === 'string' && b.length > 10_000)) return;
        ran++;
        const t0 = Date.now();
        const error = await run(db.knex, compiled);
        if (process.env.OMERO_FUZZ_DEBUG && Date.now() - t0 > 200) console.error(`slow ${Date.now() - t0} ms: ${hql.slice(0, 300)}`);
        if (error && failures.length < 10) failures.push(`${hql}\n    -> ${error.split(' - ').at(-1)} (${error.split(':')[0]})`);
      }),
      { seed: SEED + 1, numRuns: Number(process.env.OMERO_FUZZ_EXEC_RUNS ?? 1500) },
    );
    assert.deepEqual(failures, [], `${failures.length} of ${ran} compiled queries failed in the database:\n  ${failures.join('\n  ')}`);
  });
});

/**
 * Each bug the fuzzers and the oracle found, as a fixed case (the fix is named in the test).
 */
describe('regressions found by the fuzzers and the oracle', () => {
  let db: TestDatabase;
  before(async () => {
    db = await openPgliteTestDatabase();
  });
  after(async () => {
    await db?.close();
  });

  const rows = async (hql: string, scope = SCOPES.user3All): Promise<unknown[][]> => {
    const c = compileHql(hql, { scope, params: {} });
    const result = await db.knex.raw(c.sql, c.bindings as Knex.RawBinding[]);
    return (result.rows as Record<string, unknown>[]).map((r) => Object.values(r));
  };
  const refused = (hql: string, message: RegExp): void => {
    assert.throws(() => compileHql(hql, { scope: SCOPES.user3All, params: {} }), (e: unknown) => e instanceof QueryException && message.test((e as Error).message));
  };

  it("a long run of 'not' is a QueryException (was: RangeError, Maximum call stack size exceeded, out of parseHql)", () => {
    refused(`select p from Project p where ${'not '.repeat(50_000)}p.id = 1`, /nested deeper than 100 levels/);
  });

  it("runs of 'not' and case…end count as nesting (was: PGlite failed with 'unnamed prepared statement does not exist' at ~300 nots)", async () => {
    assert.deepEqual(await rows(`select count(p.id) from Project p where ${'not not '.repeat(50)}p.id = 12`), [[1]]);
    refused(`select p from Project p where ${'not '.repeat(101)}p.id = 1`, /line 1:\d+: expressions nested deeper than 100 levels$/);
    refused(`select p from Project p where ${'not ('.repeat(51)}p.id = 1${')'.repeat(51)}`, /expressions nested deeper than 100 levels/);
    refused(`select ${'case when p.id = 1 then '.repeat(101)}1${' end'.repeat(101)} from Project p`, /nested deeper than 100 levels/);
    // A run ends at and/or: many short runs are fine.
    assert.deepEqual(await rows(`select count(p.id) from Project p where ${Array(80).fill('not not p.id = 12').join(' and ')}`), [[1]]);
  });

  it('ill-typed queries are QueryExceptions, not database errors carrying the SQL (was: max(boolean) does not exist, found by the oracle)', async () => {
    refused('select max(m.owner) from GroupExperimenterMap m', /max\(\) cannot take a boolean/);
    refused('select min(m.owner) from GroupExperimenterMap m', /min\(\) cannot take a boolean/);
    refused('select sum(p.name) from Project p', /sum\(\) takes a number, not string/);
    refused('select avg(m.owner) from GroupExperimenterMap m', /avg\(\) takes a number, not bool/);
    refused('select lower(p.id) from Project p', /lower\(\) takes text, not long/);
    refused("select p from Project p where p.id like '1%'", /like takes text, not long/);
    refused('select m from GroupExperimenterMap m where m.owner = m.id', /cannot compare bool with long/);
    refused('select p from Project p where p.id in (select q.name from Project q)', /cannot compare long with string/);
    refused('select p from Project p where p.id between p.name and 3', /cannot compare long with string/);
    // Bound values are read as the other side's type, as before.
    assert.deepEqual(await rows("select count(p.id) from Project p where p.id = '12' and lower(:x) = 'a' and p.name like 'p%'".replace(':x', "'A'")), [[1]]);
    assert.deepEqual(await rows('select max(p.id), min(p.name), count(m.owner) from Project p, GroupExperimenterMap m where m.id = 106 and p.id < 14'), [[13, 'p12', 2]]);
  });

  it('a masked column of a missing (left-joined) user is null, not "<hidden>" (found by the oracle, fixed in the compiler)', async () => {
    // p14 has no dataset links: the left-joined owner does not exist.
    assert.deepEqual(await rows('select p.id, o.omeName, o.firstName, o.email from Project p left join p.datasetLinks l left join l.details.owner o where p.id = 14'), [[14, null, null, null]]);
    assert.deepEqual(await rows('select count(o.omeName) from Project p left join p.datasetLinks l left join l.details.owner o where p.id = 14'), [[0]]);
    // A user who exists but is hidden still reads "<hidden>" (user 4, alpha, shares no readable group with user 3).
    assert.deepEqual(await rows("select e.omeName, e.email from Experimenter e where e.id = 4 or e.omeName = 'alpha'"), [['<hidden>', null]]);
  });
});

class Rollback extends Error {}
