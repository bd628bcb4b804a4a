/**
 * `omero.ServerError`: root of all server exceptions (blitz `ServerErrors.ice`).
 */
import { iceClass, member, type IceClassSpec } from '../ice/ice-members.js';
import { iceDefault } from '../ice/ice-type.js';
import { IceUserException, nameException } from './ice-user-exception.js';

/** Optional fields of a server exception, as the second constructor argument. */
export interface ServerErrorInit {
  /** Java class of the original server exception; defaults per class (e.g. `ome.conditions.SecurityViolation`). */
  readonly serverExceptionClass?: string;
  /** Java stack trace text; default `''`. */
  readonly serverStackTrace?: string;
  /** ConcurrencyException family: back-off in milliseconds. */
  readonly backOff?: number;
  /** LockTimeout: informational timeout in seconds. */
  readonly seconds?: number;
  /** MissingPyramidException: the pixels id. */
  readonly pixelsID?: number;
}

/** Constructor shape used to read a class's default `serverExceptionClass`. */
interface ServerErrorClass {
  readonly ice: IceClassSpec;
  readonly defaultServerExceptionClass: string;
}

/**
 * `omero.ServerError(serverStackTrace, serverExceptionClass, message)`. Here the message comes first:
 * `new SecurityViolation('Cannot read ome.model.containers.Project:Id_5')`, optionally followed by the
 * server class name (string) or a {@link ServerErrorInit} object, then the stack trace.
 */
export class ServerError extends IceUserException {
  static override readonly ice: IceClassSpec = iceClass('::omero::ServerError', null, [
    member('serverStackTrace', 'string'),
    member('serverExceptionClass', 'string'),
    member('message', 'string'),
  ]);
  /** Default `serverExceptionClass` for this class. */
  static readonly defaultServerExceptionClass: string = 'ome.conditions.RootException';
  static {
    nameException(this, 'ServerError');
  }

  /** Java stack trace of the server-side failure (may be multi-line). Default `''`. */
  serverStackTrace: string;
  /** Java class name of the server-side exception, e.g. `ome.conditions.ApiUsageException`. */
  serverExceptionClass: string;

  constructor(message = '', init?: string | ServerErrorInit, serverStackTrace?: string) {
    super(message);
    const cls = new.target as unknown as ServerErrorClass;
    const options: ServerErrorInit = typeof init === 'string' ? { serverExceptionClass: init } : (init ?? {});
    this.serverExceptionClass = options.serverExceptionClass ?? cls.defaultServerExceptionClass;
    this.serverStackTrace = serverStackTrace ?? options.serverStackTrace ?? '';
    const memberNames = new Set(cls.ice.members.map((m) => m.name));
    const record = this as unknown as Record<string, unknown>;
    for (const m of cls.ice.members.slice(3)) record[m.name] = iceDefault(m.type);
    for (const [key, value] of Object.entries(options)) {
      if (key === 'serverExceptionClass' || key === 'serverStackTrace' || value === undefined) continue;
      if (!memberNames.has(key)) throw new Error(`${cls.ice.typeId} has no member '${key}'`);
      record[key] = value;
    }
  }
}

/** `omero.InternalException`: programmer error on the server (unexpected failures are wrapped in it). */
export class InternalException extends ServerError {
  static override readonly ice = iceClass('::omero::InternalException', ServerError.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.InternalException';
  static {
    nameException(this, 'InternalException');
  }
}

/** `omero.ResourceError`: unrecoverable, the resource is not available. */
export class ResourceError extends ServerError {
  static override readonly ice = iceClass('::omero::ResourceError', ServerError.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ResourceError';
  static {
    nameException(this, 'ResourceError');
  }
}
