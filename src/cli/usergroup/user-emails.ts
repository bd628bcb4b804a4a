import type { ExperimenterI } from '../../model/index.js';

/** `user email` flags (reference cli §2.6). */
export interface EmailOptions {
  /** `-n/--names`: `"First [Middle ]Last" <email>` instead of the bare address. */
  readonly names?: boolean;
  /** `-i/--ignore`: do not report users without an address. */
  readonly ignore?: boolean;
  /** `--all`: include deactivated users (not in the `user` group). */
  readonly all?: boolean;
}

/** The addresses to print and the names of users without one. */
export interface EmailList {
  readonly records: readonly string[];
  readonly missing: readonly string[];
}

/** `First Last` or `First Middle Last` (omero-py `UserControl.format_name`). */
export function formatName(user: ExperimenterI): string {
  const middle = user.middleName?.val ? ` ${user.middleName.val} ` : ' ';
  return `${user.firstName?.val ?? ''}${middle}${user.lastName?.val ?? ''}`;
}

/**
 * OMERO's `user email` selection, in server order: a user without an address is listed as
 * missing (active or not) unless `ignore`; a deactivated user is skipped unless `all`; the others
 * give their address, or with `names` `"<name>" <address>`.
 */
export function collectEmails(users: readonly ExperimenterI[], userGroupId: number, options: EmailOptions): EmailList {
  const records: string[] = [];
  const missing: string[] = [];
  for (const user of users) {
    const email = user.email?.val;
    if (!email) {
      if (!options.ignore) missing.push(formatName(user));
      continue;
    }
    if (!options.all && !user.linkedExperimenterGroupList().some((g) => g.id?.val === userGroupId)) continue;
    records.push(options.names ? `"${formatName(user)}" <${email}>` : email);
  }
  return { records, missing };
}
