import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { QueryException } from '../../../src/model/index.js';
import { parseHql } from '../../../src/server/hql/index.js';
import type { QueryNode } from '../../../src/server/hql/index.js';

/** The typical queries of reference api §3.5, all of which must parse (resolution is another matter). */
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
  'select obj from Project obj join fetch obj.details.owner as owner left outer join fetch obj.details.externalInfo join fetch obj.details.creationEvent where obj.id in (:ids) and owner.id = (:eid) order by lower(obj.name), obj.id',
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
];

function parseError(hql: string): QueryException {
  try {
    parseHql(hql);
  } catch (e) {
    assert.ok(e instanceof QueryException, `expected QueryException, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected ${JSON.stringify(hql)} not to parse`);
}

describe('parseHql', () => {
  it('parses every typical query of reference api §3.5', () => {
    for (const q of TYPICAL_QUERIES) assert.equal(parseHql(q).kind, 'QueryNode', q);
  });

  it('builds the AST of a seed query', () => {
    const q = parseHql('select p from Project as p where p.id = :id');
    assert.deepEqual(JSON.parse(JSON.stringify(q)), {
      kind: 'QueryNode',
      select: [{ kind: 'SelectItemNode', expression: { kind: 'PathNode', segments: ['p'], position: { line: 1, column: 8 } }, alias: null }],
      distinct: false,
      roots: [{ kind: 'EntityRangeNode', entityName: 'Project', alias: 'p', position: { line: 1, column: 15 } }],
      joins: [],
      where: {
        kind: 'BinaryOperationNode',
        operator: '=',
        left: { kind: 'PathNode', segments: ['p', 'id'], position: { line: 1, column: 34 } },
        right: { kind: 'ParameterNode', name: 'id', position: { line: 1, column: 41 } },
      },
      groupBy: [],
      having: null,
      orderBy: [],
      position: { line: 1, column: 1 },
    });
    assert.ok(Object.isFrozen(q) && Object.isFrozen(q.roots) && Object.isFrozen(q.roots[0]));
  });

  it('reads keywords in any case and keeps names as written', () => {
    const q = parseHql('SeLeCt DISTINCT P FROM Project AS P LEFT OUTER JOIN FETCH P.datasetLinks L WHERE P.Id = :Id ORDER BY P.name DESC');
    assert.equal(q.distinct, true);
    assert.deepEqual(q.roots.map((r) => [r.entityName, r.alias]), [['Project', 'P']]);
    assert.deepEqual(q.joins.map((j) => [j.joinType, j.fetch, j.path.segments, j.alias]), [['left', true, ['P', 'datasetLinks'], 'L']]);
    assert.equal(q.orderBy[0]?.direction, 'desc');
    assert.deepEqual(q.where?.kind === 'BinaryOperationNode' && q.where.left, {
      kind: 'PathNode',
      segments: ['P', 'Id'],
      position: { line: 1, column: 82 },
    });
  });

  it('accepts keywords as property names after a dot', () => {
    const q = parseHql('select x.details.group.id, e.order, e.select from Event e');
    assert.deepEqual(
      q.select?.map((s) => s.expression.kind === 'PathNode' && s.expression.segments),
      [['x', 'details', 'group', 'id'], ['e', 'order'], ['e', 'select']],
    );
  });

  it('reads joins of every kind', () => {
    const q = parseHql('from A a join a.b b inner join a.c left join a.d as d left outer join fetch a.e e join fetch a.f, B x');
    assert.deepEqual(
      q.joins.map((j) => [j.joinType, j.fetch, j.alias]),
      [['inner', false, 'b'], ['inner', false, null], ['left', false, 'd'], ['left', true, 'e'], ['inner', true, null]],
    );
    assert.deepEqual(q.roots.map((r) => r.alias), ['a', 'x']);
    assert.equal(q.select, null);
  });

  it('reads literals, operators and predicates', () => {
    const q = parseHql(
      "from X x where x.a = 'it''s' and x.b <> 1.5 and x.c != -3 and x.d >= 10L and x.e is not null and x.f not like 'a%' " +
        "and x.g ilike :p and x.h not in (1, 2) and x.i between 1 and 2 and not (x.j < 1 or x.k > 2) and x.l = true and x.m <= false and x.n is null and x.o is empty",
    );
    const flat: string[] = [];
    const walk = (n: any): void => {
      if (n?.kind === 'LogicalNode') {
        walk(n.left);
        walk(n.right);
      } else flat.push(n.kind === 'BinaryOperationNode' ? `${n.operator} ${JSON.stringify(n.right.value ?? n.right.kind)}` : n.kind);
    };
    walk(q.where);
    assert.deepEqual(flat, [
      '= "it\'s"',
      '<> 1.5',
      '<> -3',
      '>= 10',
      'IsNullNode',
      'LikeNode',
      'LikeNode',
      'InNode',
      'BetweenNode',
      'NotNode',
      '= true',
      '<= false',
      'IsNullNode',
      'IsEmptyNode',
    ]);
  });

  it('reads in-lists, subqueries, exists, functions, cast, case and new map', () => {
    const q = parseHql(
      'select count(*), count(distinct p.id), lower(p.name), cast(p.id as text), case when p.id = 1 then 1 else 2 end, new map(p.id as a, p.name as b) ' +
        'from Project p where p.id in (:ids) and p.id in :more and p.id in (select l.parent from ProjectDatasetLink l) and exists (from Dataset d) ' +
        'and p.id = (select max(x.id) from Project x) group by p.id having count(*) > 1',
    );
    const kinds = q.select?.map((s) => s.expression.kind);
    assert.deepEqual(kinds, ['FunctionNode', 'FunctionNode', 'FunctionNode', 'CastNode', 'CaseNode', 'MapNode']);
    const [star, distinct] = q.select!.map((s) => s.expression) as any[];
    assert.equal(star.star, true);
    assert.equal(distinct.distinct, true);
    assert.equal(q.groupBy.length, 1);
    assert.equal(q.having?.kind, 'BinaryOperationNode');
  });

  it('reads multi-line queries', () => {
    const q = parseHql('select p\n  from Project p\n where p.id = :id\n');
    assert.deepEqual(q.where?.kind === 'BinaryOperationNode' && q.where.right, { kind: 'ParameterNode', name: 'id', position: { line: 3, column: 15 } });
  });

  describe('errors carry the position and what was expected', () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['select p from Project p where', /^line 1:30: expected one of 'not', '\(', :parameter, .* but found end of input$/],
      ['select p frm Project p', /^line 1:10: expected 'from' but found 'frm'$/],
      ['selec p from Project p', /^line 1:7: unexpected token 'p' \(expected end of query\)|^line 1:1: /],
      ['select p from Project p where p.id = ?', /^line 1:38: positional parameters '\?' are not supported; use :name$/],
      ["select p from Project p where p.name = 'abc", /^line 1:40: unterminated string literal$/],
      ['select p\nfrom Project p\nwhere p.id = = 3', /^line 3:14: expected one of .* but found '='$/],
      ['select p from Project p join', /^line 1:29: expected identifier but found end of input$/],
      ['select new list(p.id) from Project p', /^line 1:12: only 'new map\(…\)' is supported, not 'new list'$/],
      ['select cast(p.id as foo) from Project p', /^line 1:21: unknown cast type 'foo'/],
      ['from Project p order p.id', /^line 1:22: expected 'by' but found 'p'$/],
      ['from Project p )', /^line 1:16: unexpected token '\)' \(expected end of query\)$/],
      ['from Project p where p.id in ()', /^line 1:31: expected one of .* but found '\)'$/],
      ['from Project p where p.id # 3', /^line 1:27: unexpected character '#'$/],
      ['from', /^line 1:5: expected identifier but found end of input$/],
      ['', /^line 1:1: expected one of 'select', 'from' but found end of input$|^line 1:1: expected 'from'/],
      ['from Project p where p.x is 3', /^line 1:29: expected one of 'null', 'empty' but found '3'$/],
      ['from Project p where (p.id = 1', /^line 1:31: expected '\)' but found end of input$/],
      ['from Project p where 1 is empty', /^line 1:27: 'is empty' needs a collection path$/],
    ];
    for (const [hql, detail] of cases) {
      it(JSON.stringify(hql), () => {
        const e = parseError(hql);
        assert.ok(e.message.startsWith(`Illegal query:${hql}\n`), e.message);
        assert.match(e.message.slice(`Illegal query:${hql}\n`.length), detail);
      });
    }
  });

  it('random HQL-ish text never fails with anything but QueryException (fast-check)', () => {
    const word = fc.constantFrom(
      'select', 'from', 'where', 'join', 'left', 'outer', 'fetch', 'as', 'and', 'or', 'not', 'in', 'is', 'null', 'like',
      'between', 'exists', 'group', 'by', 'order', 'having', 'distinct', 'new', 'map', 'case', 'when', 'then', 'else', 'end',
      'cast', 'count', 'Project', 'p', 'p.id', 'p.details.owner', ':id', "'x'", "'", '1', '-2.5', '(', ')', ',', '.', '*',
      '=', '<>', '!=', '<=', '>=', '<', '>', '?', '#', 'empty', 'true', 'false', 'index(m)', '\n',
    );
    const check = (text: string): void => {
      try {
        const q: QueryNode = parseHql(text);
        assert.equal(q.kind, 'QueryNode');
      } catch (e) {
        assert.ok(e instanceof QueryException, `${JSON.stringify(text)} threw ${String(e)}`);
        assert.match(e.message, /^Illegal query:/);
      }
    };
    fc.assert(fc.property(fc.array(word, { maxLength: 25 }), (words) => check(words.join(' '))), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ maxLength: 60 }), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => check(`select p from Project p where ${s}`)), { numRuns: 1000 });
  });
});
