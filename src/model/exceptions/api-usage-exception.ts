/**
 * `omero.ApiUsageException` and subclasses: misuse of a service (reference omero-api.md §2.7).
 */
import { iceClass } from '../ice/ice-members.js';
import { nameException } from './ice-user-exception.js';
import { ServerError } from './server-error.js';

/** Bad arguments: "No such group: foo", "Null parameters not allowed: id", unknown class names. */
export class ApiUsageException extends ServerError {
  static override readonly ice = iceClass('::omero::ApiUsageException', ServerError.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ApiUsageException';
  static {
    nameException(this, 'ApiUsageException');
  }
}

/** Too much: query timeouts ("query failed, probable timeout"). */
export class OverUsageException extends ApiUsageException {
  static override readonly ice = iceClass('::omero::OverUsageException', ApiUsageException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.OverUsageException';
  static {
    nameException(this, 'OverUsageException');
  }
}

/** Bad HQL: "Illegal query:<hql>\n<message>". */
export class QueryException extends ApiUsageException {
  static override readonly ice = iceClass('::omero::QueryException', ApiUsageException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.services.query.QueryException';
  static {
    nameException(this, 'QueryException');
  }
}

/** Bad data: not-null / unique violations, missing rows on `get()`, "Nothing to do.". */
export class ValidationException extends ApiUsageException {
  static override readonly ice = iceClass('::omero::ValidationException', ApiUsageException.ice);
  static override readonly defaultServerExceptionClass: string = 'ome.conditions.ValidationException';
  static {
    nameException(this, 'ValidationException');
  }
}
