import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiUsageException, toWire } from '../../src/model/index.js';
import { checkRequest, requestArguments } from '../../src/server/request-shape.js';

describe('checkRequest', () => {
  it('accepts the requests of the contract', () => {
    const r = { op: 'invoke', key: 'k', service: 'IAdmin', method: 'getEventContext', args: [] };
    assert.equal(checkRequest(r), r);
    assert.equal(checkRequest({ op: 'ping' }).op, 'ping');
  });

  it('refuses what is not a request, an unknown op and fields of the wrong type', () => {
    for (const bad of [null, 'ping', [], { op: 'drop' }, { op: 'join' }, { op: 'login', username: 'a', password: 1 }, { op: 'login', username: 'a', password: 'b', group: 3 }, { op: 'invoke', key: 'k', service: 'IAdmin', method: 'm', ctx: { 'omero.group': 1 } }]) {
      assert.throws(() => checkRequest(bad), ApiUsageException, JSON.stringify(bad));
    }
  });
});

describe('requestArguments', () => {
  it('decodes the wire format into the values sent', () => {
    const sent = [new Set([1, 2]), new Map([['a', 1n]]), new Date(5), undefined];
    assert.deepEqual(requestArguments(toWire(sent)), sent);
  });

  it('refuses wire data that does not decode, as a usage error naming the fault', () => {
    const cases: [unknown, RegExp][] = [
      [[{ $s: '' }], /Malformed arguments: expected an array/],
      [[{ $ref: 9 }], /Malformed arguments: dangling reference 9/],
      [[{ $c: 'NoSuchClassI', f: {} }], /Malformed arguments: unknown class NoSuchClassI/],
      [[{ $b: 'x' }], /Malformed arguments/],
      [[{ $a: [], $id: 'one' }], /Malformed arguments: bad \$id/],
      [{ $m: [] }, /Arguments must be a list/],
      [7, /Arguments must be a list/],
    ];
    for (const [args, message] of cases) {
      assert.throws(() => requestArguments(args), (e: unknown) => e instanceof ApiUsageException && message.test(e.message), JSON.stringify(args));
    }
  });
});
