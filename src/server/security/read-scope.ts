/**
 * What one call may read, reduced from the caller's EventContext and the call context's
 * `omero.group` to lists of ids (reference permissions §2.3–2.4). Computed once per call by
 * `readScopeFor()`, then turned into SQL by `visibilitySql()` for every data table of a query
 * and checked row by row with `canReadRow()`.
 */
export interface ReadScope {
  /** Every data row is visible: an admin in the all-groups context. */
  readonly everything: boolean;
  /** Rows in these groups are visible whoever owns them (includes the "user" group, id 1). */
  readonly groupIds: readonly number[];
  /** Rows owned by `userId` are visible in these groups; `'any'` means in every group. */
  readonly ownGroupIds: readonly number[] | 'any';
  /** The caller. */
  readonly userId: number;
  /** The caller is an admin (member of "system"). */
  readonly isAdmin: boolean;
  /** The caller holds ReadSession: reads every user's session rows (`session-rules.ts`). */
  readonly readsAllSessions: boolean;
  /**
   * Users whose name and contact columns the caller may see unmasked (reference permissions
   * §2.5, advisory 2019-SV3); `'all'` for admins and group leaders.
   */
  readonly visibleUserIds: readonly number[] | 'all';
}

/** A SQL fragment with its bound values. Values only ever travel as placeholders. */
export interface SqlFragment {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}
