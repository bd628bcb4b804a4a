/** One return code a plugin documents: what `omero errors` lists. */
export interface RegisteredError {
  readonly rc: number;
  readonly plugin: string;
  /** OMERO's key (hql's are omero-py's own; the others name the reference's rc table rows). */
  readonly key: string;
  readonly message: string;
}

/**
 * The return codes of the plugins (reference cli §10). omero-py registers only hql's four with
 * `register_error`; the others are the codes its plugins pass to `die()`, listed here so that a
 * script writer finds every code in one place.
 */
export const ERROR_TABLE: readonly RegisteredError[] = [
  { rc: 52, plugin: 'hql', key: 'BAD_QUERY', message: 'Bad query: %s' },
  { rc: 53, plugin: 'hql', key: 'NOT_ADMIN', message: "SecurityViolation: Current user is not an admin and cannot use '--admin'" },
  { rc: 54, plugin: 'hql', key: 'SECURITY_VIOLATION', message: 'SecurityViolation: %s' },
  { rc: 67, plugin: 'hql', key: 'NO_QUIET', message: "Can't ask for query with --quiet option" },
  { rc: 1, plugin: 'cli', key: 'CANCELLED', message: 'Cancelled (Ctrl-C at a prompt)' },
  { rc: 2, plugin: 'cli', key: 'USAGE', message: '<command>: error: <message> (bad arguments)' },
  { rc: 3, plugin: 'user', key: 'USER_EXISTS', message: 'User exists: %s' },
  { rc: 3, plugin: 'group', key: 'GROUP_EXISTS', message: 'Group exists: %s' },
  { rc: 66, plugin: 'user', key: 'ALREADY_EXISTS', message: 'User already exists: %s' },
  { rc: 68, plugin: 'user', key: 'SECURITY_VIOLATION', message: 'SecurityViolation: %s' },
  { rc: 111, plugin: 'cli', key: 'ADMINS_ONLY', message: 'SecurityViolation: Admins only!' },
  { rc: 155, plugin: 'sessions', key: 'SESSION_DIR', message: 'Session directory not accessible: %s' },
  { rc: 156, plugin: 'sessions', key: 'NO_USER', message: 'No user found' },
  { rc: 456, plugin: 'user', key: 'BAD_CREDENTIALS', message: 'SecurityViolation: Bad credentials' },
  { rc: 457, plugin: 'user', key: 'UNKNOWN_USER', message: 'Unknown user: %s' },
  { rc: 501, plugin: 'group', key: 'NO_GROUP', message: 'No input group is specified' },
  { rc: 502, plugin: 'group', key: 'BAD_GROUP_ID', message: 'Not a valid group ID: %s' },
  { rc: 503, plugin: 'group', key: 'UNKNOWN_GROUP', message: 'Unknown group: %s' },
  { rc: 504, plugin: 'group', key: 'CHMOD_FAILED', message: 'Cannot change permissions for group %s' },
  { rc: 505, plugin: 'group', key: 'BAD_PERMS', message: 'Invalid permission string: %s' },
  { rc: 511, plugin: 'user', key: 'NO_USER', message: 'No input user is specified' },
  { rc: 512, plugin: 'user', key: 'BAD_USER_ID', message: 'Not a valid user ID: %s' },
  { rc: 513, plugin: 'user', key: 'UNKNOWN_USER', message: 'Unknown user: %s' },
  { rc: 523, plugin: 'sessions', key: 'BAD_KEY', message: 'Bad session key' },
  { rc: 524, plugin: 'sessions', key: 'BAD_PASSWORD', message: '3 incorrect password attempts' },
  { rc: 525, plugin: 'sessions', key: 'ACCOUNT', message: 'Account error: %s' },
  { rc: 557, plugin: 'sessions', key: 'NO_SESSION', message: 'Could not get session: %s' },
  { rc: 564, plugin: 'cli', key: 'NOT_A_TERMINAL', message: 'stdin is not a terminal: cannot request %s' },
];
