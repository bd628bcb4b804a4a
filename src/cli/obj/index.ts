/** `omero obj` (omero-py `plugins/obj.py`, reference cli §5): parsing, actions and the run. */
export { OBJ_ACTIONS, commandFromArgv, commandFromLine, type ObjAction, type TxCommand } from './tx-command.js';
export { TxState } from './tx-state.js';
export { shlexSplit, ShlexError } from './shlex-split.js';
export { ALL_GROUPS, type ObjContext } from './obj-context.js';
export { commandsFromFile, runObjCommands } from './run-obj.js';
