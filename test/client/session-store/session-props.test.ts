import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quoteHost, unquoteHost } from '../../../src/client/session-store/quote-host.js';
import { formatProps, parseProps } from '../../../src/client/session-store/session-props.js';

describe('quoteHost (Python urllib.parse.quote(host, safe=""))', () => {
  // Expected values produced by CPython 3.11: quote(s, safe='').
  const cases: [string, string][] = [
    ['localhost', 'localhost'],
    ['omero.example.org', 'omero.example.org'],
    ['::1', '%3A%3A1'],
    ['[::1]', '%5B%3A%3A1%5D'],
    ["a!'()*~_.-b:/@é", 'a%21%27%28%29%2A~_.-b%3A%2F%40%C3%A9'],
    ['a b+c', 'a%20b%2Bc'],
  ];
  for (const [host, quoted] of cases) {
    it(`${host} → ${quoted}`, () => {
      assert.equal(quoteHost(host), quoted);
      assert.equal(unquoteHost(quoted), host);
    });
  }
  it('leaves a name that is not valid percent-encoding alone', () => {
    assert.equal(unquoteHost('100%'), '100%');
  });
});

describe('formatProps / parseProps', () => {
  it('orders known keys as omero-py and puts other keys before omero.sess', () => {
    assert.equal(
      formatProps({ 'omero.sess': 's', x: '1', 'omero.user': 'u', 'omero.host': 'h', 'omero.sudo': 'r', 'omero.group': 'g' }),
      'omero.group=g\nomero.host=h\nomero.user=u\nx=1\nomero.sess=s\nomero.sudo=r\n',
    );
  });
  it('refuses keys and values that break the line format', () => {
    assert.throws(() => formatProps({ 'a=b': 'c' }), /invalid session property name/);
    assert.throws(() => formatProps({ a: 'b\rc' }), /invalid value/);
    assert.throws(() => formatProps({ '': 'c' }), /invalid session property name/);
  });
  it('parses like SessionsStore.props: first "=" splits, blank lines skipped, later duplicates win', () => {
    assert.deepEqual(parseProps('a=1\n\nb=x=y\nflag\na=2'), { a: '2', b: 'x=y', flag: '' });
  });
  it('keeps a __proto__ key as data', () => {
    const props = parseProps('__proto__=x\n');
    assert.equal(Object.getPrototypeOf(props), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(props, '__proto__')?.value, 'x');
  });
});
