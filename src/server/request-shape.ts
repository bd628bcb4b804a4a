import type { ServerRequest } from '../contract/index.js';
import { ApiUsageException, fromWire } from '../model/index.js';

const STRING_FIELDS: Readonly<Record<ServerRequest['op'], readonly string[]>> = {
  login: ['username', 'password'],
  join: ['key'],
  invoke: ['key', 'service', 'method'],
  close: ['key'],
  ping: [],
};
const OPTIONAL_STRINGS: ReadonlySet<string> = new Set(['group', 'agent', 'sudo']);

/**
 * Checks a request from the wire before anything acts on it: a known `op`, and strings where
 * strings belong. A request from a network peer is untrusted data; what this refuses is answered
 * as an ApiUsageException naming the field, never by a TypeError from deeper down.
 */
export function checkRequest(r: unknown): ServerRequest {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new ApiUsageException('A request must be an object');
  const op = (r as { op?: unknown }).op;
  if (typeof op !== 'string' || !Object.hasOwn(STRING_FIELDS, op)) throw new ApiUsageException(`Unknown request: ${String(op).slice(0, 40)}`);
  const record = r as Record<string, unknown>;
  for (const field of STRING_FIELDS[op as ServerRequest['op']]) {
    if (typeof record[field] !== 'string') throw new ApiUsageException(`The ${op} request needs a string ${field}`);
  }
  for (const field of OPTIONAL_STRINGS) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== 'string') {
      throw new ApiUsageException(`The ${op} request's ${field} must be a string`);
    }
  }
  if (record.timeToIdleMs !== undefined && typeof record.timeToIdleMs !== 'number') throw new ApiUsageException('timeToIdleMs must be a number');
  const ctx = record.ctx;
  if (ctx !== undefined && ctx !== null) {
    if (typeof ctx !== 'object' || Array.isArray(ctx) || Object.values(ctx).some((v) => typeof v !== 'string')) {
      throw new ApiUsageException('A call context maps strings to strings');
    }
  }
  return r as ServerRequest;
}

/**
 * An invoke request's arguments, decoded from the wire: a list. Wire data that does not decode (a
 * malformed tag, an unknown class, a dangling reference) is the sender's mistake, refused as an
 * ApiUsageException like any other bad request, not an internal error of the server.
 */
export function requestArguments(args: unknown): unknown[] {
  let decoded: unknown;
  try {
    decoded = fromWire(args);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^fromWire: /, '') : 'not wire data';
    throw new ApiUsageException(`Malformed arguments: ${reason.slice(0, 80)}`);
  }
  if (!Array.isArray(decoded)) throw new ApiUsageException('Arguments must be a list');
  return decoded;
}
