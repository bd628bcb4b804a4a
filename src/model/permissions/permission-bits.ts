/**
 * The permission bit model (reference omero-permissions.md §1.1–1.2; model `ome.model.internal.Permissions`).
 * Shared with the server's security layer.
 *
 * `perm1` is a signed 64-bit value whose unused bits stay 1; a right is granted when its bit is set.
 * Roles shift the rights: USER 8, GROUP 4, WORLD 0; rights are READ 4, WRITE 2, ANNOTATE 1.
 * Values handled here lie in the int32 range (all real perm1 values do).
 */

/** Bit shift of each role. */
export const Role = Object.freeze({ USER: 8, GROUP: 4, WORLD: 0 } as const);
/** A role's shift. */
export type Role = (typeof Role)[keyof typeof Role];

/** Mask of each right (before shifting). */
export const Right = Object.freeze({ READ: 4, WRITE: 2, ANNOTATE: 1 } as const);
/** A right's mask. */
export type Right = (typeof Right)[keyof typeof Right];

/** `------`: every right cleared, unused bits set (`~0x777`). */
export const PERM_EMPTY = -1912;
/** Python `PermissionsI()` default: every bit set (`rwrwrw`). */
export const PERM_ALL = -1;

/** Indices into `Permissions._restrictions` (`true` = disallowed; blitz `Constants.ice`, module permissions). */
export const Restriction = Object.freeze({ LINK: 0, EDIT: 1, DELETE: 2, ANNOTATE: 3, CHGRP: 4, CHOWN: 5 } as const);
/** A restriction index. */
export type Restriction = (typeof Restriction)[keyof typeof Restriction];

/** The only extended restriction the server produces (binary access policy). */
export const RESTRICT_BINARY_ACCESS = 'RESTRICT-BINARY-ACCESS';

/** omero-py's regex: optional legacy `L`, then three (read, write/annotate) pairs. */
export const PERMISSIONS_PATTERN = /^(L?)([rR\-_])([aAwW\-_])([rR\-_])([aAwW\-_])([rR\-_])([aAwW\-_])$/;

/** The bit of `right` for `role`. */
export function permBit(role: Role, right: Right): number {
  return right << role;
}

/** True when `perm1` grants `right` to `role`. */
export function isGranted(perm1: number, role: Role, right: Right): boolean {
  const bit = permBit(role, right);
  return (checkPerm1(perm1) & bit) === bit;
}

/** `perm1` with the bit of (`role`, `right`) set or cleared. */
export function withGrant(perm1: number, role: Role, right: Right, granted: boolean): number {
  const bit = permBit(role, right);
  const base = checkPerm1(perm1);
  return granted ? base | bit : base & ~bit;
}

/**
 * Parses a 6-character permission string (`rwr---`) into perm1, starting from {@link PERM_EMPTY}.
 * `w` implies annotate; `_` and `-` mean not granted; a leading `L` is accepted and ignored.
 * @throws Error("Invalid permission string: <s>") on anything else.
 */
export function parsePermissions(text: string): number {
  const match = PERMISSIONS_PATTERN.exec(String(text));
  if (match === null) throw new Error(`Invalid permission string: ${String(text)}`);
  let perm1 = PERM_EMPTY;
  const roles: readonly Role[] = [Role.USER, Role.GROUP, Role.WORLD];
  roles.forEach((role, index) => {
    const read = (match[2 + index * 2] ?? '').toLowerCase();
    const write = (match[3 + index * 2] ?? '').toLowerCase();
    if (read === 'r') perm1 |= permBit(role, Right.READ);
    if (write === 'a' || write === 'w') perm1 |= permBit(role, Right.ANNOTATE);
    if (write === 'w') perm1 |= permBit(role, Right.WRITE);
  });
  return perm1;
}

/** Formats perm1 as `rwr---`: per role `r`/`-`, then `w` if WRITE, else `a` if ANNOTATE, else `-`. */
export function formatPermissions(perm1: number): string {
  const roles: readonly Role[] = [Role.USER, Role.GROUP, Role.WORLD];
  return roles
    .map((role) => {
      const read = isGranted(perm1, role, Right.READ) ? 'r' : '-';
      const write = isGranted(perm1, role, Right.WRITE) ? 'w' : isGranted(perm1, role, Right.ANNOTATE) ? 'a' : '-';
      return read + write;
    })
    .join('');
}

function checkPerm1(perm1: number): number {
  if (!Number.isInteger(perm1) || perm1 < -2147483648 || perm1 > 2147483647) {
    throw new Error(`perm1 out of supported range: ${perm1}`);
  }
  return perm1;
}
