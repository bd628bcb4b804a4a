/** Python str()/json.dumps/csv conversions; expected values checked against CPython 3.13. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pyCsvRow, pyJsonObject, pyJsonString, pyLen, pyStr } from '../../../src/cli/output/py-format.js';

describe('pyStr (Python str())', () => {
  const cases: [unknown, string][] = [
    ['text', 'text'],
    [null, 'None'],
    [undefined, ''],
    [true, 'True'],
    [false, 'False'],
    [0, '0'],
    [-0, '0'],
    [4064, '4064'],
    [2 ** 53 + 2, '9007199254740994'],
    [1e21, '1e+21'],
    [1.5, '1.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-1.5e-7, '-1.5e-07'],
    [1.2345e-100, '1.2345e-100'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [12345678901234567890n, '12345678901234567890'],
  ];
  for (const [value, expected] of cases) {
    it(`${String(value)} → ${expected}`, () => assert.equal(pyStr(value), expected));
  }
  it('uses String() for other objects', () => {
    assert.equal(pyStr({ toString: () => 'ExperimenterI:0' }), 'ExperimenterI:0');
  });
});

describe('pyJsonString / pyJsonObject (json.dumps, ensure_ascii)', () => {
  it('escapes like Python', () => {
    // json.dumps('"\\\n\r\t\b\f\x01\x7f é😀~ ') in CPython 3.13
    assert.equal(
      pyJsonString('"\\\n\r\t\b\f\x01\x7f é😀~ '),
      '"\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f \\u00e9\\ud83d\\ude00~ "',
    );
  });
  it('uses ", " and ": " separators', () => {
    assert.equal(pyJsonObject([['a', '1'], ['b', '']]), '{"a": "1", "b": ""}');
    assert.equal(pyJsonObject([]), '{}');
  });
});

describe('pyCsvRow (csv.writer, lineterminator="")', () => {
  const cases: [string[], string][] = [
    [['a', 'b'], 'a,b'],
    [['3,5'], '"3,5"'],
    [['x"y'], '"x""y"'],
    [['a\nb', 'c'], '"a\nb",c'],
    [['a\rb'], '"a\rb"'],
    [[''], '""'],
    [['', ''], ','],
    [[], ''],
    [[' a ', '\t'], ' a ,\t'],
  ];
  for (const [fields, expected] of cases) {
    it(`${JSON.stringify(fields)} → ${JSON.stringify(expected)}`, () => assert.equal(pyCsvRow(fields), expected));
  }
});

describe('pyLen', () => {
  it('counts code points', () => {
    assert.equal(pyLen('a😀é'), 3);
    assert.equal(pyLen(''), 0);
  });
});
