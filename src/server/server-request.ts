import type { CallContextMap } from './call/call-context.js';

/** The names under which services can be called. */
export type ServiceName = 'IAdmin' | 'IQuery' | 'IUpdate' | 'IContainer' | 'ServiceFactory' | 'ISession' | 'ILdap';

/**
 * What a client sends to the server. Arguments and results travel in the model's wire form
 * (`toWire`/`fromWire`) so that a network transport can carry the same messages later.
 */
export type ServerRequest =
  | { readonly op: 'login'; readonly username: string; readonly password: string; readonly group?: string; readonly agent?: string; readonly timeToIdleMs?: number; readonly sudo?: string }
  | { readonly op: 'join'; readonly key: string }
  | { readonly op: 'invoke'; readonly key: string; readonly service: ServiceName; readonly method: string; readonly args: unknown; readonly ctx?: CallContextMap }
  | { readonly op: 'close'; readonly key: string }
  | { readonly op: 'ping' };

/** The server's answer: a wire value or a wire exception. */
export type ServerReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };
