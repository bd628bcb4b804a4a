import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ClientError,
  DatasetI,
  ExperimenterGroupI,
  ExperimenterI,
  getCollections,
  getField,
  getFields,
  getModelMeta,
  getRequiredFields,
  ImageI,
  lookupModelClass,
  MODEL_CLASSES,
  NamedValue,
  ProjectI,
  proxyToInstance,
  RBoolI,
  RLongI,
  RStringI,
  wrapFieldValue,
  type FieldMeta,
} from '../../src/model/index.js';

describe('lookupModelClass (IceMapper.omeroClass spellings)', () => {
  it('finds Project under every spelling', () => {
    for (const name of [
      'Project',
      'ProjectI',
      'omero.model.Project',
      'omero.model.ProjectI',
      'ome.model.containers.Project',
      '::omero::model::Project',
    ]) {
      assert.equal(lookupModelClass(name), ProjectI, name);
    }
  });

  it('knows the server class names', () => {
    const table: Array<[string, string]> = [
      ['Experimenter', 'ome.model.meta.Experimenter'],
      ['ExperimenterGroup', 'ome.model.meta.ExperimenterGroup'],
      ['GroupExperimenterMap', 'ome.model.meta.GroupExperimenterMap'],
      ['Image', 'ome.model.core.Image'],
      ['Dataset', 'ome.model.containers.Dataset'],
      ['ProjectDatasetLink', 'ome.model.containers.ProjectDatasetLink'],
      ['DatasetImageLink', 'ome.model.containers.DatasetImageLink'],
      ['CommentAnnotation', 'ome.model.annotations.CommentAnnotation'],
      ['TagAnnotation', 'ome.model.annotations.TagAnnotation'],
      ['MapAnnotation', 'ome.model.annotations.MapAnnotation'],
      ['ProjectAnnotationLink', 'ome.model.annotations.ProjectAnnotationLink'],
      ['Session', 'ome.model.meta.Session'],
      ['Event', 'ome.model.meta.Event'],
    ];
    for (const [short, server] of table) {
      assert.equal(getModelMeta(short)?.serverClass, server);
      assert.equal(lookupModelClass(server)?.meta.shortName, short);
    }
  });

  it('returns null for unknown names', () => {
    for (const name of ['Foo', 'project', 'omero.model.Foo', 'ome.model.containers.Foo', '', 'Permissions', 'Details']) {
      assert.equal(lookupModelClass(name), null, name);
    }
    assert.equal(getModelMeta('Nope'), null);
    assert.equal(getFields('Nope'), null);
  });

  it('registers every class under unique names', () => {
    const shorts = MODEL_CLASSES.map((c) => c.meta.shortName);
    assert.equal(new Set(shorts).size, shorts.length);
    for (const cls of MODEL_CLASSES) assert.equal(lookupModelClass(cls.meta.shortName), cls);
  });
});

