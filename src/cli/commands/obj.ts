import { Argument, Command, Option } from 'commander';
import { CliError } from '../cli-error.js';
import { err, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { withLoginOptions } from '../login-options.js';
import {
  commandFromArgv,
  commandsFromFile,
  OBJ_ACTIONS,
  runObjCommands,
  TxState,
  type ObjAction,
  type TxCommand,
} from '../obj/index.js';

/** omero-py's `ObjControl` docstring: the help text of `omero obj`. */
const HELP = `Create, Update and Query OMERO objects

The obj command allows inserting any objects into the OMERO
database as well as updating and querying existing ones. This
is likely useful for preparing datasets for import and similar.

Examples:

    $ omero obj new Dataset name=foo
    Dataset:123
    $ omero obj update Dataset:123 description=bar
    Dataset:123
    $ omero obj get Dataset:123 name
    foo
    $ omero obj get Dataset:123
    description=bar
    id=123
    name=foo
    version=
    $ omero obj null Dataset:123 description
    Dataset:123
    $ omero obj get Dataset:123 description

    $ omero obj new MapAnnotation ns=example.com
    MapAnnotation:456
    $ omero obj map-set MapAnnotation:456 mapValue foo bar
    MapAnnotation:456
    $ omero obj map-set MapAnnotation:456 mapValue foo
    MapAnnotation:456
    $ omero obj map-set MapAnnotation:456 mapValue fu baa
    MapAnnotation:456
    $ omero obj map-get MapAnnotation:456 mapValue foo
    bar
    $ omero obj get MapAnnotation:456 mapValue
    (foo,bar),(fu,baa)
    $ omero obj list-get MapAnnotation:456 mapValue 0
    (foo,bar)

Bash examples:

    $ project=$(omero obj new Project name='my Project')
    $ dataset=$(omero obj new Dataset name='my Dataset')
    $ omero obj new ProjectDatasetLink parent=$project child=$dataset
    ProjectDatasetLink:456
    $ omero import -d $dataset ...
`;

/** The options of `omero obj` itself (login options are read through `withConnection`). */
interface ObjOptions {
  readonly file?: string;
}

/**
 * `omero obj [command] [Class] [fields …]` and `omero obj --file PATH` (omero-py
 * `plugins/obj.py`, reference cli §5). Every command prints one result on stdout; failures
 * print OMERO's message on stderr with its rc. Login arguments as on every OMERO command.
 */
export function objCommand(io: CliIO): Command {
  const cmd = withLoginOptions(
    new Command('obj')
      .description(HELP)
      .summary('Create, Update and Query OMERO objects')
      .addOption(new Option('--file <FILE>').hideHelp())
      .addArgument(new Argument('[command]', 'operation to be performed').choices(OBJ_ACTIONS))
      .argument('[Class]', 'OMERO model object name, e.g. Project')
      .argument('[fields...]', 'fields to be set, e.g. name=foo'),
  );
  cmd.action(async (action: ObjAction | undefined, type: string | undefined, fields: string[], opts: ObjOptions) => {
    let commands: TxCommand[];
    if (action === undefined) {
      if (opts.file === undefined) throw new CliError(100, 'No command provided');
      commands = await commandsFromFile(opts.file, () => readAll(io.stdin));
    } else {
      if (opts.file !== undefined) err(io, `Ignoring ${opts.file}`);
      commands = [commandFromArgv(action, type, fields)];
    }
    if (commands.length === 0) return;
    const state = new TxState(io);
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      await runObjCommands(commands, { state, query: session.getQueryService(), update: session.getUpdateService() });
    });
  });
  return cmd;
}

/** Everything on a stream (`--file -`). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
