/**
 * The rows and answers of the bulk provisioning methods (`IAdmin.importExperimenters`,
 * `IAdmin.importGroups`). Plain data, so that they cross the wire as they are; the CLI's
 * `omero user import` / `omero group import` build them from CSV files.
 */

/** A group named by name, or by id (the `member of` / `owner of` columns of `omero user list`). */
export type GroupRef = string | number;

/**
 * One user as the file describes it. A field left `undefined` was not in the file: the user's
 * current value is kept. `null` (an empty cell) clears an optional field.
 */
export interface UserImportRow {
  /** The file's line (for the report). */
  readonly line: number;
  readonly login: string;
  readonly first?: string | null;
  readonly last?: string | null;
  readonly middle?: string | null;
  readonly email?: string | null;
  readonly institution?: string | null;
  /** Groups to be a member of; the first is the default group. */
  readonly groups?: readonly GroupRef[];
  /**
   * The file does not say which group is the default (`omero user list` lists owned groups apart):
   * an existing user keeps its default group while it stays one of its groups.
   */
  readonly keepDefault?: boolean;
  /** Groups to own (a member of them too). */
  readonly ownerOf?: readonly GroupRef[];
  /** Member of `system`. */
  readonly admin?: boolean;
  /** An admin's privileges; empty = all of them (a full admin). */
  readonly privileges?: readonly string[];
  /** Member of `user` (an inactive user cannot log in). */
  readonly active?: boolean;
  /** Authenticates through LDAP (`omero user list`'s `ldap` column); only for new users. */
  readonly ldap?: boolean;
  /** A password, hashed by the server; set only on users this call creates. */
  readonly password?: string | null;
  /** A stored hash in this project's format (`$scrypt$ln=…`); set only on users this call creates. */
  readonly passwordHash?: string | null;
  /** A password the client generated (`--generate-passwords`): used like `password`, without a note when unused. */
  readonly generatedPassword?: string;
}

/** One group as the file describes it. */
export interface GroupImportRow {
  readonly line: number;
  readonly name: string;
  /** `rwr---` style; undefined keeps the current level (new groups: private). */
  readonly permissions?: string;
  /** Logins of the owners. */
  readonly owners?: readonly string[];
  readonly description?: string | null;
}

/** How rows are applied. Every flag defaults to false. */
export interface ImportOptions {
  /** Apply everything, report it, roll it all back. */
  readonly dryRun?: boolean;
  /** Never remove a membership or an ownership. */
  readonly addOnly?: boolean;
  /** Only create; existing users/groups are left as they are. */
  readonly noUpdate?: boolean;
  /** Create groups a user row names that do not exist yet (private). */
  readonly createGroups?: boolean;
  /** All rows or none: one failed row rolls back the whole call. */
  readonly atomic?: boolean;
}

/** What happened to one row. */
export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'failed';

/** The answer for one row, in the order of the rows sent. */
export interface ImportRowResult {
  readonly line: number;
  /** The login or group name. */
  readonly name: string;
  readonly status: ImportStatus;
  /** The user's or group's id; null when failed (or rolled back before it existed). */
  readonly id: number | null;
  /** What changed, or why the row failed. */
  readonly details: string;
}
