export { confirmNewPassword } from './confirm-new-password.js';
export { InputCancelledError, InputError, NotATerminalError } from './input-error.js';
export {
  promptLine,
  promptPassword,
  requireTerminal,
  terminalPrompter,
  type Prompter,
  type PromptIO,
  type PromptOutput,
  type ResolvedPromptIO,
} from './prompter.js';
export { readLine, type InputStream } from './read-line.js';
export { readPassword, type ReadPasswordOptions } from './read-password.js';
