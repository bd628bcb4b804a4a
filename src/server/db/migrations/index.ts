import type { Knex } from 'knex';
import * as m0001 from './0001-initial-schema.js';
import * as m0002 from './0002-audit-and-throttle.js';
import * as m0003 from './0003-security-epoch.js';
import * as m0004 from './0004-page-walk-indexes.js';
import * as m0005 from './0005-session-access-moved-back.js';

/** One migration: a name and its steps. */
export interface Migration {
  readonly name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Every migration, oldest first. Static imports so that compiled and source trees behave alike. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005];
