import { GraphException, type Request } from '../../model/index.js';

/**
 * A graph command that cannot be carried out: becomes the ERR response (a GraphException) the
 * client receives from `handle.getResponse()` / `CmdCallbackI.loop`, never an exception on the
 * wire (reference api §4.2). `name` is OMERO's failure code (`graph-fail`, `bad-options`,
 * `not-in-group`).
 */
export class GraphFailure extends Error {
  readonly code: string;
  /** The Ice type id to report as the ERR's category, when not the submitted request's. */
  readonly category: string | null;

  constructor(code: string, message: string, category: string | null = null) {
    super(message);
    this.name = 'GraphFailure';
    this.code = code;
    this.category = category;
  }
}

/**
 * The ERR for a failure: `category` the request's Ice type id (`::omero::cmd::Delete2`), `name`
 * the failure code, `parameters.message` and `message` the text.
 */
export function graphError(request: Request, failure: GraphFailure): GraphException {
  return new GraphException({
    category: failure.category ?? request.ice_id(),
    name: failure.code,
    parameters: { message: failure.message },
    message: failure.message,
  });
}

/** `cannot read all the specified objects of class ome.model.containers.Project`. */
export function unreadable(serverClass: string): GraphFailure {
  return new GraphFailure('graph-fail', `cannot read all the specified objects of class ${serverClass}`);
}
