/** `omero.cmd.GraphException` (blitz `cmd/Graphs.ice`). */
import { iceClass, member } from '../ice/ice-members.js';
import type { StringMap } from './request.js';
import { ERR } from './response.js';

/** Fields of a {@link GraphException}. */
export interface GraphExceptionFields {
  category: string;
  name: string;
  parameters: StringMap | null;
  message: string;
}

/**
 * ERR returned when a graph operation fails, e.g. message
 * `cannot read all the specified objects of class ome.model.containers.Project`.
 * Positional arguments follow Ice order (category, name, parameters, message); prefer the options form.
 */
export class GraphException extends ERR {
  static override readonly ice = iceClass('::omero::cmd::GraphException', ERR.ice, [member('message', 'string')]);
  /** The server's GraphException message. */
  declare message: string;

  constructor(options: Partial<GraphExceptionFields>);
  constructor(category?: string, name?: string, parameters?: StringMap | null, message?: string);
  constructor(...args: unknown[]) {
    super(...(args as [string]));
  }
}
