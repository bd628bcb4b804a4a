import type { EventEmitter } from 'node:events';
import type { REPLServer } from 'node:repl';

/**
 * Node's REPL runs its eval inside a domain, and an exception from evaluated code goes to that
 * domain, never to the eval callback; the REPL's own handler then prints "Uncaught …" with a stack.
 * We want OMERO exceptions as one line and scripts that go on, so the domain's errors come to us.
 * (`_domain` is not documented; the check keeps the shell usable if a Node release drops it.)
 */
export function captureEvalErrors(server: REPLServer, onError: (e: unknown) => void): boolean {
  const domain = (server as unknown as { _domain?: EventEmitter })._domain;
  if (!domain || typeof domain.removeAllListeners !== 'function') return false;
  domain.removeAllListeners('error');
  domain.on('error', onError);
  return true;
}
