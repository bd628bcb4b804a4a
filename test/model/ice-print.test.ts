import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Delete2Response,
  EventContext,
  ExperimenterI,
  iceStringify,
  OK,
  PermissionsI,
  ProjectI,
  DatasetI,
  rbool,
  rdouble,
  rfloat,
  rlist,
  rlong,
  rmap,
  rstring,
  SecurityViolation,
  Status,
  State,
  ERR,
  GraphException,
  pythonFloat,
  pythonStrRepr,
  NamedValue,
  MapAnnotationI,
} from '../../src/model/index.js';
import { EVENT_CONTEXT_CURRENT_TEXT, EVENT_CONTEXT_LEGACY_TEXT } from './fixtures/reference-texts.js';

/** user-2 in private-1, as in Permissions.rst (reference omero-api.md §5.2). */
function seedEventContext(): EventContext {
  const perms = new PermissionsI('rw----');
  perms._restrictions = [];
  perms._extendedRestrictions = [];
  return new EventContext({
    shareId: -1,
    sessionId: 1783,
    sessionUuid: '213adc46-2c5f-449b-81fc-fe24dec38b58',
    userId: 10,
    userName: 'user-2',
    groupId: 9,
    groupName: 'private-1',
    isAdmin: false,
    eventId: -1,
    eventType: 'User',
    memberOfGroups: [9, 8, 1],
    leaderOfGroups: [],
    groupPermissions: perms,
  });
}

describe('iceStringify: EventContext (reference §5.2, byte for byte)', () => {
  it('prints the ≥5.4 form by default', () => {
    assert.equal(iceStringify(seedEventContext()), EVENT_CONTEXT_CURRENT_TEXT);
  });

  it('prints the 4.4-era form of seed 002 with { legacy: true }', () => {
    assert.equal(iceStringify(seedEventContext(), { legacy: true }), EVENT_CONTEXT_LEGACY_TEXT);
  });

  it('keeps trailing spaces after "= " before blocks and adds no trailing newline', () => {
    const text = iceStringify(seedEventContext());
    assert.ok(text.includes('    memberOfGroups = \n    {\n        [0] = 9'));
    assert.ok(text.includes('    leaderOfGroups = \n    {\n    }'));
    assert.ok(!text.endsWith('\n'));
  });

  it('prints a sudo session with numbered rtype objects before groupPermissions', () => {
    const ec = seedEventContext();
    ec.sudoerId = rlong(0);
    ec.sudoerName = rstring('root');
    const text = iceStringify(ec);
    assert.ok(text.includes('    sudoerId = object #1 (::omero::RLong)\n    {\n        _val = 0\n    }'));
    assert.ok(text.includes('    sudoerName = object #2 (::omero::RString)\n    {\n        _val = root\n    }'));
    assert.ok(text.includes('    groupPermissions = object #3 (::omero::model::Permissions)'));
  });

  it('prints admin privileges and isAdmin = True', () => {
    const ec = seedEventContext();
    ec.isAdmin = true;
    ec.adminPrivileges = ['Chgrp', 'Chown'];
    const text = iceStringify(ec);
    assert.ok(text.includes('    isAdmin = True\n    adminPrivileges = \n    {\n        [0] = Chgrp\n        [1] = Chown\n    }'));
  });
});

