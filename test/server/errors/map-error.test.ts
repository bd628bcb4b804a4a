/** How driver errors become OMERO exceptions: a lost database is "busy, try again", never internal. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseBusyException, InternalException, ValidationException } from '../../../src/model/index.js';
import { mapError } from '../../../src/server/errors/map-error.js';

describe('mapError', () => {
  it('maps a killed backend, a refused connection and a dead socket to DatabaseBusyException', () => {
    const lost = [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '55000', message: 'database "x" is not currently accepting connections' },
      { code: '08006', message: 'connection failure' },
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      { message: 'ROLLBACK - Client has encountered a connection error and is not queryable' },
      { message: 'Connection terminated unexpectedly' },
      { name: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection.' },
    ];
    for (const e of lost) {
      const mapped = mapError(Object.assign(new Error(e.message), e));
      assert.ok(mapped instanceof DatabaseBusyException, `${e.message} → ${mapped.constructor.name}`);
      assert.doesNotMatch(mapped.message, /ROLLBACK|127\.0\.0\.1/);
    }
  });

  it('leaves other errors as they were (control)', () => {
    assert.ok(mapError(Object.assign(new Error('dup'), { code: '23505' })) instanceof ValidationException);
    assert.ok(mapError(new Error('a bug')) instanceof InternalException);
  });
});
