/**
 * Shared fixtures for the security tests: group levels, ids and callers. Written from the
 * reference (omero-permissions.md §1.1, §3), not from the implementation.
 */
import type { Caller } from '../../../src/server/security/caller.js';
import { ADMIN_PRIVILEGES, type AdminPrivilege } from '../../../src/server/security/roles.js';

/** perm1 values of reference §1.1 (verified independently in permission-bits.test.ts). */
export const PERM = {
  '------': -1912,
  'rw----': -120,
  'rwr---': -56,
  'rwra--': -40,
  'rwrw--': -8,
  'rwr-r-': -52,
  'rwrwr-': -4,
  'rwrar-': -36,
  'rwrara': -35,
  'rwrwrw': -1,
} as const;
export type Level = keyof typeof PERM;

/** Encodes a 6-char permission string as §1.2 describes: start from EMPTY, OR in granted bits. */
export function encode(perms: string): number {
  if (!/^([Rr_-][AaWw_-]){3}$/.test(perms)) throw new Error(`bad permission string ${perms}`);
  let perm1 = -1912;
  const shifts = [8, 4, 0];
  for (let role = 0; role < 3; role++) {
    const r = perms[role * 2]!.toLowerCase();
    const w = perms[role * 2 + 1]!.toLowerCase();
    if (r === 'r') perm1 |= 4 << shifts[role]!;
    if (w === 'a' || w === 'w') perm1 |= 1 << shifts[role]!;
    if (w === 'w') perm1 |= 2 << shifts[role]!;
  }
  return perm1;
}

export const ALL_PRIVILEGES: ReadonlySet<AdminPrivilege> = new Set(ADMIN_PRIVILEGES);
export const NO_PRIVILEGES: ReadonlySet<AdminPrivilege> = new Set();

export function caller(c: Partial<Caller> & Pick<Caller, 'userId' | 'contextGroupId'>): Caller {
  return {
    memberOf: [],
    leaderOf: [],
    isAdmin: false,
    privileges: NO_PRIVILEGES,
    ...c,
  };
}

export const SYSTEM_GROUP = 0;
export const USER_GROUP = 1;
export const GUEST_GROUP = 2;
export const ROOT = 0;
export const GUEST = 1;
