import assert from 'node:assert/strict';
import { test } from 'node:test';

/** What a suite may need that an environment may lack. */
export type Requirement = 'postgres' | 'slapd' | 'keyring';

/**
 * The requirements this run must meet (OMERO_TEST_REQUIRE=postgres,slapd, set by .ci/run): a suite
 * that would skip for want of one fails instead, so that CI cannot pass with a suite turned off.
 */
export const REQUIRED: ReadonlySet<string> = new Set(
  (process.env.OMERO_TEST_REQUIRE ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean),
);

/**
 * The `skip` option of a suite that needs `requirement`: false when `missing` is null (it can
 * run), else the reason, so that node:test reports the suite as skipped rather than leaving it
 * out. When the run requires it (OMERO_TEST_REQUIRE), a failing test says why as well.
 */
export function skipUnless(requirement: Requirement, missing: string | null): string | false {
  if (missing === null) return false;
  if (REQUIRED.has(requirement)) {
    test(`${requirement} is required by OMERO_TEST_REQUIRE`, () => assert.fail(`this suite cannot run here: ${missing}`));
  }
  return missing;
}

/** Why the PostgreSQL suites cannot run here, or null when they can. */
export const POSTGRES_MISSING: string | null = process.env.OMERO_TEST_DB_URL ? null : 'needs PostgreSQL: OMERO_TEST_DB_URL is not set';
