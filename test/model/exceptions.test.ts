import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiUsageException,
  AuthenticationException,
  CannotCreateSessionException,
  ClientError,
  CmdError,
  ConcurrencyException,
  ConcurrentModification,
  DatabaseBusyException,
  ERR,
  ExpiredCredentialException,
  GroupSecurityViolation,
  iceStringify,
  InternalException,
  LockTimeout,
  MissingPyramidException,
  OptimisticLockException,
  OverUsageException,
  PermissionDeniedException,
  PermissionMismatchGroupSecurityViolation,
  QueryException,
  ReadOnlyGroupSecurityViolation,
  RemovedSessionException,
  ResourceError,
  SecurityViolation,
  ServerError,
  SessionException,
  SessionTimeoutException,
  ShutdownInProgress,
  TryAgain,
  UnloadedCollectionException,
  UnloadedEntityException,
  ValidationException,
  WrappedCreateSessionException,
} from '../../src/model/index.js';

type ServerErrorClass = new (message?: string) => ServerError;

const SERVER_ERRORS: Array<[ServerErrorClass, string, ServerErrorClass | null, string]> = [
  [ServerError, 'ServerError', null, 'ome.conditions.RootException'],
  [InternalException, 'InternalException', ServerError, 'ome.conditions.InternalException'],
  [ResourceError, 'ResourceError', ServerError, 'ome.conditions.ResourceError'],
  [ApiUsageException, 'ApiUsageException', ServerError, 'ome.conditions.ApiUsageException'],
  [QueryException, 'QueryException', ApiUsageException, 'ome.services.query.QueryException'],
  [ValidationException, 'ValidationException', ApiUsageException, 'ome.conditions.ValidationException'],
  [OverUsageException, 'OverUsageException', ApiUsageException, 'ome.conditions.OverUsageException'],
  [SecurityViolation, 'SecurityViolation', ServerError, 'ome.conditions.SecurityViolation'],
  [GroupSecurityViolation, 'GroupSecurityViolation', SecurityViolation, 'ome.conditions.GroupSecurityViolation'],
  [ReadOnlyGroupSecurityViolation, 'ReadOnlyGroupSecurityViolation', SecurityViolation, 'ome.conditions.ReadOnlyGroupSecurityViolation'],
  [
    PermissionMismatchGroupSecurityViolation,
    'PermissionMismatchGroupSecurityViolation',
    SecurityViolation,
    'ome.conditions.PermissionMismatchGroupSecurityViolation',
  ],
  [SessionException, 'SessionException', ServerError, 'ome.conditions.SessionException'],
  [RemovedSessionException, 'RemovedSessionException', SessionException, 'ome.conditions.RemovedSessionException'],
  [SessionTimeoutException, 'SessionTimeoutException', SessionException, 'ome.conditions.SessionTimeoutException'],
  [ShutdownInProgress, 'ShutdownInProgress', SessionException, 'ome.conditions.ShutdownInProgress'],
  [ConcurrencyException, 'ConcurrencyException', ServerError, 'ome.conditions.ConcurrencyException'],
  [ConcurrentModification, 'ConcurrentModification', ConcurrencyException, 'ome.conditions.ConcurrentModification'],
  [DatabaseBusyException, 'DatabaseBusyException', ConcurrencyException, 'ome.conditions.DatabaseBusyException'],
  [OptimisticLockException, 'OptimisticLockException', ConcurrencyException, 'ome.conditions.OptimisticLockException'],
  [LockTimeout, 'LockTimeout', ConcurrencyException, 'ome.conditions.LockTimeout'],
  [TryAgain, 'TryAgain', ConcurrencyException, 'ome.conditions.TryAgain'],
  [MissingPyramidException, 'MissingPyramidException', ConcurrencyException, 'ome.conditions.MissingPyramidException'],
];

