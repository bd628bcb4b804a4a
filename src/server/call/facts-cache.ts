import type { CallFacts } from './call-facts.js';
import { sessionDeath } from './session-row.js';

/** How many sessions a server keeps facts for; the least recently used go first. */
const DEFAULT_CAPACITY = 4096;

/**
 * The facts of recent callers, kept between calls so that a read needs one statement instead of
 * two (issue 15). An entry is only a guess: every read that uses one also runs
 * `omero_facts_current` (migration 0003), a query in its own statement and an IAdmin lookup in
 * one more after its last (facts-proof.ts); it fails when memberships, groups, privileges or the
 * session changed since the facts were read — through this server, another server or plain SQL —
 * and the server then reloads them (`OmeroServer.invoke`). Writes never use the cache: they read
 * their facts inside their SERIALIZABLE transaction.
 *
 * Entries are per session key and requested group (`omero.group`, or none), since the facts of a
 * read depend on both. Once any call has seen a newer security epoch, older entries are misses
 * (so one change costs each session one reload, not a failed statement first).
 */
export class FactsCache {
  readonly #capacity: number;
  /** Session key → requested group ('' for none) → facts; the outer map in least-recently-used order. */
  readonly #sessions = new Map<string, Map<string, CallFacts>>();
  #newestEpoch = 0;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /**
   * The cached facts of a session and group, when they are of the newest epoch seen and the
   * session is still alive by them. A session that looks idle may have been kept alive by
   * another server (which this one does not see), so any death sends the caller to the
   * database, which decides.
   */
  get(key: string, requestedGroup: number | null, now = Date.now()): CallFacts | undefined {
    const groups = this.#sessions.get(key);
    if (groups === undefined) return undefined;
    this.#sessions.delete(key);
    this.#sessions.set(key, groups);
    const facts = groups.get(groupId(requestedGroup));
    if (facts === undefined) return undefined;
    if (facts.stamp.epoch < this.#newestEpoch || sessionDeath(facts.session, now) !== null) {
      groups.delete(groupId(requestedGroup));
      return undefined;
    }
    return facts;
  }

  set(key: string, requestedGroup: number | null, facts: CallFacts): void {
    if (facts.stamp.epoch > this.#newestEpoch) this.#newestEpoch = facts.stamp.epoch;
    let groups = this.#sessions.get(key);
    if (groups === undefined) {
      groups = new Map();
      this.#sessions.set(key, groups);
      while (this.#sessions.size > this.#capacity) this.#sessions.delete(this.#sessions.keys().next().value!);
    }
    groups.set(groupId(requestedGroup), facts);
  }

  /** Drops every entry of a session key (its facts were found stale, or it was closed here). */
  forget(key: string): void {
    this.#sessions.delete(key);
  }

  /** Everything (the server closes). */
  clear(): void {
    this.#sessions.clear();
  }

  /** How many sessions have entries. */
  get size(): number {
    return this.#sessions.size;
  }
}

function groupId(requestedGroup: number | null): string {
  return requestedGroup === null ? '' : String(requestedGroup);
}
