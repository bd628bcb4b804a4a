import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AsyncQueryService } from '../../../src/client/async-proxies.js';
import { CliError } from '../../../src/cli/cli-error.js';
import {
  NOT_ADMIN,
  objectDetails,
  parsePyFloat,
  parsePyInt,
  pyCtime,
  pyFloatRepr,
  pyStrOf,
  pyUnwrap,
  resultTable,
  runProjection,
  TableBuilder,
} from '../../../src/cli/hql/index.js';
import { renderTable } from '../../../src/cli/output/index.js';
import {
  ApiUsageException,
  DetailsI,
  ExperimenterGroupI,
  ExperimenterI,
  ProjectI,
  QueryException,
  rbool,
  rdouble,
  rlist,
  rlong,
  rmap,
  robject,
  rstring,
  rtime,
  SecurityViolation,
} from '../../../src/model/index.js';

/** A loaded project as the server returns it: owner 2, group 4, version 0. */
function project(id: number, name: string, description: string | null = null): ProjectI {
  const p = new ProjectI(id);
  p.name = rstring(name);
  p.description = description === null ? null : rstring(description);
  p.version = rlong(0) as never;
  p.details = new DetailsI({ owner: new ExperimenterI(2, false), group: new ExperimenterGroupI(4, false) });
  return p;
}

/** A query service whose projection answers `rows` or throws `error`, recording the context. */
function queryStub(answer: () => unknown, seen: unknown[] = []): AsyncQueryService {
  return {
    projection: async (_q: string, params: unknown, ctx: unknown) => {
      seen.push({ params, ctx });
      return answer();
    },
  } as unknown as AsyncQueryService;
}

