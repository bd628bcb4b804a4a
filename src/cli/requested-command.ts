/**
 * What a command line asks for, read before commander is even loaded, so that start-up can skip
 * work (issue 6, scripts/bench): which plugin runs, and whether it will talk to the server.
 * When unsure the answers are "don't know" (null / false): the caller then does the full,
 * ordinary thing, so a wrong guess can only cost time, never change behaviour.
 */

/** Root options that take a value (OMERO's login arguments). */
const VALUE_OPTIONS = new Set(['-s', '--server', '-p', '--port', '-g', '--group', '-u', '--user', '-w', '--password', '-k', '--key', '--sudo']);

/** The first positional of `omero [root options] NAME …` and the tokens after it; null if none or unsure. */
export function requestedCommand(argv: readonly string[]): { readonly name: string; readonly rest: readonly string[] } | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return null;
    if (!a.startsWith('-') || a === '-') return { name: a, rest: argv.slice(i + 1) };
    if (a.startsWith('--')) {
      if (!a.includes('=') && VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    // A cluster of short flags (`-qC`); a value option takes the rest of the token or the next one.
    const flags = a.slice(1);
    for (let j = 0; j < flags.length; j++) {
      if (VALUE_OPTIONS.has(`-${flags[j]}`)) {
        if (j === flags.length - 1) i++;
        break;
      }
    }
  }
  return null;
}

/**
 * Whether the command will certainly open a session on the engine (so its server thread may
 * start before the command line is parsed): `login`, `shell --login`, and `user|group|obj|hql`
 * with a subcommand or argument. Help and version requests never do.
 */
export function wantsServer(argv: readonly string[]): boolean {
  if (argv.some((a) => a === '-h' || a === '--help' || a === '-v' || a === '--version')) return false;
  const r = requestedCommand(argv);
  if (!r) return false;
  switch (r.name) {
    case 'login':
      return true;
    case 'shell':
      return r.rest.includes('--login');
    case 'user':
    case 'group':
    case 'obj':
    case 'hql':
      return r.rest.some((t) => !t.startsWith('-'));
    default:
      return false;
  }
}

/**
 * The plugins' names, as src/cli/program.ts PLUGINS has them (a test checks that they agree): the
 * launcher keeps a code cache per plugin, never per word typed.
 */
export const PLUGIN_NAMES: ReadonlySet<string> = new Set(['login', 'logout', 'sessions', 'shell', 'admin', 'db', 'demo', 'user', 'group', 'ldap', 'obj', 'hql', 'errors', 'audit']);

/**
 * The plugins that load the server's or the demo's modules (the only dynamic imports of those from
 * the CLI): they run from the whole CLI bundle (dist/bundle/omero-cli.cjs).
 */
export const FULL_BUNDLE_COMMANDS: ReadonlySet<string> = new Set(['admin', 'db', 'demo']);

/**
 * The start-up bundle of a command line (scripts/bundle.mjs): the shell runs from
 * dist/bundle/omero-shell.cjs (the command line and the shells, without the server); a known
 * command that talks to a server only from the smaller dist/bundle/omero-client.cjs (neither
 * the server nor the shells); the rest (help, `admin`, `db`, `demo`) from the whole
 * dist/bundle/omero-cli.cjs.
 */
export function bundleFor(argv: readonly string[]): 'omero-client.cjs' | 'omero-shell.cjs' | 'omero-cli.cjs' {
  const r = requestedCommand(argv);
  if (r === null || FULL_BUNDLE_COMMANDS.has(r.name)) return 'omero-cli.cjs';
  return r.name === 'shell' ? 'omero-shell.cjs' : 'omero-client.cjs';
}
