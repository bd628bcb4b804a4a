/**
 * The work of the concurrency suite's sessions: seeded random creates, links, queries, Chgrp2,
 * Delete2 and DoAll, each session in its own blocking client. Every call's outcome goes into a
 * ledger (plain data, so a worker thread can post it back) that the suite checks against the
 * database afterwards.
 */
import {
  Chgrp2,
  Chgrp2Response,
  Delete2,
  Delete2Response,
  DatasetI,
  DoAll,
  DoAllRsp,
  ERR,
  IceUserException,
  InternalException,
  ParametersI,
  ProjectDatasetLinkI,
  ProjectI,
  rstring,
  type IObject,
  type Response,
} from '../../../src/model/index.js';
import { CmdCallbackI } from '../../../src/client/cmd-callback.js';
import { OmeroClient } from '../../../src/client/omero-client.js';
import type { Transport } from '../../../src/client/transport/transport.js';
import { fromSeed, type Draw } from '../oracle/draw.js';

export const PROJECT = 'ome.model.containers.Project';
export const DATASET = 'ome.model.containers.Dataset';
export const LINK = 'ome.model.containers.ProjectDatasetLink';
export type LedgerClass = typeof PROJECT | typeof DATASET | typeof LINK;

/** What one session saw. `created`/`deleted` hold ids per server class; names are unique per create. */
export interface Ledger {
  readonly created: Record<LedgerClass, number[]>;
  readonly deleted: Record<LedgerClass, number[]>;
  /** Names given to created projects and datasets (unique across the run). */
  readonly names: string[];
  /** Calls per operation kind. */
  readonly ops: Record<string, number>;
  /** Clean refusals by OMERO exception class (or `ERR` for a command's error answer). */
  readonly refusals: Record<string, number>;
  /** Anything else: raw errors, InternalException, non-OMERO errors (each a failure of the suite). */
  readonly unclean: string[];
}

/** One thread's share of the load. */
export interface WorkloadInput {
  readonly sessions: readonly { readonly user: string; readonly password: string; readonly tag: string }[];
  readonly groups: readonly number[];
  readonly opsPerSession: number;
  readonly seed: number;
}

export function emptyLedger(): Ledger {
  return { created: { [PROJECT]: [], [DATASET]: [], [LINK]: [] }, deleted: { [PROJECT]: [], [DATASET]: [], [LINK]: [] }, names: [], ops: {}, refusals: {}, unclean: [] };
}

/**
 * Runs the sessions of one thread, interleaved: round after round, each session makes its next
 * call, so that within the thread too, one session's call lands between another's.
 */
export function runWorkload(transport: Transport, input: WorkloadInput): Ledger {
  const ledger = emptyLedger();
  const draw = fromSeed(input.seed);
  const clients = input.sessions.map((s) => {
    const c = new OmeroClient('localhost', transport);
    c.createSession(s.user, s.password);
    return { client: c, tag: s.tag, n: 0 };
  });
  try {
    for (let round = 0; round < input.opsPerSession; round++) {
      for (const s of clients) {
        const kind = draw.pick(KINDS);
        ledger.ops[kind] = (ledger.ops[kind] ?? 0) + 1;
        try {
          OPERATIONS[kind]({ client: s.client, draw, groups: input.groups, ledger, name: `${s.tag}-${s.n++}` });
        } catch (e) {
          record(ledger, e, kind);
        }
      }
    }
  } finally {
    for (const s of clients) {
      try {
        s.client.closeSession();
      } catch (e) {
        record(ledger, e, 'closeSession');
      }
    }
  }
  return ledger;
}

interface Step {
  readonly client: OmeroClient;
  readonly draw: Draw;
  readonly groups: readonly number[];
  readonly ledger: Ledger;
  readonly name: string;
}

/** The mix: writes outnumber reads so that sessions keep stepping on each other's rows. */
const KINDS = ['project', 'dataset', 'dataset', 'link', 'link', 'link', 'query', 'chgrp', 'delete', 'delete', 'doall'] as const;
type Kind = (typeof KINDS)[number];

