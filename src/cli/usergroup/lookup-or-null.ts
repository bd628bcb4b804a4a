import { ApiUsageException } from '../../model/index.js';

/** Runs a server lookup, answering null for ApiUsageException ("No such experimenter: …"). */
export async function lookupOrNull<T>(get: () => Promise<T>): Promise<T | null> {
  try {
    return await get();
  } catch (e) {
    if (e instanceof ApiUsageException) return null;
    throw e;
  }
}
