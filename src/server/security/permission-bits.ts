import { isGranted, permBit, Right, Role } from '../../model/permissions/permission-bits.js';
import { quoteIdent } from './visibility.js';

/**
 * OMERO's permission bits (reference permissions §1.1) are defined once, in the model
 * (`src/model/permissions/permission-bits.ts`); the security rules use them from there, and the
 * SQL that filters on a group's level is generated from the same bits here, never written as
 * numbers.
 */
export { isGranted, permBit, Right, Role };

/** The group grants GROUP READ or WORLD READ: a "non-private" group. */
export function isGroupReadable(perm1: number): boolean {
  return isGranted(perm1, Role.GROUP, Right.READ) || isGranted(perm1, Role.WORLD, Right.READ);
}

/**
 * SQL that is true when the `permissions` column of `alias` grants `right` to `role`, as
 * `isGranted` decides it. Identifiers are quoted and the bit is a number computed here, so the
 * fragment carries no bindings.
 *
 * ### Examples
 *
 * ```ts
 * grantedSql('g', Role.WORLD, Right.READ)  // ("g".permissions & 4) = 4
 * grantedSql('g', Role.GROUP, Right.READ)  // ("g".permissions & 64) = 64
 * ```
 */
export function grantedSql(alias: string | null, role: Role, right: Right): string {
  const bit = permBit(role, right);
  const column = alias === null ? 'permissions' : `${quoteIdent(alias)}.permissions`;
  return `(${column} & ${bit}) = ${bit}`;
}
