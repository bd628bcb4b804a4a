import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as surface from '../../src/model/index.js';
import { cmd, exceptions, glacier2, graphs, model, rtypes, sys } from '../../src/model/namespaces.js';

describe('namespace objects (omero.model, omero.rtypes, omero.sys, omero.cmd, omero.*)', () => {
  it('are frozen', () => {
    for (const ns of [model, rtypes, sys, cmd, graphs, exceptions, glacier2]) assert.ok(Object.isFrozen(ns));
  });

  it('omero.model holds the model classes, PermissionsI, DetailsI and NamedValue', () => {
    for (const name of [
      'ProjectI', 'DatasetI', 'ImageI', 'ProjectDatasetLinkI', 'DatasetImageLinkI', 'CommentAnnotationI', 'TagAnnotationI',
      'MapAnnotationI', 'LongAnnotationI', 'BooleanAnnotationI', 'DoubleAnnotationI', 'TimestampAnnotationI',
      'TermAnnotationI', 'ProjectAnnotationLinkI', 'DatasetAnnotationLinkI', 'ImageAnnotationLinkI', 'ExperimenterI',
      'ExperimenterGroupI', 'GroupExperimenterMapI', 'SessionI', 'EventI', 'PermissionsI', 'DetailsI', 'NamedValue',
    ]) {
      assert.equal(typeof (model as Record<string, unknown>)[name], 'function', name);
    }
    assert.equal(model.PermissionsI, surface.PermissionsI);
    assert.ok(Object.keys(model).every((k) => /^[A-Z]/.test(k)), 'only classes in omero.model');
  });

  it('omero.rtypes holds the factories and classes', () => {
    for (const name of ['rstring', 'rlong', 'rint', 'rbool', 'rtime', 'rdouble', 'rfloat', 'rlist', 'rset', 'rmap', 'robject', 'rtype', 'wrap', 'unwrap', 'RStringI', 'RLongI', 'RListI', 'RMapI']) {
      assert.equal(typeof (rtypes as Record<string, unknown>)[name], 'function', name);
    }
    assert.equal(rtypes.rstring('a').val, 'a');
  });

  it('omero.sys and omero.cmd', () => {
    assert.deepEqual(Object.keys(sys).sort(), ['EventContext', 'Filter', 'Options', 'Parameters', 'ParametersI', 'Principal', 'Roles']);
    for (const name of ['Delete2', 'Chgrp2', 'Chown2', 'Chmod2', 'DoAll', 'SkipHead', 'Delete', 'OK', 'ERR', 'GraphException', 'Delete2Response', 'DoAllRsp', 'DeleteRsp', 'Status', 'Unknown']) {
      assert.equal(typeof (cmd as Record<string, unknown>)[name], 'function', name);
    }
    assert.equal(cmd.State.SUCCESS, 'SUCCESS');
    assert.equal(cmd.graphs.ChildOption, surface.ChildOption);
  });

  it('exceptions at omero.* and Glacier2.*', () => {
    for (const name of [
      'ServerError', 'InternalException', 'ApiUsageException', 'QueryException', 'ValidationException', 'OverUsageException',
      'SecurityViolation', 'GroupSecurityViolation', 'ReadOnlyGroupSecurityViolation', 'PermissionMismatchGroupSecurityViolation',
      'SessionException', 'RemovedSessionException', 'SessionTimeoutException', 'ConcurrencyException', 'OptimisticLockException',
      'LockTimeout', 'ClientError', 'CmdError', 'UnloadedEntityException', 'UnloadedCollectionException',
    ]) {
      const cls = (exceptions as Record<string, unknown>)[name] as { prototype: Error };
      assert.equal(typeof cls, 'function', name);
      assert.equal(cls.prototype.name, name);
    }
    assert.equal(glacier2.PermissionDeniedException, surface.PermissionDeniedException);
    assert.equal(glacier2.CannotCreateSessionException, surface.CannotCreateSessionException);
  });

  it('no two namespaces (spread at top level by the shell) disagree on a name', () => {
    const seen = new Map<string, unknown>();
    for (const ns of [model, rtypes, sys, cmd, exceptions]) {
      for (const [name, value] of Object.entries(ns)) {
        if (seen.has(name)) assert.equal(seen.get(name), value, name);
        seen.set(name, value);
      }
    }
  });

  it('index re-exports the layers and the namespaces', () => {
    for (const name of ['iceStringify', 'toWire', 'fromWire', 'lookupModelClass', 'parsePermissions', 'formatPermissions', 'pyRepr', 'isIceDescribable']) {
      assert.equal(typeof (surface as Record<string, unknown>)[name], 'function', name);
    }
    assert.equal(surface.model, model);
    assert.equal(surface.cmd, cmd);
  });
});