// The pure parts of `omero hql` (reference cli §6): Python value printing, omero-py's
// TableBuilder, the result table, row details and the error mapping.
describe('omero hql formatting', () => {
  it("prints values as Python's str() and repr() do", () => {
    assert.deepEqual([1, 0.5, 2, 1e-5, 1e16, 1.5e20, -0, Number.NaN, -Infinity].map(pyFloatRepr), [
      '1.0', '0.5', '2.0', '1e-05', '1e+16', '1.5e+20', '-0.0', 'nan', '-inf',
    ]);
    assert.equal(pyStrOf(pyUnwrap(rdouble(3))), '3.0');
    assert.deepEqual([' 12 ', '+1_000', '-0', '1.0', '', '0x1', '1__0'].map(parsePyInt), [12, 1000, -0, null, null, null, null]);
    assert.deepEqual(['1.5', ' -2e3', '.5', '5.', '1_0.2_5', 'INF', '-infinity', '', 'abc', '0x10', '1e'].map(parsePyFloat), [
      1.5, -2000, 0.5, 5, 10.25, Infinity, -Infinity, null, null, null, null,
    ]);
    assert.ok(Number.isNaN(parsePyFloat('nan')));
    assert.equal(pyStrOf(pyUnwrap(rbool(true))), 'True');
    assert.equal(pyStrOf(pyUnwrap(rlist([rstring("it's"), rlong(1)]))), `["it's", 1]`);
    assert.equal(pyStrOf(pyUnwrap([null, 'a'])), "[None, 'a']");
    assert.equal(pyStrOf(pyUnwrap(rmap({ perm: rstring('rw----'), canEdit: rbool(false) }))), "{'perm': 'rw----', 'canEdit': False}");
    assert.equal(pyStrOf(pyUnwrap(new Map([[2, 1]]))), '{2: 1}');
    assert.equal(pyStrOf(pyUnwrap(robject(new ProjectI(7, false)))), 'ProjectI:7');
  });

  it("formats times as Python's time.ctime", () => {
    const tz = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      assert.equal(pyCtime(Date.UTC(2026, 7, 4, 9, 5, 1, 999)), 'Tue Aug  4 09:05:01 2026');
      assert.equal(pyCtime(Date.UTC(2024, 11, 25, 23, 59, 59)), 'Wed Dec 25 23:59:59 2024');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("fills columns as omero-py's TableBuilder: back-filled '', None without named cells", () => {
    const tb = new TableBuilder('#');
    tb.cols(['Col1']);
    tb.row(['0', null]);
    tb.cols(['Class', 'Id', 'name']);
    tb.row(['1', 'ProjectI', '5'], new Map([['name', 'p']]));
    assert.deepEqual(tb.build(), {
      headers: ['#', 'Col1', 'Class', 'Id', 'name'],
      rows: [
        ['0', null, '', '', ''],
        // Positional cells fill the columns in order, even Col1; named rows blank the rest.
        ['1', 'ProjectI', '5', '', 'p'],
      ],
    });
  });

  it('shows single objects with their non-empty scalar fields, the rest as projections', () => {
    const rows = [[robject(project(1, 'a', 'd'))], [robject(project(2, 'b'))]];
    const { table, hasDetails } = resultTable(rows, false);
    assert.deepEqual(hasDetails, [0, 1]);
    assert.equal(
      renderTable(table),
      ' # | Class    | Id | details         | version | name | description \n' +
        '---+----------+----+-----------------+---------+------+-------------\n' +
        ' 0 | ProjectI | 1  | owner=2;group=4 | 0       | a    | d           \n' +
        ' 1 | ProjectI | 2  | owner=2;group=4 | 0       | b    |             \n' +
        '(2 rows)',
    );
    const ids = resultTable(rows, true);
    assert.deepEqual(ids.hasDetails, []);
    assert.deepEqual(ids.table, { headers: ['#', 'Col1'], rows: [['0', 'ProjectI:1'], ['1', 'ProjectI:2']] });
    const mixed = resultTable([[rlong(3), rtime(0), null, rdouble(0)]], false);
    assert.deepEqual(mixed.table.headers, ['#', 'Col1', 'Col2', 'Col3', 'Col4']);
    assert.deepEqual(mixed.table.rows[0]!.slice(2), [pyCtime(0), null, '0.0']);
  });

  it("lists an object's members for the pager, strings quoted", () => {
    assert.deepEqual(objectDetails(project(1, 'a')), [
      'id = 1',
      'annotationLinksCountPerOwner = None',
      'annotationLinksLoaded = True',
      'annotationLinksSeq = []',
      'datasetLinksCountPerOwner = None',
      'datasetLinksLoaded = True',
      'datasetLinksSeq = []',
      'description = None',
      'loaded = True',
      "name = 'a'",
      'version = 0',
    ]);
  });

  it('maps query errors to rc 52, 53 and 54; --all sends omero.group=-1 and the page', async () => {
    const fail = async (error: Error, all: boolean) => {
      try {
        await runProjection(queryStub(() => { throw error; }), 'q', { offset: 0, limit: 25 }, all);
      } catch (e) {
        assert.ok(e instanceof CliError);
        return [e.rc, e.message];
      }
      return assert.fail('no error');
    };
    assert.deepEqual(await fail(new QueryException('Illegal query:q\nbad'), false), [52, 'Bad query: Illegal query:q\nbad']);
    assert.deepEqual(await fail(new SecurityViolation('nope'), true), [53, NOT_ADMIN]);
    assert.deepEqual(await fail(new SecurityViolation('nope'), false), [54, 'SecurityViolation: nope']);
    await assert.rejects(() => runProjection(queryStub(() => { throw new ApiUsageException('x'); }), 'q', { offset: 0, limit: 1 }, false), ApiUsageException);
    const seen: { params: { theFilter: { offset: { val: number }; limit: { val: number } } }; ctx: unknown }[] = [];
    await runProjection(queryStub(() => [], seen), 'q', { offset: 5, limit: 10 }, true);
    await runProjection(queryStub(() => [], seen), 'q', { offset: 0, limit: 25 }, false);
    assert.deepEqual(seen.map((s) => [s.params.theFilter.offset.val, s.params.theFilter.limit.val, s.ctx]), [
      [5, 10, { 'omero.group': '-1' }],
      [0, 25, null],
    ]);
  });
});