describe('iceStringify: other dumps (reference §5.3)', () => {
  it('rstring and rlong', () => {
    assert.equal(iceStringify(rstring('x')), 'object #0 (::omero::RString)\n{\n    _val = x\n}');
    assert.equal(iceStringify(rlong(5)), 'object #0 (::omero::RLong)\n{\n    _val = 5\n}');
    assert.equal(iceStringify(rbool(true)), 'object #0 (::omero::RBool)\n{\n    _val = True\n}');
  });

  it('client-built PermissionsI prints null restriction sequences inline as {}', () => {
    assert.equal(
      iceStringify(new PermissionsI('rwr---')),
      'object #0 (::omero::model::Permissions)\n{\n    _restrictions = {}\n    _extendedRestrictions = {}\n    _perm1 = -56\n}',
    );
  });

  it('omero.cmd.OK prints an empty block', () => {
    assert.equal(iceStringify(new OK()), 'object #0 (::omero::cmd::OK)\n{\n}');
  });

  it('Delete2Response prints its dictionary of id sequences', () => {
    const rsp = new Delete2Response({ 'ome.model.containers.Project': [113] });
    assert.equal(
      iceStringify(rsp),
      [
        'object #0 (::omero::cmd::Delete2Response)',
        '{',
        '    deletedObjects = ',
        '    {',
        '        key = ome.model.containers.Project',
        '        value = ',
        '        {',
        '            [0] = 113',
        '        }',
        '    }',
        '}',
      ].join('\n'),
    );
  });

  it('separates dictionary entries with a line holding only the indentation', () => {
    const rsp = new Delete2Response({ A: [1], B: [] });
    const lines = iceStringify(rsp).split('\n');
    const blank = lines.findIndex((l) => l.trim() === '');
    assert.equal(lines[blank], '        ');
    assert.equal(lines[blank - 1], '        }');
    assert.equal(lines[blank + 1], '        key = B');
  });

  it('null object prints <nil>; a repeated object prints <object #N>', () => {
    const shared = rstring('same');
    const text = iceStringify(rlist(shared, shared, rlong(1)));
    assert.ok(text.includes('[0] = object #1 (::omero::RString)'));
    assert.ok(text.includes('[1] = <object #1>'));
    assert.ok(text.includes('[2] = object #2 (::omero::RLong)'));
    const p = new ProjectI();
    assert.ok(iceStringify(p).includes('    _id = <nil>\n'));
  });

  it('numbers objects pre-order across the whole print, cycles included', () => {
    const p = new ProjectI(1);
    p.name = rstring('p');
    p.linkDataset(new DatasetI(2, false));
    const text = iceStringify(p);
    // #0 project, #1 id, #2 details, #3 link, #4 link details, parent points back to #0, #5 dataset, #6 its id
    assert.ok(text.includes('        [0] = object #3 (::omero::model::ProjectDatasetLink)'));
    assert.ok(text.includes('            _parent = <object #0>\n            _child = object #5 (::omero::model::Dataset)'));
    assert.ok(text.includes('    _name = object #7 (::omero::RString)'));
  });

  it('prints Python floats for doubles', () => {
    assert.equal(iceStringify(rdouble(1)), 'object #0 (::omero::RDouble)\n{\n    _val = 1.0\n}');
    assert.ok(iceStringify(rfloat(0.5)).includes('_val = 0.5'));
    assert.equal(pythonFloat(1e-5), '1e-05');
    assert.equal(pythonFloat(1e16), '1e+16');
    assert.equal(pythonFloat(123456.25), '123456.25');
    assert.equal(pythonFloat(-2), '-2.0');
    assert.equal(pythonFloat(0.0001), '0.0001');
    assert.equal(pythonFloat(1.5e-7), '1.5e-07');
    assert.equal(pythonFloat(Number.NaN), 'nan');
    assert.equal(pythonFloat(-Infinity), '-inf');
  });

  it('prints exceptions as "exception <id>" with their members', () => {
    const e = new SecurityViolation('Cannot read ome.model.containers.Project:Id_5');
    assert.equal(
      iceStringify(e),
      [
        'exception ::omero::SecurityViolation',
        '{',
        '    serverStackTrace = ',
        '    serverExceptionClass = ome.conditions.SecurityViolation',
        '    message = Cannot read ome.model.containers.Project:Id_5',
        '}',
      ].join('\n'),
    );
  });

  it('prints enums by name, null proxies as <nil>', () => {
    const s = new Status({ flags: [State.FAILURE], steps: 6 });
    const text = iceStringify(s);
    assert.ok(text.startsWith('object #0 (::omero::cmd::Status)\n{\n    source = <nil>\n    category = \n'));
    assert.ok(text.includes('    flags = \n    {\n        [0] = FAILURE\n    }'));
    assert.ok(text.includes('    stepStartTimes = {}'));
  });

  it('prints GraphException members base first, with the parameters dictionary', () => {
    const err = new GraphException({ category: '::omero::cmd::Delete2', name: 'graph-fail', parameters: { message: 'm' }, message: 'm' });
    assert.equal(
      iceStringify(err),
      [
        'object #0 (::omero::cmd::GraphException)',
        '{',
        '    category = ::omero::cmd::Delete2',
        '    name = graph-fail',
        '    parameters = ',
        '    {',
        '        key = message',
        '        value = m',
        '    }',
        '    message = m',
        '}',
      ].join('\n'),
    );
    assert.ok(iceStringify(new ERR()).includes('    parameters = {}'));
  });

  it('prints NamedValue lists and rmap entries', () => {
    const ma = new MapAnnotationI();
    ma.mapValue = [new NamedValue('a', '1')];
    assert.ok(iceStringify(ma).includes('    _mapValue = \n    {\n        [0] = object #2 (::omero::model::NamedValue)\n        {\n            name = a\n            value = 1\n        }\n    }'));
    const m = rmap({ k: rlong(1) });
    assert.ok(iceStringify(m).includes('    _val = \n    {\n        key = k\n        value = object #1 (::omero::RLong)'));
  });

  it('reports values of the wrong type as IcePy does', () => {
    const p = new ProjectI();
    (p as unknown as { name: unknown }).name = 'plain string';
    assert.ok(iceStringify(p).includes('    _name = <invalid value - expected ::omero::RString>'));
  });

  it('prints unloaded proxies with _details = <nil> and null collections as {}', () => {
    const text = iceStringify(new ExperimenterI(1, false));
    assert.ok(text.includes('    _details = <nil>\n    _loaded = False\n'));
    assert.ok(text.includes('    _groupExperimenterMapSeq = {}\n    _groupExperimenterMapLoaded = False\n'));
  });
});

describe('iceStringify: non-Ice values print as Python repr', () => {
  it('lists of Ice objects restart numbering per element', () => {
    const text = iceStringify([rlong(1), rlong(2)]);
    assert.equal(text, `[${iceStringify(rlong(1))}, ${iceStringify(rlong(2))}]`);
    assert.equal(text.match(/object #0/g)?.length, 2);
  });

  it('strings, numbers, booleans, None, dicts, tuples of ids', () => {
    assert.equal(iceStringify([[10, 'user-2'], [9, "it's"]]), `[[10, 'user-2'], [9, "it's"]]`);
    assert.equal(iceStringify({ a: true, b: null, c: 1.5 }), `{'a': True, 'b': None, 'c': 1.5}`);
    assert.equal(iceStringify(new Set()), 'set()');
    assert.equal(iceStringify(new Map([['k', 1]])), `{'k': 1}`);
    assert.equal(pythonStrRepr('a\nb\\'), `'a\\nb\\\\'`);
  });

  it('guards against cycles in plain containers', () => {
    const a: unknown[] = [1];
    a.push(a);
    assert.equal(iceStringify(a), '[1, [...]]');
  });
});
