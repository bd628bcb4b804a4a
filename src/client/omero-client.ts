import { DEFAULT_PORT } from '../contract/index.js';
import { ClientError, CmdError } from '../model/index.js';
import type { SessionInfo } from '../contract/index.js';
import { CmdCallbackI } from './cmd-callback.js';
import { RemoteSession, unwrapReply, type Ctx } from './remote.js';
import { ServiceFactoryPrx } from './service-factory-prx.js';
import { assertNoSession, loginRequest, requireSession } from './login-request.js';
import { transportFor } from './transport/shared-transport.js';
import type { Transport } from './transport/transport.js';


/**
 * `omero.client` (reference api §1.1): `new omero.client('localhost')`, then
 * `client.createSession('user-2', password)` or `client.joinSession(key)`; `client.getSession()`
 * returns the ServiceFactory. Arguments are sorted by type as in Python: a string is the host, a
 * number the port, an object the properties (`omero.user`, `omero.pass`, `omero.group`, …).
 */
export class OmeroClient {
  readonly #props: Map<string, string>;
  readonly #transport: Transport;
  #remote: RemoteSession | null = null;
  #sf: ServiceFactoryPrx | null = null;
  #info: SessionInfo | null = null;

  constructor(...args: unknown[]) {
    this.#props = new Map();
    let host: string | undefined;
    let port: number | undefined;
    let transport: Transport | undefined;
    for (const a of args) {
      if (a === undefined || a === null) continue;
      if (typeof a === 'string') {
        if (host !== undefined) throw new ClientError('Found two arguments of same type: string');
        host = a;
      } else if (typeof a === 'number') {
        if (port !== undefined) throw new ClientError('Found two arguments of same type: number');
        port = a;
      } else if (isTransport(a)) {
        transport = a;
      } else if (typeof a === 'object') {
        for (const [k, v] of Object.entries(a as Record<string, unknown>)) this.#props.set(k, String(v));
      } else {
        throw new ClientError(`Unexpected argument: ${String(a)}`);
      }
    }
    host ??= this.#props.get('omero.host') ?? 'localhost';
    const parsed = parseHost(host);
    const givenPort = port ?? parsed.port ?? (this.#props.has('omero.port') ? Number(this.#props.get('omero.port')) : null);
    if (givenPort !== null && !(Number.isInteger(givenPort) && givenPort > 0 && givenPort < 65536)) throw new ClientError(`Invalid port: ${givenPort}`);
    this.#props.set('omero.host', parsed.host);
    this.#props.set('omero.port', String(givenPort ?? DEFAULT_PORT));
    // No port: for this machine, the server of the user directory (README "Servers").
    this.#transport = transport ?? transportFor({ host: parsed.host, port: givenPort });
  }

  /** Logs in with a password; defaults to properties `omero.user`/`omero.pass`. */
  createSession(username?: string | null, password?: string | null): ServiceFactoryPrx {
    assertNoSession(this.#sf !== null);
    return this.#attach(unwrapReply(this.#transport.request(loginRequest(this.#props, username, password))) as SessionInfo);
  }

  /** Joins an existing session by its key (`-k KEY`). */
  joinSession(key: string): ServiceFactoryPrx {
    assertNoSession(this.#sf !== null);
    return this.#attach(unwrapReply(this.#transport.request({ op: 'join', key })) as SessionInfo);
  }

  /**
   * Takes over a session another client of this process has just made or joined on the same
   * server (the CLI hands its login to the shell), without a call; `detach` as that client had it.
   */
  adoptSession(info: SessionInfo, detach: boolean): ServiceFactoryPrx {
    assertNoSession(this.#sf !== null);
    const sf = this.#attach(info);
    if (detach) sf.detachOnDestroy();
    return sf;
  }

  #attach(info: SessionInfo): ServiceFactoryPrx {
    this.#info = info;
    this.#remote = new RemoteSession(this.#transport, info.key);
    this.#sf = new ServiceFactoryPrx(this.#remote);
    return this.#sf;
  }

  /** The current ServiceFactory; ClientError "No session available" without one. */
  getSession(): ServiceFactoryPrx {
    return requireSession(this.#sf);
  }

  /** The session key (UUID), without a remote call. */
  getSessionId(): string {
    return requireSession(this.#info).key;
  }

  /** What the server said about the session at login: user, group, timeouts. */
  getSessionInfo(): SessionInfo | null {
    return this.#info;
  }

  /** The transport this client's calls go through (the Python shell relays Python's calls over it). */
  getTransport(): Transport {
    return this.#transport;
  }

  /**
   * Ends the client's use of the session. The server session is closed too, unless
   * `detachOnDestroy()` was called (stored CLI sessions) so that it can be joined again.
   */
  closeSession(): void {
    const remote = this.#remote;
    this.#remote = null;
    this.#sf = null;
    this.#info = null;
    if (!remote) return;
    if (!remote.detach) {
      try {
        this.#transport.request({ op: 'close', key: remote.key });
      } catch {
        /* the session is gone already */
      }
    }
    remote.markClosed();
  }

  /** Closes the server session whatever `detachOnDestroy` says; returns 0 as the last reference. */
  killSession(): number {
    if (!this.#remote) return -1;
    this.#remote.detach = false;
    this.closeSession();
    return 0;
  }

  getProperty(key: string): string {
    return this.#props.get(key) ?? '';
  }

  getPropertyMap(): Record<string, string> {
    return Object.fromEntries([...this.#props].filter(([k]) => k !== 'omero.pass'));
  }

  /** A copy of the call context with `omero.group` set, to pass as the last argument of a call. */
  getContext(group?: number | string | null): Record<string, string> {
    const ctx: Record<string, string> = {};
    if (this.#info) ctx['omero.session.uuid'] = this.#info.key;
    if (group !== undefined && group !== null) ctx['omero.group'] = String(group);
    return ctx;
  }

  /** Submits a command and waits for it: returns the callback (throws CmdError on ERR when asked). */
  submit(request: object, loops = 10, ms = 500, failonerror = true, ctx?: Ctx | null): CmdCallbackI {
    const handle = this.getSession().submit(request, ctx);
    const cb = new CmdCallbackI(this, handle);
    cb.loop(loops, ms);
    if (failonerror && cb.isFailure()) {
      handle.close();
      throw new CmdError(cb.getResponse());
    }
    return cb;
  }
}

function isTransport(a: unknown): a is Transport {
  return typeof a === 'object' && a !== null && typeof (a as Transport).request === 'function' && typeof (a as Transport).close === 'function';
}

/** `host`, `host:port`, or `proto://host[:port]` (Python client's URL form). */
function parseHost(h: string): { host: string; port?: number } {
  const url = /^[a-z]+:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?/i.exec(h);
  if (url) return { host: url[1]!.replace(/^\[|\]$/g, ''), port: url[2] ? Number(url[2]) : undefined };
  const hp = /^(.*?)(?::(\d{1,5}))?$/.exec(h)!;
  return { host: hp[1]!, port: hp[2] ? Number(hp[2]) : undefined };
}
