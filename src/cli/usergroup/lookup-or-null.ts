import { ApiUsageException } from '../../model/index.js';

/** Runs a server lookup, answering null for ApiUsageException ("No such experimenter: …"). */
export function lookupOrNull<T>(get: () => T): T | null {
  try {
    return get();
  } catch (e) {
    if (e instanceof ApiUsageException) return null;
    throw e;
  }
}
