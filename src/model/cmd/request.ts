/**
 * `omero.cmd.Request` and the graph request bases (blitz `cmd/API.ice`, `cmd/Graphs.ice`).
 * Constructors take the members positionally, base class first (as Python's Ice classes do), or one
 * options object standing in for Python keyword arguments.
 */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { dictType, objectType, seqType } from '../ice/ice-type.js';
import type { ChildOption } from './child-option.js';

/** `{ 'Project': [1, 2] }`: class name (any OMERO spelling) → ids. */
export type TargetObjects = Record<string, number[]>;

/** A string→string map (Ice `omero::cmd::StringMap`), e.g. a per-request call context. */
export type StringMap = Record<string, string>;

/** Base of all requests submitted with `session.submit(req)`. */
export class Request extends IceData {
  static override readonly ice = iceClass('::omero::cmd::Request', null);
}

/** Base of graph queries: `targetObjects` (default null). */
export class GraphQuery extends Request {
  static override readonly ice = iceClass('::omero::cmd::GraphQuery', Request.ice, [
    member('targetObjects', dictType('string', seqType('long'))),
  ]);
  /** Objects to operate on, class name → ids. */
  declare targetObjects: TargetObjects | null;
}

/** Base of graph modifications: `childOptions` (default null), `dryRun` (default false). */
export class GraphModify2 extends GraphQuery {
  static override readonly ice = iceClass('::omero::cmd::GraphModify2', GraphQuery.ice, [
    member('childOptions', seqType(objectType('::omero::cmd::graphs::ChildOption'))),
    member('dryRun', 'bool'),
  ]);
  /** Overrides for which children are included; the first applicable option wins. */
  declare childOptions: ChildOption[] | null;
  /** Report what would happen without changing anything. */
  declare dryRun: boolean;
}
