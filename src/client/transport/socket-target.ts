/** The server a SocketTransport connects to. */
export interface SocketTarget {
  readonly host: string;
  readonly port: number;
  /** Speak TLS (`wss:`). Default: on for any host but this machine's. */
  readonly tls: boolean;
  /** A PEM file of the certificate authority to trust besides the system's (`OMERO_TLS_CA`). */
  readonly caFile?: string;
  /** The server id the state file recorded: a server with another id is not the one meant. */
  readonly serverId?: string;
}

/** `ws://host:port/` or `wss://…`, with IPv6 literals bracketed. */
export function socketUrl(t: SocketTarget): string {
  const host = t.host.includes(':') && !t.host.startsWith('[') ? `[${t.host}]` : t.host;
  return `${t.tls ? 'wss' : 'ws'}://${host}:${t.port}/`;
}

/**
 * How a SocketTransport finds its server: a fixed address (`-s/-p`), or the server of a user
 * directory, looked up again (and started if none runs) every time the connection is made, so
 * that a restarted server on a new port is found.
 */
export type ServerLocator = { readonly address: SocketTarget } | { readonly userDirEnv: Readonly<Record<string, string | undefined>> };
