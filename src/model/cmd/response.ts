/** `omero.cmd.Response`, `OK`, `ERR`, `Unknown` (blitz `cmd/API.ice`). */
import { IceData } from '../ice/ice-data.js';
import { iceClass, member } from '../ice/ice-members.js';
import { dictType } from '../ice/ice-type.js';
import type { StringMap } from './request.js';

/** Base of all command responses. */
export class Response extends IceData {
  static override readonly ice = iceClass('::omero::cmd::Response', null);
}

/** Success. Prints as `object #0 (::omero::cmd::OK)` / `{` / `}`. */
export class OK extends Response {
  static override readonly ice = iceClass('::omero::cmd::OK', Response.ice);
}

/** Fields of an {@link ERR}. */
export interface ERRFields {
  category: string;
  name: string;
  parameters: StringMap | null;
}

/**
 * Failure: `category` is the request's Ice id (`::omero::cmd::Delete2`), `name` a short code
 * (`graph-fail`, `bad-options`), `parameters` details including `message` and `stacktrace`.
 */
export class ERR extends Response {
  static override readonly ice = iceClass('::omero::cmd::ERR', Response.ice, [
    member('category', 'string'),
    member('name', 'string'),
    member('parameters', dictType('string', 'string')),
  ]);
  /** Request type that failed. */
  declare category: string;
  /** Failure code. */
  declare name: string;
  /** Details, or null. */
  declare parameters: StringMap | null;

  constructor(options: Partial<ERRFields>);
  constructor(category?: string, name?: string, parameters?: StringMap | null);
  constructor(...args: unknown[]) {
    super(...args);
  }
}

/** An ERR for an unexpected failure. */
export class Unknown extends ERR {
  static override readonly ice = iceClass('::omero::cmd::Unknown', ERR.ice);
}
