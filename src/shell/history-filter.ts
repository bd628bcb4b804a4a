/**
 * Lines that must never reach the history file: anything that may carry a password or a session
 * key (the REPL docs cite passwords as the reason for the 'history' event).
 */
const SECRET = /pass(word|wd)?|secret|createSession\s*\(|joinSession\s*\(|changeUserPassword|setSecurityPassword|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

export function isSecretLine(line: string): boolean {
  return SECRET.test(line);
}