describe('server exceptions (blitz ServerErrors.ice)', () => {
  for (const [Cls, name, Parent, javaClass] of SERVER_ERRORS) {
    it(`${name}: name, parent, Ice id, default serverExceptionClass`, () => {
      const e = new Cls('boom');
      assert.ok(e instanceof Error);
      assert.ok(e instanceof ServerError);
      if (Parent !== null) assert.ok(e instanceof Parent);
      assert.equal(e.name, name);
      assert.equal(String(e), `${name}: boom`);
      assert.equal(e.message, 'boom');
      assert.equal(e.ice_id(), `::omero::${name}`);
      assert.equal(e.serverExceptionClass, javaClass);
      assert.equal(e.serverStackTrace, '');
      assert.equal(Object.hasOwn(e, 'name'), false);
    });
  }

  it('follows the Ice mapping: the group violations are siblings under SecurityViolation', () => {
    assert.ok(!(new ReadOnlyGroupSecurityViolation('x') instanceof GroupSecurityViolation));
    assert.ok(new ReadOnlyGroupSecurityViolation('x') instanceof SecurityViolation);
  });

  it('takes serverExceptionClass as a string or an init object, then a stack trace', () => {
    const a = new ApiUsageException('No such group: foo', 'java.lang.IllegalArgumentException', 'at x');
    assert.equal(a.serverExceptionClass, 'java.lang.IllegalArgumentException');
    assert.equal(a.serverStackTrace, 'at x');
    const b = new SecurityViolation('m', { serverStackTrace: 'trace', serverExceptionClass: 'X' });
    assert.equal(b.serverStackTrace, 'trace');
    assert.equal(b.serverExceptionClass, 'X');
    assert.throws(() => new SecurityViolation('m', { seconds: 3 }), /has no member 'seconds'/);
    assert.equal(new ServerError().message, '');
  });

  it('carries extra members: backOff, seconds, pixelsID', () => {
    const c = new ConcurrencyException('c', { backOff: 100 });
    assert.equal(c.backOff, 100);
    assert.equal(new OptimisticLockException('o').backOff, 0);
    const t = new LockTimeout('Command unfinished after 10.0 seconds', { backOff: 5000, seconds: 10 });
    assert.deepEqual([t.backOff, t.seconds], [5000, 10]);
    const py = new LockTimeout('Command unfinished after 10.0 seconds', 5000, 10);
    assert.deepEqual([py.backOff, py.seconds, py.serverExceptionClass], [5000, 10, 'ome.conditions.LockTimeout']);
    assert.deepEqual([new LockTimeout('x', 5000).seconds, new LockTimeout('x').seconds], [0, 0]);
    assert.equal(new LockTimeout('x', 'Cls', 'st').serverStackTrace, 'st');
    assert.equal(new MissingPyramidException('p', { pixelsID: 4 }).pixelsID, 4);
    assert.equal(
      iceStringify(t),
      [
        'exception ::omero::LockTimeout',
        '{',
        '    serverStackTrace = ',
        '    serverExceptionClass = ome.conditions.LockTimeout',
        '    message = Command unfinished after 10.0 seconds',
        '    backOff = 5000',
        '    seconds = 10',
        '}',
      ].join('\n'),
    );
  });

  it('prints a multi-line server stack trace raw', () => {
    const e = new ValidationException('No row', 'ome.conditions.ValidationException', 'line1\n        at a.b(C.java:1)\n');
    assert.ok(iceStringify(e).includes('    serverStackTrace = line1\n        at a.b(C.java:1)\n\n    serverExceptionClass'));
  });
});

describe('client and login exceptions', () => {
  it('ClientError family', () => {
    const c = new ClientError('Proxies require an id');
    assert.equal(String(c), 'ClientError: Proxies require an id');
    assert.ok(new UnloadedEntityException('x') instanceof ClientError);
    const u = new UnloadedCollectionException('y');
    assert.ok(u instanceof UnloadedEntityException && u instanceof ClientError);
    assert.equal(u.name, 'UnloadedCollectionException');
    assert.ok(!(c instanceof ServerError));
  });

  it('CmdError carries the ERR and its message is a newline plus the ERR dump', () => {
    const err = new ERR('::omero::cmd::Delete2', 'graph-fail', { message: 'nope' });
    const e = new CmdError(err);
    assert.equal(e.err, err);
    assert.equal(e.message, `\n${iceStringify(err)}`);
    assert.equal(e.name, 'CmdError');
    assert.equal(new CmdError(err, 'custom').message, 'custom');
  });

  it('Glacier2 login exceptions carry a reason', () => {
    const p = new PermissionDeniedException("Password check failed for 'user-2': [id=10]");
    assert.equal(p.reason, "Password check failed for 'user-2': [id=10]");
    assert.equal(p.message, p.reason);
    assert.equal(p.ice_id(), '::Glacier2::PermissionDeniedException');
    assert.equal(String(p), "PermissionDeniedException: Password check failed for 'user-2': [id=10]");
    assert.equal(iceStringify(p), `exception ::Glacier2::PermissionDeniedException\n{\n    reason = ${p.reason}\n}`);
    const c = new CannotCreateSessionException('no');
    assert.equal(c.ice_id(), '::Glacier2::CannotCreateSessionException');
    assert.ok(new AuthenticationException('a') instanceof CannotCreateSessionException);
    assert.equal(new ExpiredCredentialException('e').ice_id(), '::omero::ExpiredCredentialException');
    const w = new WrappedCreateSessionException('busy', true, 500, '::omero::DatabaseBusyException');
    assert.deepEqual([w.reason, w.concurrency, w.backOff, w.type], ['busy', true, 500, '::omero::DatabaseBusyException']);
    assert.ok(iceStringify(w).endsWith('    reason = busy\n    concurrency = True\n    backOff = 500\n    type = ::omero::DatabaseBusyException\n}'));
  });
});
