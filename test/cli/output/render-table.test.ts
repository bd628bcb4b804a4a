/**
 * renderTable against omero-py's own output. fixtures/text-py-goldens.json holds
 * `str(table)` for each table below and each style, produced by the Python 3 code paths of
 * omero-py src/omero/util/text.py (@66f25a01: csv rows written with `lineterminator=''`) run on
 * CPython 3.13, with cells filled positionally as `TableBuilder.row(*cells)` does.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderTable, TABLE_STYLES, isTableStyle, type Table } from '../../../src/cli/output/render-table.js';

const goldens = JSON.parse(
  readFileSync(new URL('./fixtures/text-py-goldens.json', import.meta.url), 'utf8'),
) as Record<string, string>;

const TABLES: Record<string, Table> = {
  users: {
    headers: ['id', 'login', 'first name', 'last name', 'email', 'active', 'ldap', 'admin', 'member of', 'owner of'],
    rows: [
      [2, 'jsmith', 'John', 'Smith', 'j@x.org', 'Yes', false, '', '3,5', '4'],
      [3, 'mrß', 'Ünï', 'Cødé 😀', '', '', true, 'Yes', '', ''],
    ],
  },
  empty: { headers: ['id', 'name'], rows: [] },
  one: { headers: ['Col1'], rows: [[null]] },
  quotes: {
    headers: ['a', 'b', 'c'],
    rows: [
      ['x"y', 'p,q', 'line\nbreak'],
      ['', ' sp ', 'tab\there'],
    ],
  },
  'single-empty': { headers: ['only'], rows: [[''], ['v']] },
  nums: {
    headers: ['#', 'Col1', 'Col2'],
    rows: [
      [0, 1.5, 1e-5],
      [1, -2, 1.5e-7],
      [2, 600, 123456.789],
    ],
  },
  dup: { headers: ['a', 'b', 'a'], rows: [['1', '2', '3']] },
  ctrl: { headers: ['k'], rows: [['\x01\x7f\u00e9\\/\b\f\r']] },
};

describe('renderTable matches omero-py byte for byte', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    for (const style of TABLE_STYLES) {
      it(`${name} / ${style}`, () => {
        const expected = goldens[`${name}/${style}`];
        assert.equal(typeof expected, 'string', `missing golden ${name}/${style}`);
        assert.equal(renderTable(table, style), expected);
      });
    }
  }
  it('page / sql: the paged footer of hql', () => {
    const table: Table = { headers: ['#', 'Col1'], rows: [[0, 'a'], [1, 'b']], page: { offset: 0, total: 57 } };
    assert.equal(renderTable(table, 'sql'), goldens['page/sql']);
  });
});

describe('renderTable: the reference examples (cli §0.3)', () => {
  const users: Table = {
    headers: ['id', 'login', 'first name', 'last name', 'email', 'active', 'ldap', 'admin', 'member of', 'owner of'],
    rows: [[2, 'jsmith', 'John', 'Smith', 'j@x.org', 'Yes', false, '', '3,5', '4']],
  };
  it('sql is the default and keeps trailing spaces', () => {
    assert.equal(
      renderTable(users),
      [
        ' id | login  | first name | last name | email   | active | ldap  | admin | member of | owner of ',
        '----+--------+------------+-----------+---------+--------+-------+-------+-----------+----------',
        ' 2  | jsmith | John       | Smith     | j@x.org | Yes    | False |       | 3,5       | 4        ',
        '(1 row)',
      ].join('\n'),
    );
  });
  it('csv quotes "3,5" but not the header', () => {
    assert.equal(
      renderTable(users, 'csv'),
      'id,login,first name,last name,email,active,ldap,admin,member of,owner of\n2,jsmith,John,Smith,j@x.org,Yes,False,,"3,5",4',
    );
  });
  it('json spacing and string values', () => {
    assert.equal(
      renderTable({ headers: ['id', 'login'], rows: [[2, 'jsmith'], [3, 'x']] }, 'json'),
      '[{"id": "2", "login": "jsmith"},\n{"id": "3", "login": "x"}]',
    );
  });
});

describe('renderTable: edges', () => {
  it('prints missing trailing cells as empty and undefined as empty', () => {
    assert.equal(renderTable({ headers: ['a', 'b'], rows: [[1], [undefined, 2]] }, 'csv'), 'a,b\n1,\n,2');
  });
  it('refuses rows wider than the headers and tables without columns', () => {
    assert.throws(() => renderTable({ headers: ['a'], rows: [[1, 2]] }), /row 0 has 2 cells for 1 columns/);
    assert.throws(() => renderTable({ headers: [], rows: [] }), /at least one column/);
  });
  it('pads by code points, as Python does', () => {
    assert.equal(renderTable({ headers: ['x'], rows: [['😀']] }), ' x \n---\n 😀 \n(1 row)');
    assert.equal(renderTable({ headers: ['x'], rows: [['😀😀']] }), ' x  \n----\n 😀😀 \n(1 row)');
  });
  it('isTableStyle accepts exactly the four styles', () => {
    assert.deepEqual(TABLE_STYLES, ['csv', 'json', 'plain', 'sql']);
    assert.equal(isTableStyle('json'), true);
    assert.equal(isTableStyle('tsv'), false);
  });
});
