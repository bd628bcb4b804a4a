import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDemoEnvironment, type CliEnvironment } from '../helpers/cli-runner.js';
import { ENGINES } from '../helpers/test-database.js';

/**
 * Values typed in the shell come from the REPL's own context: every graph command and the calls
 * that take literals, arrays and Maps, run through the real binary reading a script from a pipe.
 */
const SCRIPT = String.raw`
const ro = admin_service.lookupGroup('read-only-1').id.val
const me = admin_service.getEventContext().userId
const ctx = {'omero.group': String(ro)}
const project = (n) => { const p = new ProjectI(); p.name = rstring(n); return update_service.saveAndReturnObject(p, ctx) }
const kind = (h) => { const r = h.getResponse(); return r.constructor.name + (r.message ? ': ' + r.message : '') }
print('Delete2 literal', kind(session.submit(new Delete2({targetObjects: {'Project': [project('a').id.val]}}))))
print('Delete2 positional', kind(session.submit(new Delete2({'Project': [project('b').id.val]}))))
print('Delete2 Map', kind(session.submit(new Delete2({targetObjects: new Map([['Project', [project('c').id.val]]])}))))
print('Chgrp2', kind(session.submit(new Chgrp2({targetObjects: {Project: [project('d').id.val]}, groupId: admin_service.lookupGroup('private-1').id.val}))))
print('Chown2', kind(session.submit(new Chown2({targetObjects: {Project: [project('e').id.val]}, userId: me}))))
print('Chmod2', kind(session.submit(new Chmod2({targetObjects: {ExperimenterGroup: [ro]}, permissions: 'rwra--'}))))
print('DoAll', kind(session.submit(new DoAll({requests: [new Delete2({targetObjects: {Project: [project('f').id.val]}})]}))))
print('Delete', kind(session.submit(new Delete({type: '/Project', id: project('g').id.val, options: {}}))))
print('client.submit', client.submit(new Delete2({targetObjects: {Project: [project('h').id.val]}})).getResponse().constructor.name)
print('SkipHead', kind(session.submit(new SkipHead({targetObjects: {Project: [project('i').id.val]}, startFrom: ['Project'], request: new Delete2({})}))))
print('ChildOption', kind(session.submit(new Delete2({targetObjects: {Project: [project('j').id.val]}, childOptions: [new omero.cmd.graphs.ChildOption({includeType: ['Dataset']})]}))))
print('ParametersI map', query_service.findAllByQuery('select p from Project p where p.name = :n', new ParametersI({n: rstring('j')}), ctx).length)
print('ids array', query_service.projection('select p.id from Project p where p.id in (:ids)', new ParametersI().addIds([1, 2, 3]), {'omero.group': '-1'}).length >= 0)
print('saveArray', update_service.saveAndReturnArray([new DatasetI(), new ImageI()].map((o) => { o.name = rstring('x'); return o }), ctx).length)
print('wrap', JSON.stringify(unwrap(wrap({a: [1, 2], m: new Map([['k', 'v']])}))))
console.log('console.log', {a: 1})
`;

for (const engine of ENGINES) {
  describe(`shell: values typed at the prompt work wherever the API takes them (${engine})`, () => {
    let cli: CliEnvironment;
    const user2 = { OMERO_PASSWORD: 'user-2-password' };
    before(async () => {
      cli = await openDemoEnvironment(engine);
    });
    after(() => cli.close());

    it('runs every graph command built from object literals, arrays and Maps', async () => {
      const r = await cli.run(['-q', 'shell', '--login', '-u', 'user-2'], { input: SCRIPT, env: user2 });
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout + r.stderr, /toWire|unregistered class/);
      const lines = new Map(r.stdout.trim().split('\n').map((l) => [l.split(' ').slice(0, -1).join(' '), l]));
      const expect = (label: string, re: RegExp) => assert.match(r.stdout, new RegExp(`^${label} ${re.source}`, 'm'), `${label}\n${r.stdout}\n${r.stderr}\n${[...lines.keys()]}`);
      expect('Delete2 literal', /Delete2Response$/);
      expect('Delete2 positional', /Delete2Response$/);
      expect('Delete2 Map', /Delete2Response$/);
      expect('Chgrp2', /Chgrp2Response$/);
      // Refusals come back as GraphExceptions with the server's reason, not as encoding errors.
      expect('Chown2', /(Chown2Response|GraphException: .+)$/);
      expect('Chmod2', /GraphException: .+$/);
      expect('DoAll', /DoAllRsp$/);
      expect('Delete', /DeleteRsp$/);
      expect('client.submit', /Delete2Response$/);
      expect('SkipHead', /(Delete2Response|GraphException: .+)$/);
      expect('ChildOption', /Delete2Response$/);
      expect('ParametersI map', /0$/);
      expect('ids array', /True$/);
      expect('saveArray', /2$/);
      expect('wrap', /\{"a":\[1,2\],"m":\{"k":"v"\}\}$/);
      expect('console.log', /\{ a: 1 \}$/);
    });

    it('names the line of a syntax error and runs none of the script', async () => {
      const r = await cli.run(['-q', 'shell', '--login', '-u', 'user-2'], { input: "print('first')\nconst x = 1\nlet = = 2\nprint('last')\n", env: user2 });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^\[line 3\] SyntaxError: .+$/m);
    });

    it('stops at exit() and hints where an empty query would find rows', async () => {
      const script = ["query_service.findAllByQuery(\"select p from Project p where p.name like 'user-%'\", null)", "print('before')", 'exit()', "print('after')"].join('\n');
      const r = await cli.run(['-q', 'shell', '--login', '-u', 'user-2'], { input: script, env: user2 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '[]\nbefore\n');
      assert.match(r.stderr, /^\[line 1\] Nothing found in group private-1; 2 rows you may read are in read-only-1 \(2\): pass \{'omero\.group': '-1'\}/m);
    });

    it('echoes model objects one line each, and print keeps the Ice format; help and dir work', async () => {
      const script = [
        "const ps = query_service.findAllByQuery(\"select p from Project p where p.name like 'user-%' order by p.id\", null, {'omero.group': '-1'})",
        'ps',
        'print(ps[0])',
        'admin_service',
        'help(query_service)',
        "print(dir(ps[0]).includes('getName'))",
        'const ec = admin_service.getEventContext()',
        'print(ec)',
        "print('--- String(ec):')",
        'print(String(ec))',
      ].join('\n');
      const r = await cli.run(['-q', 'shell', '--login', '-u', 'user-2'], { input: script, env: user2 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^\[0\] ProjectI id=\d+ name='user-2 project' owner=user-2 group=read-only-1 perms=rwr---\n\[1\] ProjectI id=\d+ name='user-3 project' owner=user-3 group=read-only-1 perms=rwr---$/m);
      assert.match(r.stdout, /^object #0 \(::omero::model::Project\)$/m);
      assert.match(r.stdout, /^<AdminServicePrx: IAdmin: .+>\n {2}methods: [^]*getEventContext/m);
      assert.match(r.stdout, /^QueryServicePrx — IQuery: .+\n {2}methods:\n {4}find +load one object/m);
      assert.match(r.stdout, /^True$/m);
      // print(ec) and String(ec) agree on the layout (the seed's, by default).
      const [printed, stringed] = r.stdout.slice(r.stdout.indexOf('object #0 (::omero::sys::EventContext)')).split('--- String(ec):\n');
      assert.ok(printed && stringed);
      assert.equal(stringed, printed);
      assert.doesNotMatch(printed, /sudoerId/);
    });
  });
}
