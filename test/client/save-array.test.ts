/**
 * `IUpdate.saveArray` through the blocking client (issue 16 item 5): several graphs in one
 * transaction, checked in the database's rows by direct SQL: all saved with the caller as owner
 * and the context's group, or, when one of them is refused, none.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProjectDatasetLinkI, ProjectI, SecurityViolation, ValidationException, ApiUsageException } from '../../src/model/index.js';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { inGroup, newDataset, newProject } from '../helpers/data-helpers.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

for (const engine of ENGINES) {
  describe(`IUpdate.saveArray (${engine})`, () => {
    let fx: EngineFixture;
    let user3: OmeroClient;
    let readOnly = 0;
    let user3Id = 0;

    const projects = (prefix: string) =>
      fx.sql("select name, owner_id, group_id from project where name like ? || '%' order by name", [prefix]).map((r) => [r.name, Number(r.owner_id), Number(r.group_id)]);

    before(async () => {
      fx = await openEngine(engine, { example: true, sql: true });
      user3 = fx.login('user-3');
      readOnly = Number(fx.sql("select id from experimentergroup where name = 'read-only-1'")[0]!.id);
      user3Id = Number(fx.sql("select id from experimenter where omename = 'user-3'")[0]!.id);
    });
    after(async () => {
      await fx?.close();
    });

    it('saves every graph of the array, owned by the caller in the context group', () => {
      const link = new ProjectDatasetLinkI();
      link.link(newProject('arr-c linked'), newDataset('arr-c dataset'));
      user3.getSession().getUpdateService().saveArray([newProject('arr-a'), newProject('arr-b'), link], inGroup(readOnly));
      assert.deepEqual(projects('arr-'), [
        ['arr-a', user3Id, readOnly],
        ['arr-b', user3Id, readOnly],
        ['arr-c linked', user3Id, readOnly],
      ]);
      assert.equal(Number(fx.sql("select count(*) as n from projectdatasetlink l join project p on p.id = l.parent where p.name = 'arr-c linked'")[0]!.n), 1);
    });

    it('is one transaction: one refused graph and nothing of the array is saved', () => {
      const nameless = new ProjectI();
      assert.throws(
        () => user3.getSession().getUpdateService().saveArray([newProject('arr-x first'), nameless], inGroup(readOnly)),
        (e: unknown) => e instanceof ValidationException || e instanceof ApiUsageException,
      );
      // A group the caller is not in: refused before anything is written.
      const privateGroup = Number(fx.sql("select id from experimentergroup where name = 'private-1'")[0]!.id);
      assert.throws(() => user3.getSession().getUpdateService().saveArray([newProject('arr-y')], inGroup(privateGroup)), SecurityViolation);
      assert.deepEqual(projects('arr-x'), []);
      assert.deepEqual(projects('arr-y'), []);
    });
  });
}
