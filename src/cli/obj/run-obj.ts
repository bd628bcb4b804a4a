import { readFileSync } from 'node:fs';
import { CliError } from '../cli-error.js';
import { runExtInfoGet, runExtInfoSet } from './ext-info-actions.js';
import { runNew } from './new-object.js';
import type { ObjContext } from './obj-context.js';
import { runGet, runListGet, runMapGet } from './read-actions.js';
import { commandFromLine, type ObjAction, type TxCommand } from './tx-command.js';
import { runUpdate } from './update-object.js';
import { runMapSet, runNull } from './write-actions.js';

/** How each action runs. */
const ACTIONS: Readonly<Record<ObjAction, (cmd: TxCommand, ctx: ObjContext) => Promise<void>>> = Object.freeze({
  new: runNew,
  update: runUpdate,
  null: runNull,
  'map-get': runMapGet,
  'map-set': runMapSet,
  get: runGet,
  'list-get': runListGet,
  'ext-info-get': runExtInfoGet,
  'ext-info-set': runExtInfoSet,
});

/**
 * Runs the commands in order; each prints its result as it finishes, so a failure leaves the
 * earlier results printed (and saved) and stops the run with its rc.
 */
export async function runObjCommands(commands: readonly TxCommand[], ctx: ObjContext): Promise<void> {
  for (const cmd of commands) await ACTIONS[cmd.action](cmd, ctx);
}

/**
 * The commands of a `--file` (omero-py `ObjControl.process`): each line stripped, blank lines
 * and `#` comments skipped, the rest parsed by `commandFromLine` (an unknown action is rc 100
 * before anything runs). `-` reads standard input. A file that cannot be read is rc 337
 * `Cannot read file`.
 */
export async function commandsFromFile(path: string, readStdin: () => Promise<string>): Promise<TxCommand[]> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : readFileSync(path, 'utf8');
  } catch {
    throw new CliError(337, 'Cannot read file');
  }
  const commands: TxCommand[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) commands.push(commandFromLine(line));
  }
  return commands;
}
