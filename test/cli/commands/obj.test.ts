import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import type { CliResult } from '../../helpers/cli-runner.js';
import { ENGINES } from '../../helpers/test-database.js';
import { hqlRows, idOf, openObjEnv, script } from './obj-hql-fixture.js';
import { expectRun, type UserGroupEnv } from './usergroup-env.js';

/** The ids in a run's `Type:id` lines, in order. */
function ids(result: CliResult): number[] {
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trimEnd().split('\n').map((line) => Number(/^[A-Za-z]+:(\d+)$/.exec(line)?.[1] ?? Number.NaN));
}

// `omero obj` (reference cli §5) through the real binary, as root: new/update/null/get on data
// objects, the key/value actions, ext-info, and every refusal with its rc and message, nothing
// changed. Several commands share one run through `--file` (each run costs a process).
for (const engine of ENGINES) {
  describe(`omero obj (${engine})`, () => {
    let env: UserGroupEnv;
    /** Every project as [id, name, description]. */
    const projects = async () =>
      hqlRows(await env.root(['hql', '--all', '--style', 'csv', '--limit', '100', 'select p.id, p.name, p.description from Project p order by p.id']));
    /** Runs a `--file` script as root. */
    const runScript = (name: string, text: string) => env.root(['obj', '--file', script(env, name, text)]);

    before(async () => {
      env = await openObjEnv(engine);
    });
    after(() => env?.close());

    it('prints its help; refuses a missing command, an unknown action or class (rc 100, 2, 102)', async () => {
      const help = await env.cli.run(['obj', '-h']);
      expectRun(help, { status: 0, stderr: '' });
      for (const text of ['Create, Update and Query OMERO objects', 'omero obj map-set MapAnnotation:456 mapValue foo bar', 'operation to be performed',
        'OMERO model object name, e.g. Project', 'fields to be set, e.g. name=foo', 'ext-info-set', '--server']) {
        assert.ok(help.stdout.includes(text), `help lacks ${text}:\n${help.stdout}`);
      }
      assert.ok(!help.stdout.includes('--file'), '--file is hidden, as in OMERO');
      expectRun(await env.root(['obj']), { status: 100, stdout: '', stderr: 'No command provided\n' });
      const frob = await env.root(['obj', 'frob', 'Project']);
      expectRun(frob, { status: 2, stdout: '', stderr: /^usage: omero obj / });
      assert.match(frob.stderr, /omero obj: error: argument command: invalid choice: 'frob'\n\nchoose from:\n\text-info-get, ext-info-set, get, list-get, map-get, map-set, new, ?\n\tnull, update\n$/);
      expectRun(await env.root(['obj', 'new']), { status: 102, stdout: '', stderr: "No object argument provided. Use e.g. 'Image:123'\n" });
      expectRun(await env.root(['obj', 'new', 'Frob', 'name=x']), { status: 102, stdout: '', stderr: "No class named 'FrobI'\n" });
      expectRun(await env.root(['obj', 'get', 'Annotation:1']), { status: 102, stdout: '', stderr: "No class named 'AnnotationI'\n" });
    });

    it("runs the plugin's examples: new, update, get a field, get all fields, null", async () => {
      const [d, p] = ids(await runScript('create.txt', "new Dataset name=foo\np = new Project name='my first project' description='a=b '\n"));
      const r = await runScript(
        'examples.txt',
        [
          `update Dataset:${d} description=bar`,
          `get Dataset:${d} name`,
          `get DatasetI:${d}`,
          `null Dataset:${d} description`,
          `get Dataset:${d} description`,
          `get Project:${p}`,
          `update Project:${p} description=`,
          `get Project:${p} description`,
        ].join('\n'),
      );
      expectRun(r, {
        status: 0,
        stderr: '',
        stdout: [
          `Dataset:${d}`,
          'foo',
          `description=bar\nid=${d}\nname=foo\nversion=1\n`,
          `Dataset:${d}`,
          '',
          `description=a=b \nid=${p}\nname=my first project\nversion=0\n`,
          `Project:${p}`,
          '',
          '',
        ].join('\n'),
      });
      assert.deepEqual(await projects(), [[String(p), 'my first project', '']]);
    });

    it('converts values with the field types and prints them back as Python does', async () => {
      const [l, d, b, t] = ids(
        await runScript(
          'typed.txt',
          'new LongAnnotation longValue=-42 ns=n\nnew DoubleAnnotation doubleValue=2\nnew BooleanAnnotation boolValue=no\nnew TimestampAnnotation timeValue=2024-01-02T03:04:05Z\n',
        ),
      );
      const r = await runScript(
        'typed-get.txt',
        `get LongAnnotation:${l} longValue\nget DoubleAnnotation:${d} doubleValue\nget BooleanAnnotation:${b} boolValue\nget TimestampAnnotation:${t} timeValue\nget Experimenter:0\n`,
      );
      expectRun(r, {
        status: 0,
        stdout: '-42\n2.0\nFalse\n1704164645000\nconfig=\nemail=\nfirstName=root\nid=0\ninstitution=\nlastName=root\nldap=False\nmiddleName=\nomeName=root\nversion=0\n\n',
      });
    });

    it('refuses bad new commands (rc 103, 333, 336, 1) and creates nothing', async () => {
      const before = await projects();
      expectRun(await env.root(['obj', 'new', 'Project', 'description=x']), { status: 103, stdout: '', stderr: 'required arguments: name\n' });
      expectRun(await env.root(['obj', 'new', 'ProjectDatasetLink', 'parent=Project:1']), { status: 103, stdout: '', stderr: 'required arguments: child\n' });
      expectRun(await env.root(['obj', 'new', 'Project', 'name=x', 'frob=1']), { status: exitStatus(333), stdout: '', stderr: "Unknown field 'frob' for Project\n" });
      expectRun(await env.root(['obj', 'new', 'LongAnnotation', 'longValue=abc']), {
        status: exitStatus(333), stdout: '', stderr: "Invalid value for LongAnnotation.longValue: 'abc' (expected an integer)\n",
      });
      expectRun(await env.root(['obj', 'new', 'ProjectDatasetLink', 'parent=Frob:1', 'child=Dataset:1']), {
        status: exitStatus(333), stdout: '', stderr: 'Invalid object type: Frob\n',
      });
      expectRun(await env.root(['obj', 'new', 'MapAnnotation', 'mapValue=a']), {
        status: exitStatus(333), stdout: '', stderr: "MapAnnotation.mapValue holds key/value pairs: use 'map-set OBJ mapValue KEY VALUE'\n",
      });
      expectRun(await env.root(['obj', 'new', 'Project:5', 'name=x']), {
        status: exitStatus(333), stdout: '', stderr: "Cannot set 'name': Project:5 is an unloaded object (new takes a class without an id)\n",
      });
      expectRun(await env.root(['obj', 'new', 'Project', 'name=x', 'description']), { status: 1, stdout: '', stderr: 'Unparseable argument: description\n' });
      // `@=0` names the command itself, whose result is still None: the name is null.
      expectRun(await env.root(['obj', 'new', 'Project', 'name@=0']), {
        status: exitStatus(336), stdout: '', stderr: 'Failed to create Project - not-null property references a null or transient value: ome.model.containers.Project.name\n',
      });
      expectRun(await env.root(['obj', 'new', 'Experimenter', 'omeName=x', 'firstName=x', 'lastName=x', 'ldap=false']), {
        status: exitStatus(336), stdout: '', stderr: /^Failed to create Experimenter - New Experimenter objects are created through IAdmin/,
      });
      expectRun(await env.root(['obj', 'new', 'ProjectDatasetLink', 'parent=Project:99999', 'child=Dataset:99999']), {
        status: exitStatus(336), stdout: '', stderr: 'Failed to create ProjectDatasetLink - No row with the given identifier exists: [ome.model.containers.Project#99999]\n',
      });
      assert.deepEqual(await projects(), before);
    });

    it('refuses bad update and null commands (rc 334, 335, 336) and changes nothing', async () => {
      const p = idOf(await env.root(['obj', 'new', 'Project', 'name=keep', 'description=d']), 'Project');
      const before = await projects();
      expectRun(await env.root(['obj', 'update', 'Project', 'name=x']), { status: exitStatus(334), stdout: '', stderr: "No id given for Project. Use e.g. 'Project:123'\n" });
      expectRun(await env.root(['obj', 'update', 'Project:abc', 'name=x']), { status: exitStatus(334), stdout: '', stderr: "No id given for Project. Use e.g. 'Project:123'\n" });
      expectRun(await env.root(['obj', 'update', 'Project:99999', 'name=x']), { status: exitStatus(334), stdout: '', stderr: 'No object found: Project:99999\n' });
      expectRun(await env.root(['obj', 'update', `Project:${p}`, 'name=x', 'frob=1']), { status: exitStatus(335), stdout: '', stderr: `Unknown field 'frob' for Project:${p}\n` });
      expectRun(await env.root(['obj', 'update', `Project:${p}`, 'details=x']), { status: exitStatus(335), stdout: '', stderr: `Unknown field 'details' for Project:${p}\n` });
      expectRun(await env.root(['obj', 'null', `Project:${p}`, 'name']), {
        status: exitStatus(336), stdout: '', stderr: `Failed to update Project:${p} - not-null property references a null or transient value: ome.model.containers.Project.name\n`,
      });
      expectRun(await env.root(['obj', 'null', `Project:${p}`]), { status: exitStatus(335), stdout: '', stderr: 'usage: null OBJ FIELD\n' });
      expectRun(await env.root(['obj', 'null', `Project:${p}`, 'frob']), { status: exitStatus(336), stdout: '', stderr: `Unknown field 'frob' for Project:${p}\n` });
      expectRun(await env.root(['obj', 'null', 'Project:99999', 'name']), { status: exitStatus(334), stdout: '', stderr: 'No object found: Project:99999\n' });
      assert.deepEqual(await projects(), before);
    });

    it('sets, reads and removes key/value pairs (map-set, map-get, list-get, get)', async () => {
      const m = idOf(await env.root(['obj', 'new', 'MapAnnotation', 'ns=example.com']), 'MapAnnotation');
      const M = `MapAnnotation:${m}`;
      const r = await runScript(
        'map.txt',
        [
          `map-set ${M} mapValue foo bar`,
          `map-set ${M} mapValue foo`,
          `map-set ${M} mapValue fu baa`,
          `map-set ${M} mapValue foo bar`,
          `map-get ${M} mapValue foo`,
          `get ${M} mapValue`,
          `list-get ${M} mapValue 0`,
          `list-get ${M} mapValue -1`,
          `map-set ${M} mapValue fu 'two words'`,
          `map-get ${M} mapValue fu`,
          `map-get ${M} mapValue zz`,
          `get ${M}`,
          `null ${M} mapValue`,
          `map-get ${M} mapValue k`,
          `map-set ${M} mapValue k v`,
          `get ${M} mapValue`,
        ].join('\n'),
      );
      expectRun(r, {
        status: 0,
        stderr: '',
        stdout: [
          M, M, M, M,
          'bar',
          '(fu,baa),(foo,bar)',
          '(fu,baa)',
          '(foo,bar)',
          M,
          'two words',
          'None',
          `description=\nid=${m}\nmapValue=(fu,two words),(foo,bar)\nname=\nns=example.com\nversion=5\n`,
          M,
          'None',
          M,
          '(k,v)',
          '',
        ].join('\n'),
      });
    });

    it('refuses bad get, list-get, map-get and map-set commands (rc 334, 335, 336)', async () => {
      const m = idOf(await env.root(['obj', 'new', 'MapAnnotation', 'ns=refusals']), 'MapAnnotation');
      const M = `MapAnnotation:${m}`;
      expectRun(await env.root(['obj', 'map-set', M, 'mapValue', 'a', '1']), { status: 0, stdout: `${M}\n` });
      const cases: [string[], number, string][] = [
        [['get', M, 'frob'], 336, `Unknown field 'frob' for ${M}`],
        [['get', M, 'details'], 336, `Error: field 'details' for ${M} : no val, id or value`],
        [['get', M, 'ns', 'x'], 335, 'usage: get OBJ [FIELD]'],
        [['list-get', M, 'mapValue', '9'], 336, `Error: field 'mapValue[9]' for ${M}, list index out of range`],
        [['list-get', M, 'ns', '0'], 336, `Field 'ns' for ${M} is not a list`],
        [['list-get', M, 'mapValue', 'x'], 335, 'Index must be an integer, got: x'],
        [['list-get', M, 'mapValue'], 335, 'usage: list-get OBJ FIELD INDEX'],
        [['map-get', M, 'mapValue'], 335, 'usage: map-get OBJ FIELD KEY'],
        [['map-get', M, 'ns', 'k'], 336, `Field 'ns' for ${M} is not a map (a list of key/value pairs)`],
        [['map-set', M, 'mapValue'], 335, 'usage: map-set OBJ FIELD KEY [VALUE]'],
        [['map-set', M, 'frob', 'k', 'v'], 336, `Unknown field 'frob' for ${M}`],
        [['map-get', 'MapAnnotation:99999', 'mapValue', 'k'], 334, 'No object found: MapAnnotation:99999'],
      ];
      for (const [args, rc, message] of cases) {
        expectRun(await env.root(['obj', ...args]), { status: exitStatus(rc), stdout: '', stderr: `${message}\n` });
      }
      expectRun(await env.root(['obj', 'get', M]), { status: 0, stdout: `description=\nid=${m}\nmapValue=(a,1)\nname=\nns=refusals\nversion=1\n\n` });
    });

    it('has no ExternalInfo: ext-info-get finds none (rc 346), ext-info-set is refused (rc 336)', async () => {
      const p = idOf(await env.root(['obj', 'new', 'Project', 'name=ext']), 'Project');
      const P = `Project:${p}`;
      const cases: [string[], number, string | RegExp][] = [
        [['ext-info-get', P], 346, `No ExternalInfo found: ${P}\n`],
        [['ext-info-get', P, 'uuid'], 346, `No ExternalInfo found: ${P}\n`],
        [['ext-info-get', P, 'frob'], 335, 'usage: ext-info-get OBJ [id|entityId|entityType|lsid|uuid]\n'],
        [['ext-info-set', P, '5'], 345, 'usage: ext-info-set OBJ entityId entityType [lsid] [uuid]\n'],
        [['ext-info-set', P, 'x', 'Type'], 347, 'entityId must be an integer, got: x\n'],
        [['ext-info-set', P, '5', 'Type', 'lsid'], 336, /^Failed to update Project:\d+ - ExternalInfo is not supported by this server .*nothing was changed\n$/],
        [['ext-info-get', 'Project:99999'], 334, 'No object found: Project:99999\n'],
      ];
      for (const [args, rc, stderr] of cases) expectRun(await env.root(['obj', ...args]), { status: exitStatus(rc), stdout: '', stderr });
    });
  });
}
