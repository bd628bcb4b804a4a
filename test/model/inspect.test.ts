import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format, inspect } from 'node:util';
import {
  ClientError,
  Delete,
  Delete2Response,
  DetailsI,
  EventContext,
  iceStringify,
  INSPECT_CUSTOM,
  NamedValue,
  OK,
  ParametersI,
  PermissionsI,
  ProjectI,
  rlong,
  rstring,
  SecurityViolation,
  UnloadedEntityException,
} from '../../src/model/index.js';

const SAMPLES: Array<[string, unknown]> = [
  ['rtype', rstring('x')],
  ['model object', new ProjectI(1)],
  ['unloaded proxy', new ProjectI(2, false)],
  ['details', new DetailsI()],
  ['named value', new NamedValue('a', 'b')],
  ['permissions', new PermissionsI('rwr---')],
  ['event context', new EventContext({ userId: 3, memberOfGroups: [1] })],
  ['parameters', new ParametersI().addId(1)],
  ['request', new Delete('/Project', 1, null)],
  ['response', new Delete2Response({ 'ome.model.containers.Project': [1] })],
  ['exception', new SecurityViolation('Cannot read')],
];

describe("util.inspect shows the Ice text (Node's REPL and console.log)", () => {
  for (const [label, value] of SAMPLES) {
    it(`${label}`, () => {
      const expected = iceStringify(value);
      assert.equal(inspect(value), expected);
      assert.equal(inspect(value, { depth: 0, colors: true, showHidden: true }), expected);
      assert.equal(inspect(value, { depth: null, compact: false, breakLength: 10 }), expected);
      assert.equal(format('%o', value), expected);
      assert.equal(format('%s', value).length > 0, true);
    });
  }

  it('works on values nested in arrays and objects (each printed on its own)', () => {
    const text = inspect([rlong(1), new OK()]);
    assert.ok(text.includes('object #0 (::omero::RLong)'));
    assert.ok(text.includes('object #0 (::omero::cmd::OK)'));
    assert.ok(inspect({ p: new ProjectI() }).includes('object #0 (::omero::model::Project)'));
  });

  it('shows client errors as "Name: message"', () => {
    assert.equal(inspect(new ClientError('Proxies require an id')), 'ClientError: Proxies require an id');
    assert.equal(inspect(new UnloadedEntityException('x')), 'UnloadedEntityException: x');
  });

  it('does not throw when a value cannot be printed', () => {
    const broken = new ProjectI();
    Object.defineProperty(broken, 'details', {
      get() {
        throw new Error('boom');
      },
    });
    assert.match(inspect(broken), /^<ProjectI: unprintable \(boom\)>$/);
  });

  it('defines the hook on prototypes with Symbol.for("nodejs.util.inspect.custom")', () => {
    assert.equal(INSPECT_CUSTOM, Symbol.for('nodejs.util.inspect.custom'));
    assert.equal(INSPECT_CUSTOM, inspect.custom);
    assert.equal(Object.hasOwn(new ProjectI(), INSPECT_CUSTOM), false);
    assert.equal(typeof (ProjectI.prototype as unknown as Record<symbol, unknown>)[INSPECT_CUSTOM], 'function');
  });
});