describe('field metadata', () => {
  it('lists required fields', () => {
    assert.deepEqual(getRequiredFields('Project'), ['name']);
    assert.deepEqual(getRequiredFields('Dataset'), ['name']);
    assert.deepEqual(getRequiredFields('Image'), ['name']);
    assert.deepEqual(getRequiredFields('Experimenter'), ['omeName', 'firstName', 'lastName', 'ldap']);
    assert.deepEqual(getRequiredFields('ExperimenterGroup'), ['name', 'ldap']);
    assert.deepEqual(getRequiredFields('GroupExperimenterMap'), ['parent', 'child', 'owner']);
  });

  it('gives each field its rtype kind or referenced class', () => {
    const kinds = (cls: string): Record<string, string> =>
      Object.fromEntries((getFields(cls) ?? []).map((f: FieldMeta) => [f.name, f.kind === 'object' ? `object:${f.refClass}` : f.kind]));
    assert.deepEqual(kinds('Experimenter'), {
      omeName: 'string',
      firstName: 'string',
      middleName: 'string',
      lastName: 'string',
      institution: 'string',
      ldap: 'bool',
      email: 'string',
      config: 'namedValues',
    });
    assert.equal(kinds('Image')['acquisitionDate'], 'time');
    assert.equal(kinds('Image')['series'], 'int');
    assert.equal(kinds('Session')['owner'], 'object:Experimenter');
    assert.equal(kinds('Session')['timeToIdle'], 'long');
    assert.equal(kinds('DoubleAnnotation')['doubleValue'], 'double');
    assert.equal(kinds('CommentAnnotation')['textValue'], 'string');
    assert.equal(kinds('CommentAnnotation')['ns'], 'string');
    assert.equal(getField('Experimenter', 'omeName')?.unique, true);
    assert.equal(getField(ExperimenterGroupI, 'name')?.unique, true);
    assert.equal(getField('Project', 'nope'), null);
  });

  it('describes collections', () => {
    const project = getCollections('Project') ?? [];
    assert.deepEqual(project.map((c) => c.name), ['datasetLinks', 'annotationLinks']);
    assert.equal(project[0]?.link?.targetClass, 'Dataset');
    assert.equal(project[0]?.link?.inverse, 'projectLinks');
    assert.equal(project[0]?.link?.linkClass().meta.shortName, 'ProjectDatasetLink');
    assert.equal(getCollections('Experimenter')?.[0]?.ordered, true);
    assert.equal(getCollections('Experimenter')?.[0]?.counted, false);
    assert.equal(getCollections(ImageI)?.find((c) => c.name === 'datasetLinks')?.counted, true);
  });

  it('records Ice member order: collections and fields as Python prints them', () => {
    assert.deepEqual(
      getModelMeta('Project')?.members.map((m) => m.name),
      ['datasetLinks', 'annotationLinks', 'name', 'description'],
    );
    assert.deepEqual(
      getModelMeta('ExperimenterGroup')?.members.map((m) => m.name),
      ['name', 'ldap', 'groupExperimenterMap', 'config', 'annotationLinks', 'description'],
    );
    assert.equal(getModelMeta('Event')?.versioned, false);
    assert.equal(getModelMeta('Annotation')?.abstract, true);
  });
});

describe('proxyToInstance and wrapFieldValue', () => {
  it('builds unloaded instances from "Class:id"', () => {
    const d = proxyToInstance('Dataset:3');
    assert.ok(d instanceof DatasetI);
    assert.equal(d.isLoaded(), false);
    assert.equal(d.id?.val, 3);
    assert.ok(proxyToInstance('7', 'Experimenter') instanceof ExperimenterI);
    assert.throws(() => proxyToInstance('Foo:1'), (e: unknown) => e instanceof ClientError && e.message === 'Invalid object type: Foo');
    assert.throws(() => proxyToInstance('Annotation:1'), /Invalid object type/);
    assert.throws(() => proxyToInstance('Dataset:x'), /Invalid id: x/);
  });

  it('wraps raw values by field kind', () => {
    const f = (cls: string, name: string): FieldMeta => getField(cls, name) as FieldMeta;
    assert.ok(wrapFieldValue(f('Project', 'name'), 'p') instanceof RStringI);
    assert.equal((wrapFieldValue(f('Experimenter', 'ldap'), 'false') as RBoolI).val, false);
    assert.equal((wrapFieldValue(f('Experimenter', 'ldap'), 'yes') as RBoolI).val, true);
    assert.throws(() => wrapFieldValue(f('Experimenter', 'ldap'), 'maybe'), /invalid boolean/);
    assert.ok(wrapFieldValue(f('Session', 'timeToIdle'), '600') instanceof RLongI);
    const owner = wrapFieldValue(f('Session', 'owner'), '2') as ExperimenterI;
    assert.ok(owner instanceof ExperimenterI);
    assert.equal(owner.id?.val, 2);
    const cfg = wrapFieldValue(f('ExperimenterGroup', 'config'), { a: 'b' }) as NamedValue[];
    assert.equal(cfg[0]?.name, 'a');
    assert.equal(wrapFieldValue(f('Project', 'name'), null), null);
  });
});
