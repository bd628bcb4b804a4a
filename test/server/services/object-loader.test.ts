/**
 * The pure half of the loader: rows → model objects (`rowToObject`, `concreteEntity`) and the
 * column ↔ rtype conversions, as IQuery and IUpdate rely on them (reference api §2.4–§2.5).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiUsageException,
  CommentAnnotationI,
  ImageI,
  MapAnnotationI,
  NamedValue,
  ProjectAnnotationLinkI,
  ProjectI,
  RTimeI,
  rdouble,
  rlong,
  rstring,
  rtime,
} from '../../../src/model/index.js';
import { entityDef } from '../../../src/server/db/entities.js';
import { columnToRType, rtypeToColumn } from '../../../src/server/services/column-values.js';
import { concreteEntity, rowToObject, type RowContext } from '../../../src/server/services/object-loader.js';

const noContext: RowContext = { concreteOf: () => undefined, components: () => [] };
const dataRow = { owner_id: 2, group_id: 3, permissions: -56, creation_id: 7, update_id: 8, version: 4 };

describe('rowToObject', () => {
  it('builds a loaded Project: rtypes, version, events as proxies, collections unloaded, no owner yet', () => {
    const p = rowToObject(entityDef('Project'), { ...dataRow, id: 5, name: 'p', description: null }, noContext) as ProjectI;
    assert.ok(p instanceof ProjectI);
    assert.equal(p.isLoaded(), true);
    assert.equal(p.id!.val, 5);
    assert.equal(p.name!.val, 'p');
    assert.equal(p.description, null);
    assert.equal(p.version!.val, 4);
    assert.equal(p.details.creationEvent!.id!.val, 7);
    assert.equal(p.details.updateEvent!.isLoaded(), false);
    assert.equal(p.sizeOfDatasetLinks(), -1);
    assert.equal(p.details.owner, null, 'owner, group and permissions come from decorateObject');
  });

  it('reads an annotation row as its concrete class, with its NamedValues', () => {
    const annotation = entityDef('Annotation');
    const row = { ...dataRow, id: 9, discriminator: '/map/', ns: 'openmicroscopy.org/omero/client/mapAnnotation' };
    const def = concreteEntity(annotation, row)!;
    assert.equal(def.name, 'MapAnnotation');
    const m = rowToObject(def, row, { ...noContext, components: (p, id) => (p === 'mapValue' && id === 9 ? [new NamedValue('a', '1')] : []) });
    assert.ok(m instanceof MapAnnotationI);
    assert.deepEqual(m.getMapValueAsMap(), { a: '1' });
    assert.equal(m.ns!.val, 'openmicroscopy.org/omero/client/mapAnnotation');
    assert.equal(concreteEntity(annotation, { discriminator: '/unknown/' }), undefined);
  });

  it('makes link ends unloaded proxies of their concrete class', () => {
    const row = { ...dataRow, id: 11, parent: 5, child: 9 };
    const link = rowToObject(entityDef('ProjectAnnotationLink'), row, {
      ...noContext,
      concreteOf: (table, id) => (table === 'annotation' && id === 9 ? entityDef('CommentAnnotation') : undefined),
    }) as ProjectAnnotationLinkI;
    assert.ok(link.parent instanceof ProjectI && !link.parent.isLoaded());
    assert.ok(link.child instanceof CommentAnnotationI);
    assert.equal(link.child.id!.val, 9);
  });

  it('converts time columns to RTime in milliseconds', () => {
    const when = new Date('2020-01-02T03:04:05Z');
    const image = rowToObject(entityDef('Image'), { ...dataRow, id: 1, name: 'i', acquisitiondate: when }, noContext) as ImageI;
    assert.ok(image.acquisitionDate instanceof RTimeI);
    assert.equal(image.acquisitionDate.val, when.getTime());
  });
});

describe('column values', () => {
  it('wraps by value kind and keeps SQL null', () => {
    assert.equal(columnToRType('long', '42')!.val, 42);
    assert.equal(columnToRType('bool', true)!.val, true);
    assert.equal(columnToRType('string', null), null);
  });
  it('unwraps rtypes and refuses bare values and impossible numbers', () => {
    assert.equal(rtypeToColumn('string', rstring('x'), 'f'), 'x');
    assert.equal(rtypeToColumn('long', rlong(7), 'f'), 7);
    assert.deepEqual(rtypeToColumn('time', rtime(1000), 'f'), new Date(1000));
    assert.equal(rtypeToColumn('string', null, 'f'), null);
    assert.throws(() => rtypeToColumn('string', 'bare', 'ome.model.containers.Project.name'), (e: unknown) => e instanceof ApiUsageException && /Project\.name/.test((e as Error).message));
    assert.throws(() => rtypeToColumn('long', rdouble(1.5), 'f'), (e: unknown) => e instanceof ApiUsageException && /: 1\.5$/.test((e as Error).message));
  });
});
