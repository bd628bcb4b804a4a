import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exitStatus } from '../../../src/cli/cli-error.js';
import type { CliResult } from '../../helpers/cli-runner.js';
import { ENGINES } from '../../helpers/test-database.js';
import { hqlRows, openObjEnv, script } from './obj-hql-fixture.js';
import { expectRun, type UserGroupEnv } from './usergroup-env.js';

/** The `[Type, id]` of each result line. */
function results(result: CliResult): [string, number][] {
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trimEnd().split('\n').map((line) => {
    const m = /^([A-Za-z]+):(\d+)$/.exec(line);
    assert.ok(m, `not a Type:id line: ${line}`);
    return [m[1]!, Number(m[2])];
  });
}

// `omero obj --file PATH` (reference cli §5): `[var = ]action …` lines, `@=N` and `@=var`
// references, comments and blank lines, shell quoting, standard input, and its refusals.
for (const engine of ENGINES) {
  describe(`omero obj --file (${engine})`, () => {
    let env: UserGroupEnv;
    /** Every project name, by id. */
    const projectNames = async () =>
      hqlRows(await env.root(['hql', '--all', '--style', 'csv', '--limit', '100', 'select p.name from Project p order by p.id'])).map((r) => r[0]);
    const runScript = (name: string, text: string) => env.root(['obj', '--file', script(env, name, text)]);

    before(async () => {
      env = await openObjEnv(engine);
    });
    after(() => env?.close());

    it('links new objects through @=N and @=var references (OMERO test_linkage, test_link_annotation)', async () => {
      const r = await runScript(
        'links.txt',
        `# OMERO's linkage examples
            new Project name=foo
            new Dataset name=bar

            new ProjectDatasetLink parent@=0 child@=1
            foo = new Project name='my Project'
          bar=  new Dataset name="my \\"quoted\\" Dataset"
            link = new ProjectDatasetLink parent@=foo child@=bar
            new CommentAnnotation ns=test textValue=foo
            new DatasetAnnotationLink parent@=1 child@=6
`,
      );
      const out = results(r);
      assert.deepEqual(out.map(([t]) => t), [
        'Project', 'Dataset', 'ProjectDatasetLink', 'Project', 'Dataset', 'ProjectDatasetLink', 'CommentAnnotation', 'DatasetAnnotationLink',
      ]);
      const id = (i: number) => out[i]![1];
      const check = await runScript(
        'check.txt',
        [
          `get ProjectDatasetLink:${id(2)} parent`,
          `get ProjectDatasetLink:${id(2)} child`,
          `get ProjectDatasetLink:${id(5)} parent`,
          `get ProjectDatasetLink:${id(5)} child`,
          `get Dataset:${id(4)} name`,
          `get DatasetAnnotationLink:${id(7)}`,
        ].join('\n'),
      );
      expectRun(check, {
        status: 0,
        stderr: '',
        stdout: [
          `Project:${id(0)}`,
          `Dataset:${id(1)}`,
          `Project:${id(3)}`,
          `Dataset:${id(4)}`,
          'my "quoted" Dataset',
          `child=CommentAnnotation:${id(6)}\nid=${id(7)}\nparent=Dataset:${id(1)}\nversion=0\n\n`,
        ].join('\n'),
      });
    });

    it('reads standard input with --file -; a result is a value for later lines', async () => {
      const r = await env.root(['obj', '--file', '-'], { input: 'who = get Experimenter:0 omeName\nnew Project name@=who description@=0\n' });
      expectRun(r, { status: 0, stderr: '', stdout: /^root\nProject:\d+\n$/ });
      const p = /Project:(\d+)/.exec(r.stdout)![1];
      expectRun(await env.root(['obj', 'get', `Project:${p}`]), { status: 0, stdout: `description=root\nid=${p}\nname=root\nversion=0\n\n` });
      // An empty script does nothing.
      expectRun(await runScript('empty.txt', '\n# nothing\n   \n'), { status: 0, stdout: '', stderr: '' });
    });

    it('refuses unreadable files (rc 337) and unknown actions before running anything (rc 100)', async () => {
      const names = await projectNames();
      expectRun(await env.root(['obj', '--file', join(env.cli.userDir, 'missing.txt')]), { status: exitStatus(337), stdout: '', stderr: 'Cannot read file\n' });
      const dir = join(env.cli.userDir, 'a-directory');
      mkdirSync(dir);
      expectRun(await env.root(['obj', '--file', dir]), { status: exitStatus(337), stdout: '', stderr: 'Cannot read file\n' });
      expectRun(await runScript('unknown.txt', 'new Project name=never\n  frob   Project name=y\n'), {
        status: 100, stdout: '', stderr: 'Unknown command: frob Project name=y\n',
      });
      assert.deepEqual(await projectNames(), names);
    });

    it('stops at the first failing line, keeping what was done; a command wins over --file', async () => {
      const r = await runScript('partial.txt', 'new Project name=first\nupdate Project:99999 name=x\nnew Project name=never\n');
      expectRun(r, { status: exitStatus(334), stdout: /^Project:\d+\n$/, stderr: 'No object found: Project:99999\n' });
      const ignored = script(env, 'ignored.txt', 'new Project name=ignored\n');
      expectRun(await env.root(['obj', '--file', ignored, 'get', 'Experimenter:0', 'omeName']), { status: 0, stdout: 'root\n', stderr: `Ignoring ${ignored}\n` });
      const names = await projectNames();
      assert.ok(names.includes('first') && !names.includes('never') && !names.includes('ignored'), names.join(','));
    });

    it('refuses bad references and unsplittable lines (rc 1) and creates nothing', async () => {
      const names = await projectNames();
      const cases: [string, string][] = [
        ['new Project name@=7\n', 'Invalid reference: @=7 (this run has 1 command(s) so far)'],
        ['new Project name@=nope\n', "Invalid reference: @=nope (no variable named 'nope')"],
        ['new Project name@=-1\n', 'Invalid reference: -1'],
        ["new Project name='unbalanced\n", "Cannot parse line: new Project name='unbalanced (No closing quotation)"],
      ];
      for (const [text, message] of cases) expectRun(await runScript('bad.txt', text), { status: 1, stdout: '', stderr: `${message}\n` });
      assert.deepEqual(await projectNames(), names);
    });
  });
}
