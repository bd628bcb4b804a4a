import type { AsyncOmeroClient } from '../../client/async-client.js';
import type { AsyncTransport } from '../../client/transport/async-transport.js';
import type { SessionStore } from '../../client/session-store/index.js';
import type { CliIO } from '../cli-io.js';
import type { LoginArgs } from '../login-options.js';
import type { LoginAction } from './banner.js';

/** A logged-in CLI connection. */
export interface Connection {
  /** The command's client: calls answer promises (see `blockingClient` for the shell). */
  readonly client: AsyncOmeroClient;
  readonly host: string;
  readonly port: string;
  readonly user: string;
  readonly action: LoginAction;
  readonly store: SessionStore;
  /** The password this login typed or read, if it made a new session (the shell keeps it out of its history). */
  readonly password?: string;
}

/** What every step of a login shares: the arguments, the terminal, the store, how to make a client. */
export interface LoginScope {
  readonly args: LoginArgs;
  readonly io: CliIO;
  readonly store: SessionStore;
  /**
   * A new, unconnected client for a server, with the login group set. `port` is a port the user
   * gave (or a session file recorded); null means the default server of `host` (README "Servers").
   */
  readonly newClient: (host: string, port: string | null) => AsyncOmeroClient;
  /** `-q`: no banner, no notices. */
  readonly quiet: boolean;
  /** `login -t SECS`: the idle timeout to set, in seconds; null for the server's default. */
  readonly timeoutSeconds: number | null;
}

/** Where a login goes: the server and the user. */
export interface LoginTarget {
  readonly host: string;
  /** The port in force (the explicit one, else the default). */
  readonly port: string;
  /** The port the user gave (`-p` or `host:port`), stored as `omero.port`; null when none. */
  readonly explicitPort: string | null;
}

/** The transport to the server of a stored session: its host, and the port its file records (or null). */
export type SessionTransports = (host: string, port: string | null) => AsyncTransport;
