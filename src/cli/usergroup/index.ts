/** Helpers shared by `omero user` and `omero group` (omero-py `UserGroupControl`, reference cli §1). */
export { requireAdminPrivileges } from './admin-only.js';
export { changeGroupPermissions, PermissionsChangeError } from './change-group-permissions.js';
export { isConstraintViolation } from './constraint-violation.js';
export { EntityFinder, type EntityKind, type Found, type Selection } from './entity-finder.js';
export { exclusiveGroup, type ExclusiveMember } from './exclusive-options.js';
export { groupFinder } from './group-finder.js';
export { memberIds, ownerIds, userIds } from './group-members.js';
export { collectGroupsTable, type GroupsTableOptions } from './groups-table.js';
export { lookupOrNull } from './lookup-or-null.js';
export { MembershipChanges } from './membership-changes.js';
export { groupsToChange, usersToChange, type MembershipChange } from './membership-filter.js';
export { readNewPassword, readOwnPassword, USER_PASSWORD_ENV, type NewPasswordOptions } from './password-sources.js';
export {
  addPermissionsArguments,
  parsePerms,
  PERM_TXT,
  PERMISSION_TYPES,
  type PermissionOptions,
  type PermissionType,
} from './permission-arguments.js';
export { pySortBy } from './py-sort.js';
export { collectSeveredTable } from './severed-table.js';
export { subcommand } from './subcommand.js';
export { collectEmails, formatName, type EmailList, type EmailOptions } from './user-emails.js';
export { userFinder } from './user-finder.js';
export {
  addAsOwnerArgument,
  addGroupArguments,
  addGroupPrintArguments,
  addGroupSortingArguments,
  addIdNameArguments,
  addStyleArgument,
  addUserArguments,
  addUserPrintArguments,
  addUserSortingArguments,
  GROUP_ARGUMENTS,
  groupSelection,
  USER_ARGUMENTS,
  userSelection,
  type GroupArgumentOptions,
  type StyleOption,
  type UserArgumentOptions,
} from './user-group-options.js';
export { collectUsersTable, type UsersTableOptions } from './users-table.js';
