/** objectKindOf against reference permissions §1.5 (which privilege guards which class). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectKindOf } from '../../../src/server/security/object-kind.js';

describe('objectKindOf', () => {
  const cases: ReadonlyArray<[string, boolean, string]> = [
    ['Project', false, 'data'],
    ['CommentAnnotation', false, 'data'],
    ['ProjectAnnotationLink', false, 'data'],
    ['Experimenter', true, 'Experimenter'],
    ['ExperimenterGroup', true, 'ExperimenterGroup'],
    ['GroupExperimenterMap', true, 'GroupExperimenterMap'],
    ['Event', true, 'system'],
    ['Session', true, 'system'],
  ];
  for (const [name, system, want] of cases) {
    it(`${name} → ${want}`, () => assert.equal(objectKindOf(name, system), want));
  }
});
