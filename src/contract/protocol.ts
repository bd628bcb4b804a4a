import type { ServiceName } from './service-contracts.js';

/**
 * The protocol's version; client and server exchange it when they connect, and a transport
 * refuses a peer that speaks another.
 */
export const PROTOCOL_VERSION = 1;

/** OMERO's default server port (Ice's 4064), used wherever no port is given. */
export const DEFAULT_PORT = 4064;

/** The string map every remote call may carry (`{'omero.group': '-1'}`), as Ice's call context. */
export type CallContextMap = Readonly<Record<string, string>>;

/** A password login (`client.createSession`). */
export interface LoginRequest {
  readonly op: 'login';
  readonly username: string;
  readonly password: string;
  /** The login group's name; absent: the user's default group. */
  readonly group?: string;
  readonly agent?: string;
  readonly timeToIdleMs?: number;
  /**
   * `--sudo ADMIN`: `username`/`password` are then the administrator's (or group owner's), and
   * the session is made for this user (reference permissions §5.4).
   */
  readonly sudo?: string;
}

/** Joining a live session by its key (`client.joinSession`, `omero login -k`). */
export interface JoinRequest {
  readonly op: 'join';
  readonly key: string;
}

/** A call of a contract method (see SERVICE_METHODS); args and result travel in wire form. */
export interface InvokeRequest {
  readonly op: 'invoke';
  readonly key: string;
  readonly service: ServiceName;
  readonly method: string;
  readonly args: unknown;
  readonly ctx?: CallContextMap;
}

export interface CloseRequest {
  readonly op: 'close';
  readonly key: string;
}

export interface PingRequest {
  readonly op: 'ping';
}

/**
 * What a client sends to the server. Arguments and results travel in the model's wire form
 * (`toWire`/`fromWire`), the same over a worker port and over a socket.
 */
export type ServerRequest = LoginRequest | JoinRequest | InvokeRequest | CloseRequest | PingRequest;

/** The server's answer: a wire value or a wire exception. */
export type ServerReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** What a login or a join answers: the session as the client needs it. */
export interface SessionInfo {
  /** The session key (UUID); only ever returned to its creator, stored hashed. */
  readonly key: string;
  readonly userId: number;
  readonly userName: string;
  readonly groupId: number;
  readonly groupName: string;
  readonly timeToIdleMs: number;
  readonly timeToLiveMs: number;
}
