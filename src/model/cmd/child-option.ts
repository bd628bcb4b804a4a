/** `omero.cmd.graphs.ChildOption` (blitz `cmd/Graphs.ice`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { seqType } from '../ice/ice-type.js';

/** Fields of a {@link ChildOption}. */
export interface ChildOptionFields {
  includeType: string[] | null;
  excludeType: string[] | null;
  includeNs: string[] | null;
  excludeNs: string[] | null;
}

/**
 * Which children a graph request includes regardless of orphan status, e.g.
 * `new ChildOption({ excludeType: ['Annotation'] })`. Namespaces limit annotation options.
 */
export class ChildOption extends IceData {
  static override readonly ice = iceClass('::omero::cmd::graphs::ChildOption', null, [
    member('includeType', seqType('string')),
    member('excludeType', seqType('string')),
    member('includeNs', seqType('string')),
    member('excludeNs', seqType('string')),
  ]);

  /** Always include children of these types. */
  declare includeType: string[] | null;
  /** Never include children of these types. */
  declare excludeType: string[] | null;
  /** Limit to annotations in these namespaces. */
  declare includeNs: string[] | null;
  /** Limit to annotations not in these namespaces. */
  declare excludeNs: string[] | null;

  constructor(options: Partial<ChildOptionFields>);
  constructor(
    includeType?: string[] | null,
    excludeType?: string[] | null,
    includeNs?: string[] | null,
    excludeNs?: string[] | null,
  );
  constructor(...args: unknown[]) {
    super(...args);
  }
}
