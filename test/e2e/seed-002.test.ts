import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CmdCallbackI } from '../../src/client/cmd-callback.js';
import { ensureExampleProjects } from '../../src/demo/example-environment.js';
import { Delete, DoAll, ParametersI, ProjectI, rstring, type ExperimenterI, type IObject } from '../../src/model/index.js';
import { openEngine, PASSWORDS, type EngineFixture } from '../helpers/engine-client.js';
import { ENGINES } from '../helpers/test-database.js';

// Seed 002's snippets written as TypeScript with the same statements, checking the documented
// outputs (ids differ per database, so the checks use the ids the run produced).
for (const engine of ENGINES) {
  describe(`seed 002 through the blocking client (${engine})`, () => {
    let fx: EngineFixture;
    before(async () => {
      fx = await openEngine(engine, { example: true });
    });
    after(async () => {
      await fx.close();
    });

    it('"Inserting and querying data from specific groups": Found 1 in private-1, Found 0 in read-only-1', () => {
      const client = fx.login('user-2');
      const session = client.getSession();
      let private_project = new ProjectI();
      private_project.name = rstring('private-1 project');
      let read_only_project = new ProjectI();
      read_only_project.name = rstring('read-only-1 project');
      const update_service = session.getUpdateService();
      const admin_service = session.getAdminService();
      const query_service = session.getQueryService();
      const private_group = admin_service.lookupGroup('private-1');
      const read_only_group = admin_service.lookupGroup('read-only-1');
      let ctx: Record<string, string> = { 'omero.group': String(private_group.id!.val) };
      private_project = update_service.saveAndReturnObject(private_project, ctx);
      ctx = { 'omero.group': String(read_only_group.id!.val) };
      read_only_project = update_service.saveAndReturnObject(read_only_project, ctx);
      const private_project_id = private_project.id!.val as number;
      const read_only_project_id = read_only_project.id!.val as number;
      assert.equal(private_project.details.group!.id!.val, private_group.id!.val);
      assert.equal(read_only_project.details.group!.id!.val, read_only_group.id!.val);

      ctx = { 'omero.group': String(private_group.id!.val) };
      let params = new ParametersI();
      params.addId(private_project_id);
      let projects = query_service.findAllByQuery('select p from Project as p ' + 'where p.id = :id', params, ctx);
      assert.equal(`Found ${projects.length} Project(s) with ID ${private_project_id} in group private-1`, `Found 1 Project(s) with ID ${private_project_id} in group private-1`);

      ctx = { 'omero.group': String(read_only_group.id!.val) };
      params = new ParametersI();
      params.addId(private_project_id);
      projects = query_service.findAllByQuery('select p from Project as p ' + 'where p.id = :id', params, ctx);
      assert.equal(projects.length, 0, 'Found 0 Project(s) … in group read-only-1');

      for (const id of [private_project_id, read_only_project_id]) {
        const handle = session.submit(new Delete('/Project', id, null));
        try {
          const callback = new CmdCallbackI(client, handle);
          const rsp = callback.loop(10, 1000) as { constructor: { name: string } };
          assert.equal(rsp.constructor.name, 'DeleteRsp');
        } finally {
          handle.close();
        }
      }
      const gone = query_service.findAllByQuery('select p from Project p where p.id in (:ids)', new ParametersI().addIds([private_project_id, read_only_project_id]), { 'omero.group': '-1' });
      assert.equal(gone.length, 0);
    });

    it('"Querying data across groups": Found 2 Project(s) with omero.group=-1, deleted with DoAll', () => {
      const client = fx.login('user-2');
      const session = client.getSession();
      const update_service = session.getUpdateService();
      const admin_service = session.getAdminService();
      const query_service = session.getQueryService();
      const private_group = admin_service.lookupGroup('private-1');
      const read_only_group = admin_service.lookupGroup('read-only-1');
      const a = new ProjectI();
      a.name = rstring('private-1 project');
      const b = new ProjectI();
      b.name = rstring('read-only-1 project');
      const private_project_id = update_service.saveAndReturnObject(a, { 'omero.group': String(private_group.id!.val) }).id!.val as number;
      const read_only_project_id = update_service.saveAndReturnObject(b, { 'omero.group': String(read_only_group.id!.val) }).id!.val as number;
      const params = new ParametersI();
      params.addIds([private_project_id, read_only_project_id]);
      const projects = query_service.findAllByQuery('select p from Project as p ' + 'where p.id in (:ids)', params, { 'omero.group': '-1' });
      assert.equal(projects.length, 2, 'Found 2 Project(s)');
      const handle = session.submit(new DoAll([new Delete('/Project', private_project_id, null), new Delete('/Project', read_only_project_id, null)]));
      try {
        new CmdCallbackI(client, handle).loop(10, 1000);
      } finally {
        handle.close();
      }
      assert.equal(query_service.findAllByQuery('select p from Project as p where p.id in (:ids)', params, { 'omero.group': '-1' }).length, 0);
    });

    it('"Querying data across users in the same group": members and projects by owner', () => {
      ensureExampleProjects((user, password) => fx.login(user, password));
      const session = fx.login('user-2', PASSWORDS['user-2']).getSession();
      const admin_service = session.getAdminService();
      const query_service = session.getQueryService();
      const read_only_group = admin_service.lookupGroup('read-only-1');
      const user_2 = admin_service.lookupExperimenter('user-2');
      const user_3 = admin_service.lookupExperimenter('user-3');
      const members = read_only_group.linkedExperimenterList().map((v: ExperimenterI) => [v.id!.val, v.omeName!.val]);
      assert.deepEqual(
        members.sort((x, y) => (x[0] as number) - (y[0] as number)),
        [[user_2.id!.val, 'user-2'], [user_3.id!.val, 'user-3']].sort((x, y) => (x[0] as number) - (y[0] as number)),
      );
      const ctx = { 'omero.group': String(read_only_group.id!.val) };
      const owners = (ps: IObject[]) => ps.map((v) => v.details.owner!.id!.val);
      const all = query_service.findAllByQuery('select p from Project as p', null, ctx);
      assert.deepEqual(owners(all).sort(), [user_2.id!.val, user_3.id!.val].sort());
      const byUser2 = query_service.findAllByQuery('select p from Project as p ' + 'where p.details.owner.id = :id', new ParametersI().addId(user_2.id!.val as number), ctx);
      assert.deepEqual(owners(byUser2), [user_2.id!.val]);
      const byUser3 = query_service.findAllByQuery('select p from Project as p ' + 'where p.details.owner.id = :id', new ParametersI().addId(user_3.id!.val as number), ctx);
      assert.deepEqual(owners(byUser3), [user_3.id!.val]);
      // The Permissions object answers for the caller: user-2 may not edit user-3's project in rwr---.
      const theirs = byUser3[0]!;
      assert.equal(theirs.details.permissions!.toString(), 'rwr---');
      assert.equal(theirs.details.permissions!.canEdit(), false);
      assert.equal(theirs.details.permissions!.canAnnotate(), false);
      assert.equal(byUser2[0]!.details.permissions!.canEdit(), true);
    });
  });
}
