/** What `omero audit` asks for. */
export interface AuditQuery {
  /** Entries at or after this time (ms since the epoch); absent = all. */
  readonly since?: number | null;
  /** Entries where this login acted, was acted upon, or was the sudoer. */
  readonly user?: string | null;
  /** At most this many entries, the newest kept (default 1000, at most 10000). */
  readonly limit?: number | null;
}

/** One audit entry as the client sees it. */
export interface AuditRecord {
  readonly id: number;
  /** When (ms since the epoch). */
  readonly at: number;
  readonly actor: string;
  readonly sudoer: string | null;
  readonly address: string | null;
  readonly action: string;
  /** `Experimenter:5 user-2`, or null. */
  readonly target: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly outcome: 'done' | 'refused';
  readonly message: string | null;
}
