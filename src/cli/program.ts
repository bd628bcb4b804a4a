import { Command } from 'commander';
import type { CliIO } from './cli-io.js';
import { applyConventions } from './conventions.js';
import { withLoginOptions } from './login-options.js';
import { pluginToBuild, subcommandToBuild } from './plugin-to-build.js';

/** The version printed by `omero --version`. */
export const VERSION = '5.6.16-ts.0.4.5';

/**
 * What builds one plugin's command tree: all of it, or, given `only` (the subcommand the command
 * line runs), just that subcommand if the plugin builds its subcommands lazily (subcommands.ts).
 */
export type PluginFactory = (io: CliIO, only?: string) => Command;

/**
 * The plugins, by the name they are called by, in the order `omero -h` lists them. Each plugin's
 * module loads when that plugin is built: a command evaluates only its own plugin (in the start-up
 * bundles the others stay unevaluated; issue 10).
 */
export const PLUGINS: ReadonlyMap<string, () => Promise<PluginFactory>> = new Map<string, () => Promise<PluginFactory>>([
  ['login', async () => (await import('./commands/login.js')).loginCommand],
  ['logout', async () => (await import('./commands/login.js')).logoutCommand],
  ['sessions', async () => (await import('./commands/sessions.js')).sessionsCommand],
  ['shell', async () => (await import('./commands/shell.js')).shellCommand],
  ['admin', async () => (await import('./commands/admin.js')).adminCommand],
  ['db', async () => (await import('./commands/db.js')).dbCommand],
  ['demo', async () => (await import('./commands/demo.js')).demoCommand],
  ['user', async () => (await import('./commands/user.js')).userCommand],
  ['group', async () => (await import('./commands/group.js')).groupCommand],
  ['ldap', async () => (await import('./commands/ldap.js')).ldapCommand],
  ['obj', async () => (await import('./commands/obj.js')).objCommand],
  ['hql', async () => (await import('./commands/hql.js')).hqlCommand],
  ['errors', async () => (await import('./commands/errors.js')).errorsCommand],
  ['audit', async () => (await import('./commands/audit.js')).auditCommand],
]);

/**
 * The `omero` command tree: the root only wires plugins together (one file per plugin). Given the
 * command line, only the plugin it runs is built (building every plugin's options was a tenth of
 * a command's start-up); the root's help, `help`, a root option or an unknown name get all of them.
 */
export async function buildProgram(io: CliIO, argv?: readonly string[], plugins: ReadonlyMap<string, () => Promise<PluginFactory>> = PLUGINS): Promise<Command> {
  const program = withLoginOptions(
    new Command('omero')
      .description('OMERO command line: users, groups, sessions, permissions and queries')
      .version(VERSION, '-v, --version', 'show the version and exit')
      .option('--debug', 'show stack traces of errors')
      .enablePositionalOptions(),
  );
  const only = argv ? pluginToBuild(argv, plugins) : null;
  const names = only === null ? [...plugins.keys()] : [only];
  const factories = await Promise.all(names.map((name) => plugins.get(name)!()));
  const sub = only === null ? undefined : subcommandToBuild(argv!);
  for (const make of factories) program.addCommand(make(io, sub));
  applyConventions(program, io);
  return program;
}
