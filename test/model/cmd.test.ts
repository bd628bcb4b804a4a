import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Chgrp2,
  Chgrp2Response,
  Chmod2,
  Chmod2Response,
  Chown2,
  Chown2Response,
  ChildOption,
  Delete,
  Delete2,
  Delete2Response,
  DeleteRsp,
  DoAll,
  DoAllRsp,
  ERR,
  GraphException,
  GraphModify2,
  iceStringify,
  OK,
  Request,
  Response,
  SkipHead,
  State,
  Status,
  Unknown,
} from '../../src/model/index.js';

describe('omero.cmd requests', () => {
  it('Delete2 takes positional members (base first) or an options object', () => {
    const positional = new Delete2({ Project: [1, 2] }, [new ChildOption({ excludeType: ['Annotation'] })], true, ['Image']);
    assert.deepEqual(positional.targetObjects, { Project: [1, 2] });
    assert.deepEqual(positional.childOptions?.[0]?.excludeType, ['Annotation']);
    assert.equal(positional.dryRun, true);
    assert.deepEqual(positional.typesToIgnore, ['Image']);
    const named = new Delete2({ targetObjects: { 'omero.model.Project': [3] }, dryRun: true });
    assert.deepEqual(named.targetObjects, { 'omero.model.Project': [3] });
    assert.equal(named.dryRun, true);
    assert.equal(named.childOptions, null);
    assert.ok(named instanceof GraphModify2 && named instanceof Request);
  });

  it('uses Ice/Python defaults for omitted members', () => {
    const d = new Delete2();
    assert.deepEqual([d.targetObjects, d.childOptions, d.dryRun, d.typesToIgnore], [null, null, false, null]);
    const c = new Chgrp2();
    assert.equal(c.groupId, 0);
    assert.equal(new Chmod2().permissions, '');
    assert.deepEqual([new Chown2().userId, new Chown2().targetUsers], [0, null]);
  });

  it('Chgrp2, Chown2, Chmod2, SkipHead keep their own members after the base ones', () => {
    assert.equal(new Chgrp2({ Dataset: [1] }, null, false, 9).groupId, 9);
    const chown = new Chown2({ targetUsers: [5], userId: 3 });
    assert.deepEqual([chown.userId, chown.targetUsers], [3, [5]]);
    assert.equal(new Chmod2({ targetObjects: { ExperimenterGroup: [4] }, permissions: 'rwra--' }).permissions, 'rwra--');
    const inner = new Delete2();
    const skip = new SkipHead({ Image: [1] }, null, false, ['RenderingDef'], inner);
    assert.equal(skip.request, inner);
    assert.deepEqual(skip.startFrom, ['RenderingDef']);
  });

  it('legacy Delete(type, id, options) and DoAll(requests, contexts)', () => {
    const a = new Delete('/Project', 113, null);
    assert.deepEqual([a.type, a.id, a.options], ['/Project', 113, null]);
    assert.equal(new Delete({ type: '/Image', id: 2, options: { '/Annotation': 'KEEP' } }).options?.['/Annotation'], 'KEEP');
    const all = new DoAll([a, new Delete('/Project', 114, null)]);
    assert.equal(all.requests?.length, 2);
    assert.equal(all.contexts, null);
    const ctx = new DoAll({ requests: [a], contexts: [{ 'omero.group': '-1' }] });
    assert.deepEqual(ctx.contexts, [{ 'omero.group': '-1' }]);
  });

  it('ChildOption accepts positional or options', () => {
    const c = new ChildOption(['Project'], null, ['ns']);
    assert.deepEqual([c.includeType, c.excludeType, c.includeNs, c.excludeNs], [['Project'], null, ['ns'], null]);
    assert.equal(c.ice_id(), '::omero::cmd::graphs::ChildOption');
  });

  it('rejects unknown option keys when the first member is not a dictionary, and too many arguments', () => {
    assert.throws(() => new ChildOption({ excludeTypes: ['x'] } as never), /unknown member\(s\) 'excludeTypes'/);
    // @ts-expect-error too many arguments on purpose
    assert.throws(() => new Delete('/P', 1, null, 'x'), /at most 3 arguments/);
  });

  it('reports Ice type ids', () => {
    const table: Array<[{ ice_id(): string }, string]> = [
      [new Request(), '::omero::cmd::Request'],
      [new Delete2(), '::omero::cmd::Delete2'],
      [new Chgrp2(), '::omero::cmd::Chgrp2'],
      [new Chown2(), '::omero::cmd::Chown2'],
      [new Chmod2(), '::omero::cmd::Chmod2'],
      [new SkipHead(), '::omero::cmd::SkipHead'],
      [new DoAll(), '::omero::cmd::DoAll'],
      [new Delete(), '::omero::cmd::Delete'],
      [new Response(), '::omero::cmd::Response'],
      [new OK(), '::omero::cmd::OK'],
      [new ERR(), '::omero::cmd::ERR'],
      [new Unknown(), '::omero::cmd::Unknown'],
      [new GraphException(), '::omero::cmd::GraphException'],
      [new Delete2Response(), '::omero::cmd::Delete2Response'],
      [new Chgrp2Response(), '::omero::cmd::Chgrp2Response'],
      [new Chown2Response(), '::omero::cmd::Chown2Response'],
      [new Chmod2Response(), '::omero::cmd::Chmod2Response'],
      [new DoAllRsp(), '::omero::cmd::DoAllRsp'],
      [new DeleteRsp(), '::omero::cmd::DeleteRsp'],
      [new Status(), '::omero::cmd::Status'],
    ];
    for (const [value, id] of table) assert.equal(value.ice_id(), id);
  });

  it('prints a legacy Delete as Python does', () => {
    assert.equal(
      iceStringify(new Delete('/Project', 113, null)),
      'object #0 (::omero::cmd::Delete)\n{\n    type = /Project\n    id = 113\n    options = {}\n}',
    );
  });
});

