import { Argument, Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { parseIntArgument } from '../conventions.js';
import { runHqlQuery, type HqlOptions } from '../hql/index.js';
import { InputError, promptLine, terminalPrompter } from '../input/index.js';
import { loginArgs, withLoginOptions } from '../login-options.js';
import { TABLE_STYLES, type TableStyle } from '../output/index.js';

/** omero-py's HELP of the hql plugin. */
const HELP = `Executes an HQL statement with the given parameters

If no query is given, then a shell is opened which will run any entered query
with the current parameters.
`;

/** The options of `omero hql` (login options are read through `withConnection`). */
interface HqlCommandOptions {
  readonly admin?: boolean;
  readonly all?: boolean;
  readonly idsOnly?: boolean;
  readonly limit?: number;
  readonly offset?: number;
  readonly style?: TableStyle;
}

/**
 * `omero hql [--admin] [--all] [--ids-only] [--limit LIMIT] [--offset OFFSET] [--style S]
 * [query]` (omero-py `plugins/hql.py`, reference cli §6). Every query runs through
 * `IQuery.projection` (as omero-py does), so the permission filtering of the session's group —
 * or of every group with `--all` — applies. Without a query it asks `Enter query:` on a
 * terminal until an empty answer (rc 67 with `-q`; rc 564 without a terminal, never waiting on
 * a pipe). On a terminal (standard input and output), unless quiet, a pager follows each result.
 */
export function hqlCommand(io: CliIO): Command {
  const cmd = withLoginOptions(
    new Command('hql')
      .description(HELP)
      .summary('Executes an HQL statement with the given parameters')
      .addArgument(new Argument('[query]', 'Single query to run'))
      .option('--admin', "Run an admin query (deprecated; use 'all')")
      .option('--all', 'Perform query on all groups')
      .option('--ids-only', 'Show only the ids of returned objects')
      .addOption(new Option('--limit <LIMIT>', 'maximum number of return values (default=25)').argParser(parseIntArgument))
      .addOption(new Option('--offset <OFFSET>', 'number of entries to skip (default=0)').argParser(parseIntArgument))
      .addOption(new Option('--style <STYLE>', 'use alternative output style (default=sql)').choices(TABLE_STYLES)),
  );
  cmd.action(async (query: string | undefined, opts: HqlCommandOptions) => {
    const quiet = Boolean(loginArgs(cmd).quiet);
    const terminal = io.stdin.isTTY === true && io.stdout.isTTY === true;
    const options: HqlOptions = {
      all: Boolean(opts.admin || opts.all),
      idsOnly: Boolean(opts.idsOnly),
      style: opts.style,
      page: { offset: opts.offset ?? 0, limit: opts.limit ?? 25 },
      pager: !quiet && terminal ? terminalPrompter(io.stdin, io.stdout) : null,
    };
    if (query) {
      await withConnection(cmd, io, (c) => runHqlQuery(io, c.client.getSession().getQueryService(), query, { ...options, admin: c.client.getSession().getAdminService() }, false));
      return;
    }
    if (quiet) throw new CliError(67, "Can't ask for query with --quiet option");
    let next = await askQuery(io);
    if (!next) return;
    await withConnection(cmd, io, async (c) => {
      const service = c.client.getSession().getQueryService();
      while (next) {
        if (!(await runHqlQuery(io, service, next, { ...options, admin: c.client.getSession().getAdminService() }, true))) return;
        next = await askQuery(io);
      }
    });
  });
  return cmd;
}

/** `Enter query:` on the terminal (stderr); no terminal is rc 564, Ctrl-C / Ctrl-D rc 1 `Cancelled`. */
async function askQuery(io: CliIO): Promise<string> {
  try {
    return await promptLine('Enter query:', { stdin: io.stdin, stderr: io.stderr, what: 'query' });
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.rc, e.message);
    throw e;
  }
}
