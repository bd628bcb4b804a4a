import type { SessionInfo } from '../contract/index.js';
import { ClientError } from '../model/index.js';
import { asyncServiceFactory, type AsyncServiceFactory } from './async-proxies.js';
import { assertNoSession, loginRequest, requireSession } from './login-request.js';
import { OmeroClient } from './omero-client.js';
import { AsyncRemoteSession, unwrapReply } from './remote.js';
import { blockingOf, type AsyncTransport } from './transport/async-transport.js';
import type { Transport } from './transport/transport.js';

/**
 * The command line's client: `omero.client` with calls that answer promises, so a command talks
 * to the server from its one thread (issue 10 item 5). Login, join and close as `omero.client`;
 * `blocking()` hands the session to a blocking client (the shell): on the blocking transport the
 * client was made with, or on its own transport when that one blocks.
 */
export class AsyncOmeroClient {
  readonly #transport: AsyncTransport;
  /** Where `blocking()` hands the session over: given, or this client's own transport if it blocks. */
  readonly #blocking: Transport | null;
  readonly #props: Map<string, string>;
  #remote: AsyncRemoteSession | null = null;
  #sf: AsyncServiceFactory | null = null;
  #info: SessionInfo | null = null;

  /**
   * `blocking`: the blocking transport to the same server that `blocking()` will use (the shell
   * logs in on this thread's own socket, which is ready sooner, while its connection thread starts).
   */
  constructor(transport: AsyncTransport, props: Readonly<Record<string, string>> = {}, blocking?: Transport) {
    this.#transport = transport;
    this.#blocking = blocking ?? null;
    this.#props = new Map(Object.entries(props));
  }

  /** Logs in with a password; defaults to properties `omero.user`/`omero.pass`. */
  async createSession(username?: string | null, password?: string | null): Promise<AsyncServiceFactory> {
    assertNoSession(this.#sf !== null);
    const request = loginRequest(this.#props, username, password);
    return this.#attach(unwrapReply(await this.#transport.request(request)) as SessionInfo);
  }

  /** Joins an existing session by its key (`-k KEY`). */
  async joinSession(key: string): Promise<AsyncServiceFactory> {
    assertNoSession(this.#sf !== null);
    return this.#attach(unwrapReply(await this.#transport.request({ op: 'join', key })) as SessionInfo);
  }

  #attach(info: SessionInfo): AsyncServiceFactory {
    this.#info = info;
    this.#remote = new AsyncRemoteSession(this.#transport, info.key);
    this.#sf = asyncServiceFactory(this.#remote);
    return this.#sf;
  }

  /** The current ServiceFactory; ClientError "No session available" without one. */
  getSession(): AsyncServiceFactory {
    return requireSession(this.#sf);
  }

  getSessionId(): string {
    return requireSession(this.#info).key;
  }

  /** What the server said about the session at login or join: user, group, timeouts. */
  getSessionInfo(): SessionInfo | null {
    return this.#info;
  }

  /**
   * Ends the client's use of the session; the server session is closed too unless
   * `detachOnDestroy()` was called (stored CLI sessions).
   */
  async closeSession(): Promise<void> {
    const remote = this.#remote;
    this.#remote = null;
    this.#sf = null;
    this.#info = null;
    if (!remote) return;
    remote.markClosed();
    if (remote.detach) return;
    try {
      await this.#transport.request({ op: 'close', key: remote.key });
    } catch {
      /* the session is gone already */
    }
  }

  /** Closes the server session whatever `detachOnDestroy` says; 0, or -1 without a session. */
  async killSession(): Promise<number> {
    if (!this.#remote) return -1;
    this.#remote.detach = false;
    await this.closeSession();
    return 0;
  }

  /**
   * A blocking `omero.client` holding this client's session, for the shell: on the blocking
   * transport given to the constructor, else on this client's transport when it is a blocking one
   * seen as async (`asAsync`), else a ClientError.
   */
  blocking(): OmeroClient {
    const transport = this.#blocking ?? blockingOf(this.#transport);
    if (!transport) throw new ClientError('This client has no blocking transport');
    const client = new OmeroClient(transport, Object.fromEntries(this.#props));
    if (this.#info && this.#remote) client.adoptSession(this.#info, this.#remote.detach);
    return client;
  }
}