describe('omero.cmd responses and status', () => {
  it('response hierarchy', () => {
    assert.ok(new Delete2Response() instanceof OK);
    assert.ok(new DoAllRsp() instanceof OK && new DoAllRsp() instanceof Response);
    assert.ok(new GraphException() instanceof ERR);
    assert.ok(new Unknown() instanceof ERR);
    assert.ok(!(new ERR() instanceof OK));
  });

  it('response members', () => {
    const d = new Delete2Response({ deletedObjects: { 'ome.model.containers.Project': [113] } });
    assert.deepEqual(d.deletedObjects, { 'ome.model.containers.Project': [113] });
    const c = new Chmod2Response({ 'ome.model.meta.ExperimenterGroup': [5] }, {});
    assert.deepEqual(c.includedObjects, { 'ome.model.meta.ExperimenterGroup': [5] });
    assert.deepEqual(c.deletedObjects, {});
    assert.deepEqual(new Chgrp2Response({ includedObjects: {} }).deletedObjects, null);
    assert.equal(new Chown2Response().includedObjects, null);
    const rsp = new DeleteRsp('', {}, 6, 0, 1);
    assert.deepEqual([rsp.warning, rsp.undeletedFiles, rsp.steps, rsp.scheduledDeletes, rsp.actualDeletes], ['', {}, 6, 0, 1]);
    const all = new DoAllRsp([rsp], [new Status({ steps: 6 })]);
    assert.equal(all.responses?.[0], rsp);
    assert.equal(all.status?.[0]?.steps, 6);
    const ge = new GraphException({ name: 'graph-fail', message: 'cannot read all the specified objects of class ome.model.containers.Project' });
    assert.equal(ge.category, '');
    assert.match(ge.message, /^cannot read/);
    assert.deepEqual(new ERR('c', 'n', { a: 'b' }).parameters, { a: 'b' });
  });

  it('State enumerates ALL, ACTIVE, INACTIVE, SUCCESS, FAILURE, CANCELLED; Status defaults', () => {
    assert.deepEqual(Object.keys(State), ['ALL', 'ACTIVE', 'INACTIVE', 'SUCCESS', 'FAILURE', 'CANCELLED']);
    assert.equal(State.FAILURE, 'FAILURE');
    const s = new Status();
    assert.deepEqual(
      [s.source, s.category, s.name, s.flags, s.parameters, s.currentStep, s.steps, s.startTime, s.stepStartTimes, s.stepStopTimes, s.stopTime],
      [null, '', '', null, null, 0, 0, 0, null, null, 0],
    );
    const failed = new Status({ flags: [State.FAILURE], currentStep: 2, steps: 6 });
    assert.ok(failed.flags?.includes(State.FAILURE));
    assert.equal(new Status(null, 'cat', 'nm').category, 'cat');
  });
});
