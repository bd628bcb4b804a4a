/** Permissions: the PermissionsI class and the bit helpers shared with the server's security layer. */
export { PermissionsI } from './permissions-i.js';
export {
  Role,
  Right,
  Restriction,
  PERM_EMPTY,
  PERM_ALL,
  RESTRICT_BINARY_ACCESS,
  PERMISSIONS_PATTERN,
  permBit,
  isGranted,
  withGrant,
  parsePermissions,
  formatPermissions,
} from './permission-bits.js';
export {
  ADMIN_PRIVILEGES,
  FILE_PRIVILEGES,
  PRIVILEGE_BUNDLES,
  PRIVILEGE_CONFIG_PREFIX,
  PRIVILEGE_DESCRIPTIONS,
  UnknownPrivilegeError,
  parsePrivileges,
  type AdminPrivilege,
  type PrivilegeBundle,
} from './admin-privileges.js';
