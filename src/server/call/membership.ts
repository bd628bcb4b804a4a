import type { Knex } from 'knex';
import { privilegesOf, SystemIds, type AdminPrivilege } from '../security/index.js';

/** A user's memberships as the EventContext needs them (reference permissions §5.1). */
export interface Membership {
  /** Group ids in map order: default group first. */
  readonly memberOf: readonly number[];
  readonly leaderOf: readonly number[];
  readonly isAdmin: boolean;
  readonly privileges: readonly AdminPrivilege[];
  /** A group owner's sudo session: the only groups it reaches (`sudoSessionMembership`). */
  readonly confinedTo?: readonly number[];
}

/** Loads memberships (ordered by index), ownerships and privileges of one user. */
export async function loadMembership(db: Knex, userId: number): Promise<Membership> {
  const [maps, config] = await Promise.all([
    db('groupexperimentermap').select('parent', 'owner').where({ child: userId }).orderBy('child_index'),
    db('experimenter_config').select('name', 'value').where({ experimenter_id: userId }).orderBy('index'),
  ]);
  const memberOf = maps.map((m) => Number(m.parent));
  const leaderOf = maps.filter((m) => m.owner).map((m) => Number(m.parent));
  const isAdmin = memberOf.includes(SystemIds.SYSTEM_GROUP);
  return { memberOf, leaderOf, isAdmin, privileges: privilegesOf(userId, isAdmin, config) };
}
