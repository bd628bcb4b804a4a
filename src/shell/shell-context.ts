import type { OmeroClient } from '../client/omero-client.js';
import { omero, topLevelNames } from '../omero-namespace.js';

/** A preloaded name and the one line `.help` shows for it. */
export interface PreloadedName {
  readonly name: string;
  readonly help: string;
}

/** The names the shell preloads, in the order `.help` lists them. */
export const PRELOADED: readonly PreloadedName[] = [
  { name: 'client', help: 'the omero.client of this shell (getSession(), getSessionId(), closeSession())' },
  { name: 'session', help: 'client.getSession(): the ServiceFactory (getAdminService(), submit(cmd), setSecurityContext(g))' },
  { name: 'admin_service', help: 'IAdmin: users, groups, memberships, getEventContext()' },
  { name: 'query_service', help: "IQuery: findAllByQuery(hql, params, ctx), get(), find(), projection()" },
  { name: 'update_service', help: "IUpdate: saveAndReturnObject(obj, {'omero.group': id}), deleteObject()" },
  { name: 'container_service', help: 'IContainer: loadContainerHierarchy(), getImages()' },
  { name: 'omero', help: 'the namespace: omero.model, omero.rtypes, omero.sys, omero.cmd, omero.callbacks, exceptions' },
  { name: 'print', help: "Python's print: Ice objects as Ice prints them, e.g. print(ec)" },
  { name: 'repr', help: "Python's repr, for the seed's %r: repr([1, 'a']) is \"[1, 'a']\"" },
  { name: 'help', help: 'help(x) or x?: what x is and its methods, one line each' },
  { name: 'dir', help: 'dir(x): the names of x (fields and methods)' },
  { name: 'exit', help: 'exit, quit() or Ctrl-D: leave the shell' },
];

/** The functions the shell adds to the context besides the API. */
export interface ShellHelpers {
  readonly print: (...args: unknown[]) => void;
  readonly repr: (value: unknown) => string;
  /** `help(x)`, `help(x, label)` (the `x?` form passes the text typed), `help()`. */
  readonly help: (...args: unknown[]) => void;
  readonly dir: (value?: unknown) => string[];
  readonly exit: () => void;
}

/**
 * Installs the preloaded names in a REPL context. They are plain writable properties: seed 002
 * starts with `session = client.getSession()`, which must simply work. Called again on `.clear`.
 */
export function seedContext(
  context: Record<string, unknown>,
  client: OmeroClient | null,
  helpers: ShellHelpers,
): void {
  const names: Record<string, unknown> = { omero, ...helpers, quit: helpers.exit, ...topLevelNames(), client: client ?? undefined };
  if (client?.getSessionInfo()) {
    const session = client.getSession();
    names.session = session;
    names.admin_service = session.getAdminService();
    names.query_service = session.getQueryService();
    names.update_service = session.getUpdateService();
    names.container_service = session.getContainerService();
  }
  for (const [name, value] of Object.entries(names)) {
    if (value === undefined) continue;
    Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: true });
  }
}
