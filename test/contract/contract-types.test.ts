/**
 * The contract types both sides: these lines must NOT compile, and `tsc -p tsconfig.test.json`
 * (run by .ci/run) fails if one of them does (`@ts-expect-error` on a line without an error is
 * itself an error). The runtime part only checks that the file ran.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Blocking, IQuery, Served } from '../../src/contract/index.js';
import type { RemoteSession } from '../../src/client/remote.js';
import type { CallContext } from '../../src/server/call/call-context.js';

export function clientSide(remote: RemoteSession): void {
  // @ts-expect-error a method that no contract has cannot be called
  remote.call('IAdmin', 'dropAllTables', []);
  // @ts-expect-error arguments are typed by the contract
  remote.call('IQuery', 'findAllByQuery', [42]);
  // @ts-expect-error results are typed by the contract
  const n: number = remote.call('IAdmin', 'getEventContext', []);
  void n;
  // @ts-expect-error a service that does not exist
  remote.call('IScript', 'runScript', []);
}

// @ts-expect-error a server class must serve every method of its contract
export class HalfQueryService implements Served<IQuery, CallContext> {
  async findAllByQuery(): Promise<never[]> {
    return [];
  }
}

export class WrongProxy implements Partial<Blocking<IQuery>> {
  // @ts-expect-error a proxy method must take the contract's arguments
  get(klass: number, id: string): never {
    throw new Error(`${klass} ${id}`);
  }
}

it('the contract type checks ran (see tsc)', () => {
  assert.equal(typeof HalfQueryService, 'function');
});
