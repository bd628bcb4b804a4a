/**
 * OMERO's permission bits (reference permissions §1.1): rights READ 4, WRITE 2, ANNOTATE 1,
 * shifted by role USER 8, GROUP 4, WORLD 0. A group's level is a signed 64-bit `perm1` whose
 * unused bits stay 1; `isGranted` is `(perm1 & bit) == bit`.
 */
export const Right = { READ: 4, WRITE: 2, ANNOTATE: 1 } as const;
export type Right = (typeof Right)[keyof typeof Right];

export const Role = { USER: 8, GROUP: 4, WORLD: 0 } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Whether `perm1` grants `right` to `role`. */
export function isGranted(perm1: number, role: Role, right: Right): boolean {
  const bit = right << role;
  return (perm1 & bit) === bit;
}

/** The group grants GROUP READ or WORLD READ: a "non-private" group. */
export function isGroupReadable(perm1: number): boolean {
  return isGranted(perm1, Role.GROUP, Right.READ) || isGranted(perm1, Role.WORLD, Right.READ);
}