const OPERATIONS: Record<Kind, (s: Step) => void> = {
  project: (s) => create(s, new ProjectI(), PROJECT),
  dataset: (s) => create(s, new DatasetI(), DATASET),
  link(s) {
    const group = s.draw.pick(s.groups);
    const p = someId(s, 'Project', group);
    const d = someId(s, 'Dataset', group);
    if (p === null || d === null) return;
    const l = new ProjectDatasetLinkI();
    l.link(new ProjectI(p, false), new DatasetI(d, false));
    const saved = s.client.getSession().getUpdateService().saveAndReturnObject(l, ctx(group)) as IObject;
    s.ledger.created[LINK].push(saved.id!.val as number);
  },
  query(s) {
    const q = s.client.getSession().getQueryService();
    q.findAllByQuery('select p from Project p left outer join fetch p.datasetLinks l left outer join fetch l.child', new ParametersI().page(0, 20), ctx(-1));
    q.projection('select count(l.id) from ProjectDatasetLink l', null, ctx(-1));
  },
  chgrp(s) {
    const [from, to] = s.draw.bool() ? [s.groups[0]!, s.groups[1]!] : [s.groups[1]!, s.groups[0]!];
    const cls = s.draw.pick(['Project', 'Dataset'] as const);
    const id = someId(s, cls, from);
    if (id === null) return;
    settle(s, submit(s, new Chgrp2({ targetObjects: { [cls]: [id] }, groupId: to })));
  },
  delete(s) {
    const cls = s.draw.pick(['Project', 'Dataset'] as const);
    const id = someId(s, cls, s.draw.pick(s.groups));
    if (id === null) return;
    settle(s, submit(s, new Delete2({ targetObjects: { [cls]: [id] } })));
  },
  doall(s) {
    // All or nothing: a move then a delete; if either fails, neither may show in the database.
    const group = s.draw.pick(s.groups);
    const other = s.groups.find((g) => g !== group)!;
    const p = someId(s, 'Project', group);
    const d = someId(s, 'Dataset', group);
    if (p === null || d === null) return;
    settle(s, submit(s, new DoAll({ requests: [new Chgrp2({ targetObjects: { Project: [p] }, groupId: other }), new Delete2({ targetObjects: { Dataset: [d] } })] })));
  },
};

function create(s: Step, obj: ProjectI | DatasetI, cls: typeof PROJECT | typeof DATASET): void {
  obj.name = rstring(s.name);
  const saved = s.client.getSession().getUpdateService().saveAndReturnObject(obj, ctx(s.draw.pick(s.groups))) as IObject;
  s.ledger.created[cls].push(saved.id!.val as number);
  s.ledger.names.push(s.name);
}

/** A random visible object of `cls` in `group` (anyone's: the groups are read-write), or null. */
function someId(s: Step, cls: 'Project' | 'Dataset', group: number): number | null {
  const rows = s.client.getSession().getQueryService().projection(`select o.id from ${cls} o order by o.id desc`, new ParametersI().page(0, 30), ctx(group));
  if (rows.length === 0) return null;
  return s.draw.pick(rows).at(0)!.getValue() as number;
}

function submit(s: Step, request: Chgrp2 | Delete2 | DoAll): Response {
  const handle = s.client.getSession().submit(request, ctx(-1));
  try {
    return new CmdCallbackI(s.client, handle).loop(10, 500) as Response;
  } finally {
    handle.close();
  }
}

/** Books what a command deleted (Chgrp2 deletes links that would cross groups). */
function settle(s: Step, rsp: Response): void {
  if (rsp instanceof ERR) {
    s.ledger.refusals.ERR = (s.ledger.refusals.ERR ?? 0) + 1;
    return;
  }
  const parts = rsp instanceof DoAllRsp ? (rsp.responses ?? []) : [rsp];
  for (const part of parts) {
    if (!(part instanceof Delete2Response || part instanceof Chgrp2Response)) {
      s.ledger.unclean.push(`unexpected response ${String(part)}`);
      continue;
    }
    for (const [cls, ids] of Object.entries(part.deletedObjects ?? {})) {
      if (cls in s.ledger.deleted) s.ledger.deleted[cls as LedgerClass].push(...ids);
    }
  }
}

function record(ledger: Ledger, e: unknown, kind: string): void {
  if (e instanceof IceUserException && !(e instanceof InternalException)) {
    const name = e.constructor.name;
    ledger.refusals[name] = (ledger.refusals[name] ?? 0) + 1;
  } else {
    const err = e as Error;
    ledger.unclean.push(`${kind}: ${err?.constructor?.name ?? typeof e}: ${err?.message ?? String(e)}`);
  }
}

function ctx(group: number): Record<string, string> {
  return { 'omero.group': String(group) };
}
