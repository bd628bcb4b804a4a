import type { Knex } from 'knex';
import { SystemIds } from '../../../security/index.js';
import type { ExperimenterRow } from '../admin-loader.js';
import type { GroupRef, UserImportRow } from './import-types.js';

/** One membership of a user, in the user's order (index 0 = the default group). */
export interface MapState {
  readonly parent: number;
  readonly owner: boolean;
}

/** One `experimenter_config` entry. */
export interface ConfigState {
  readonly name: string;
  readonly value: string;
}

/** An existing user with everything an import may change. */
export interface UserState {
  readonly row: ExperimenterRow;
  readonly maps: readonly MapState[];
  readonly config: readonly ConfigState[];
}

/**
 * What a chunk of user rows needs to know of the database, read in four statements whatever the
 * chunk's size: the users by login with their memberships and config, and the groups named.
 */
export class UserImportState {
  readonly users = new Map<string, UserState>();
  readonly groupsByName = new Map<string, number>();
  readonly groupNames = new Map<number, string>();

  /** The group a reference names, or undefined. */
  groupId(ref: GroupRef): number | undefined {
    if (typeof ref === 'number') return this.groupNames.has(ref) ? ref : undefined;
    return this.groupsByName.get(ref);
  }

  /** A group's name for the report. */
  groupName(id: number): string {
    return this.groupNames.get(id) ?? String(id);
  }

  addGroup(id: number, name: string): void {
    this.groupsByName.set(name, id);
    this.groupNames.set(id, name);
  }

  static async load(trx: Knex.Transaction, rows: readonly UserImportRow[]): Promise<UserImportState> {
    const state = new UserImportState();
    const logins = [...new Set(rows.map((r) => r.login))];
    const refs = rows.flatMap((r) => [...(r.groups ?? []), ...(r.ownerOf ?? [])]);
    const names = [...new Set(refs.filter((g): g is string => typeof g === 'string'))];
    const ids = [...new Set(refs.filter((g): g is number => typeof g === 'number'))];
    const users: ExperimenterRow[] = logins.length === 0 ? [] : await trx('experimenter').select('*').whereIn('omename', logins);
    const userIds = users.map((u) => Number(u.id));
    const [maps, config] = await Promise.all([
      userIds.length === 0 ? [] : trx('groupexperimentermap').select('child', 'parent', 'owner').whereIn('child', userIds).orderBy(['child', 'child_index']),
      userIds.length === 0 ? [] : trx('experimenter_config').select('experimenter_id', 'name', 'value').whereIn('experimenter_id', userIds).orderBy(['experimenter_id', 'index']),
    ]);
    // The groups the file names, and every group the users are in now (for the report's names).
    const memberGroups = [...new Set(maps.map((m: { parent: unknown }) => Number(m.parent)))];
    const groups = await trx('experimentergroup')
      .select('id', 'name')
      .where((q) => {
        q.whereIn('name', names).orWhereIn('id', [...ids, ...memberGroups, SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP]);
      });
    for (const g of groups) state.addGroup(Number(g.id), String(g.name));
    const mapsOf = groupBy(maps as { child: unknown; parent: unknown; owner: boolean }[], (m) => Number(m.child));
    const configOf = groupBy(config as { experimenter_id: unknown; name: string; value: string }[], (c) => Number(c.experimenter_id));
    for (const u of users) {
      const id = Number(u.id);
      state.users.set(u.omename, {
        row: { ...u, id },
        maps: (mapsOf.get(id) ?? []).map((m) => ({ parent: Number(m.parent), owner: Boolean(m.owner) })),
        config: (configOf.get(id) ?? []).map((c) => ({ name: c.name, value: c.value })),
      });
    }
    return state;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const result = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = result.get(k);
    if (list) list.push(item);
    else result.set(k, [item]);
  }
  return result;
}
