import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoEnvironment, type CliEnvironment } from '../../helpers/cli-runner.js';
import { ENGINES, ROOT_PASSWORD } from '../../helpers/test-database.js';

/** `omero demo` (`npm start`), its shell reading a script from a pipe. */
for (const engine of ENGINES) {
  describe(`omero demo (${engine})`, () => {
    let cli: CliEnvironment;
    const demo = (args: string[], input: string) => cli.run(['demo', ...args], { input, env: { OMERO_ROOT_PASSWORD: ROOT_PASSWORD } });
    before(async () => {
      cli = await openDemoEnvironment(engine);
    });
    after(() => cli.close());

    it("always opens in the user's default group, whatever the last shell switched to", async () => {
      const switched = await demo([], "const g = session.setSecurityContext(admin_service.lookupGroup('read-only-1'))\nprint(admin_service.getEventContext().groupName)\n");
      assert.equal(switched.status, 0, switched.stderr);
      assert.equal(switched.stdout, 'read-only-1\n');
      const next = await demo([], 'print(admin_service.getEventContext().groupName)\n');
      assert.equal(next.status, 0, next.stderr);
      assert.equal(next.stdout, 'private-1\n');
      // The shell's own new clients reach the same database.
      const other = await demo([], "const c = new omero.client('localhost'); const sf = c.createSession('user-3', 'user-3-password'); print(c.getSession().getAdminService().getEventContext().groupName); c.closeSession()\n");
      assert.equal(other.stdout, 'read-only-1\n', other.stderr);
    });

    if (engine === 'pglite') {
      it('--reset puts the example environment back', async () => {
        const changed = await demo(['--user', 'user-3'], "const p = new ProjectI(); p.name = rstring('extra'); const saved = update_service.saveAndReturnObject(p); print('saved')\n");
        assert.equal(changed.stdout, 'saved\n', changed.stderr);
        const rename = await cli.run(['-q', '-s', 'localhost', '-u', 'root', 'obj', 'update', 'ExperimenterGroup:4', 'name=renamed'], { env: { OMERO_PASSWORD: ROOT_PASSWORD } });
        assert.equal(rename.status, 0, rename.stderr);
        const reset = await demo(['--reset'], "print(query_service.findAllByQuery('select p from Project p order by p.id', null, {'omero.group': '-1'}).map((p) => p.name.val).join(','))\nprint(admin_service.getGroup(4).name.val)\n");
        assert.equal(reset.status, 0, reset.stderr);
        assert.match(reset.stderr, /Reset: removed embedded PGlite at .*; creating the example environment again/);
        assert.equal(reset.stdout, 'user-2 project,user-3 project\nread-only-1\n');
      });
    } else {
      it('--reset refuses to drop a PostgreSQL database', async () => {
        const r = await demo(['--reset', '--no-shell'], '');
        assert.equal(r.status, 2);
        assert.match(r.stderr, /only the embedded demo database can be reset/);
      });
    }
  });
}
