import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  concreteSubclasses,
  ENTITIES,
  entityDef,
  entityForDiscriminator,
  findEntity,
  findProperty,
} from '../../../src/server/db/entities.js';
import { lookupModelClass } from '../../../src/model/index.js';

describe('entity map', () => {
  it('finds entities by every OMERO spelling', () => {
    for (const name of ['Project', 'ProjectI', 'omero.model.Project', 'omero.model.ProjectI', 'ome.model.containers.Project']) {
      assert.equal(findEntity(name)?.table, 'project', name);
    }
    assert.equal(findEntity('ome.model.annotations.TagAnnotation')?.discriminator, '/basic/text/tag/');
    assert.equal(findEntity('ome.model.meta.Experimenter')?.kind, 'global');
    assert.equal(findEntity('project'), undefined);
    assert.equal(findEntity('Pixels'), undefined);
    assert.equal(findEntity('toString'), undefined);
  });

  it('classifies tables', () => {
    const kinds = Object.fromEntries(Object.values(ENTITIES).map((e) => [e.name, e.kind]));
    for (const n of ['Experimenter', 'ExperimenterGroup', 'GroupExperimenterMap', 'Event']) assert.equal(kinds[n], 'global', n);
    assert.equal(kinds.Session, 'session');
    for (const n of ['Project', 'Dataset', 'Image', 'ProjectDatasetLink', 'DatasetImageLink', 'Annotation', 'MapAnnotation', 'ImageAnnotationLink']) {
      assert.equal(kinds[n], 'data', n);
    }
  });

  it('names OMERO server classes and model classes', () => {
    assert.equal(entityDef('Project').serverClass, 'ome.model.containers.Project');
    assert.equal(entityDef('Image').serverClass, 'ome.model.core.Image');
    assert.equal(entityDef('ImageAnnotationLink').serverClass, 'ome.model.annotations.ImageAnnotationLink');
    assert.equal(entityDef('GroupExperimenterMap').serverClass, 'ome.model.meta.GroupExperimenterMap');
    for (const def of Object.values(ENTITIES)) {
      const cls = lookupModelClass(def.name);
      assert.ok(cls, def.name);
      assert.equal(cls.meta.serverClass, def.serverClass, def.name);
      assert.equal(cls.meta.abstract, def.abstract, def.name);
    }
  });

  it('masks Experimenter name and contact columns', () => {
    const e = entityDef('Experimenter').properties;
    const masks = Object.fromEntries(Object.entries(e).flatMap(([k, p]) => (p.kind === 'scalar' && p.mask ? [[k, p.mask]] : [])));
    assert.deepEqual(masks, {
      omeName: 'hidden',
      firstName: 'hidden',
      lastName: 'hidden',
      middleName: 'null',
      institution: 'null',
      email: 'null',
    });
  });

  it('describes the annotation hierarchy', () => {
    const base = entityDef('Annotation');
    assert.equal(base.abstract, true);
    assert.deepEqual(
      concreteSubclasses(base).map((d) => d.name),
      ['CommentAnnotation', 'TagAnnotation', 'MapAnnotation', 'LongAnnotation', 'DoubleAnnotation', 'BooleanAnnotation', 'TimestampAnnotation', 'TermAnnotation'],
    );
    assert.equal(entityForDiscriminator(base, '/map/')?.name, 'MapAnnotation');
    assert.equal(entityForDiscriminator(base, '/basic/text/xml/'), undefined);
    assert.equal(findProperty(base, 'textValue')?.kind, 'scalar');
    assert.equal(findProperty(entityDef('LongAnnotation'), 'textValue'), undefined);
    assert.equal(findProperty(entityDef('MapAnnotation'), 'mapValue')?.kind, 'components');
  });

  it('collections point at an inverse reference of their target', () => {
    for (const def of Object.values(ENTITIES)) {
      for (const [name, p] of Object.entries(def.properties)) {
        if (p.kind !== 'collection') continue;
        const inverse = entityDef(p.target).properties[p.inverse];
        assert.equal(inverse?.kind, 'reference', `${def.name}.${name}`);
        assert.equal(inverse.kind === 'reference' && inverse.target, def.name, `${def.name}.${name}`);
      }
    }
    assert.ok(Object.isFrozen(ENTITIES) && Object.isFrozen(ENTITIES.Project!.properties));
  });
});
