import type { Draw } from './draw.js';

/**
 * A random OMERO world for the visibility oracle: groups of every level (the four of reference
 * permissions §1.2 and world-readable variants), users with memberships, group owners and
 * admins, and data — projects, datasets, images, annotations and the links between them — owned
 * by users in groups. Written from the reference alone: nothing here comes from src/server.
 *
 * Ids are fixed by the generator (per table, from 1 for data; users and groups continue after
 * OMERO's system rows), so that overlapping ids across tables punish a join on the wrong table.
 */

/** Group levels generated: the four of reference §1.2 and world-readable variants. */
export const LEVELS = ['rw----', 'rwr---', 'rwra--', 'rwrw--', 'rwr-r-', 'rwrar-', 'rwrwr-', 'rwrwrw'] as const;
export type Level = (typeof LEVELS)[number];

/** OMERO's fixed rows (reference permissions §3). */
export const SYSTEM_GROUP = 0;
export const USER_GROUP = 1;
export const GUEST_GROUP = 2;
export const ROOT = 0;
export const GUEST = 1;

export interface Group {
  readonly id: number;
  readonly name: string;
  readonly perms: string;
}

export interface User {
  readonly id: number;
  readonly omeName: string;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string;
  readonly institution: string | null;
  readonly email: string | null;
}

/** A row of groupexperimentermap. */
export interface Member {
  readonly id: number;
  readonly groupId: number;
  readonly userId: number;
  readonly owner: boolean;
  /** Position in the user's list: 0 = default group. */
  readonly index: number;
}

/** What every data row has. */
export interface Owned {
  readonly id: number;
  readonly ownerId: number;
  readonly groupId: number;
}

export interface Container extends Owned {
  readonly name: string;
  readonly description: string | null;
}

export type AnnotationKind = 'tag' | 'comment' | 'long';

export interface Annotation extends Owned {
  readonly kind: AnnotationKind;
  readonly ns: string | null;
  readonly textValue: string | null;
  readonly longValue: number | null;
}

export interface Link extends Owned {
  readonly parent: number;
  readonly child: number;
}

export interface SessionRow {
  readonly id: number;
  readonly ownerId: number;
  readonly groupId: number;
  readonly userAgent: string;
}

/** The whole world. Data tables are keyed by the oracle's table names. */
export interface World {
  readonly groups: readonly Group[];
  readonly users: readonly User[];
  readonly members: readonly Member[];
  readonly project: readonly Container[];
  readonly dataset: readonly Container[];
  readonly image: readonly Container[];
  readonly annotation: readonly Annotation[];
  readonly projectdatasetlink: readonly Link[];
  readonly datasetimagelink: readonly Link[];
  readonly projectannotationlink: readonly Link[];
  readonly datasetannotationlink: readonly Link[];
  readonly imageannotationlink: readonly Link[];
  readonly session: readonly SessionRow[];
}

/** Words that names are made of, so that where-clauses hit. */
export const NAME_WORDS = ['alpha', 'beta', 'gamma', 'secret', 'shared', 'cell', 'Zeta', 'x'] as const;
export const FIRST_NAMES = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'] as const;
export const INSTITUTIONS = ['OME', 'Dundee', 'Lab X'] as const;
export const NAMESPACES = ['ns.a', 'ns.b'] as const;

/**
 * A group level: private groups are drawn most often, as they are where members must not see
 * each other's data and details; then the other three levels, then world-readable variants.
 */
export function drawLevel(d: Draw): Level {
  const r = d.int(0, 99);
  if (r < 32) return 'rw----';
  if (r < 50) return 'rwr---';
  if (r < 64) return 'rwra--';
  if (r < 78) return 'rwrw--';
  return d.pick(LEVELS.slice(4));
}

/** How big a world is. */
export interface WorldSize {
  readonly maxGroups: number;
  readonly maxUsers: number;
  readonly maxObjects: number;
  readonly maxLinks: number;
}

export const DEFAULT_SIZE: WorldSize = { maxGroups: 6, maxUsers: 8, maxObjects: 18, maxLinks: 24 };

/** A random world. */
export function drawWorld(d: Draw, size: WorldSize = DEFAULT_SIZE): World {
  const groups: Group[] = [
    { id: SYSTEM_GROUP, name: 'system', perms: 'rw----' },
    { id: USER_GROUP, name: 'user', perms: 'rwr-r-' },
    { id: GUEST_GROUP, name: 'guest', perms: 'rw----' },
  ];
  const nGroups = d.int(1, size.maxGroups);
  for (let i = 0; i < nGroups; i++) groups.push({ id: 3 + i, name: `g${3 + i}-${d.pick(NAME_WORDS)}`, perms: drawLevel(d) });
  const randomGroups = groups.slice(3).map((g) => g.id);

  const users: User[] = [
    { id: ROOT, omeName: 'root', firstName: 'root', middleName: null, lastName: 'root', institution: null, email: null },
    { id: GUEST, omeName: 'guest', firstName: 'Guest', middleName: null, lastName: 'Account', institution: null, email: null },
  ];
  const members: Member[] = [];
  const addMember = (groupId: number, userId: number, owner: boolean): void => {
    const index = members.filter((m) => m.userId === userId).length;
    members.push({ id: members.length + 1, groupId, userId, owner, index });
  };
  addMember(SYSTEM_GROUP, ROOT, true);
  addMember(USER_GROUP, ROOT, false);
  addMember(GUEST_GROUP, GUEST, false);
  const nUsers = d.int(2, size.maxUsers);
  for (let i = 0; i < nUsers; i++) {
    const id = 2 + i;
    const word = d.pick(NAME_WORDS).toLowerCase();
    users.push({
      id,
      omeName: `${word}${id}`,
      firstName: d.pick(FIRST_NAMES),
      middleName: d.bool(0.3) ? d.pick(FIRST_NAMES) : null,
      lastName: `${d.pick(NAME_WORDS)}son`,
      institution: d.bool(0.6) ? d.pick(INSTITUTIONS) : null,
      email: d.bool(0.7) ? `${word}${id}@example.org` : null,
    });
    const mine = randomGroups.filter(() => d.bool(0.5));
    // The "user" group: usually last, sometimes first (then the next group is the default).
    const userFirst = d.bool(0.1);
    if (userFirst) addMember(USER_GROUP, id, d.bool(0.03));
    if (d.bool(0.08)) addMember(SYSTEM_GROUP, id, false);
    for (const g of mine) addMember(g, id, d.bool(0.1));
    if (!userFirst) addMember(USER_GROUP, id, d.bool(0.03));
  }
  const userIds = users.map((u) => u.id);
  const membersOf = (g: number): number[] => members.filter((m) => m.groupId === g).map((m) => m.userId);

  // Data rows: mostly in random groups and owned by a member; some in "user"/"system"/"guest",
  // some owned by a user who is (no longer) a member.
  const owned = (): { ownerId: number; groupId: number } => {
    const r = d.int(0, 99);
    const groupId = r < 80 ? d.pick(randomGroups) : r < 92 ? USER_GROUP : r < 96 ? SYSTEM_GROUP : GUEST_GROUP;
    const inGroup = membersOf(groupId);
    const ownerId = inGroup.length > 0 && d.bool(0.85) ? d.pick(inGroup) : d.pick(userIds);
    return { ownerId, groupId };
  };
  const containers = (prefix: string): Container[] =>
    Array.from({ length: d.int(2, size.maxObjects) }, (_, i) => ({
      id: i + 1,
      ...owned(),
      name: `${d.pick(NAME_WORDS)}-${prefix}${i + 1}`,
      description: d.bool(0.5) ? d.pick(NAME_WORDS) : null,
    }));
  const project = containers('p');
  const dataset = containers('d');
  const image = containers('i');
  const annotation: Annotation[] = Array.from({ length: d.int(2, size.maxObjects) }, (_, i) => {
    const kind = d.pick(['tag', 'comment', 'long'] as const);
    return {
      id: i + 1,
      ...owned(),
      kind,
      ns: d.bool(0.4) ? d.pick(NAMESPACES) : null,
      textValue: kind === 'long' ? null : `${d.pick(NAME_WORDS)}-t${i + 1}`,
      longValue: kind === 'long' ? d.int(-5, 50) : null,
    };
  });

  // Links: usually in the parent's group (as the server makes them), sometimes elsewhere (moved data).
  const links = (parents: readonly Owned[], children: readonly Owned[]): Link[] => {
    const out: Link[] = [];
    if (parents.length === 0 || children.length === 0) return out;
    const seen = new Set<string>();
    const n = d.int(2, size.maxLinks);
    for (let i = 0; i < n; i++) {
      const parent = d.pick(parents);
      const sameGroup = children.filter((c) => c.groupId === parent.groupId);
      const child = sameGroup.length > 0 && d.bool(0.7) ? d.pick(sameGroup) : d.pick(children);
      const where = d.bool(0.85) ? { ownerId: d.bool(0.6) ? parent.ownerId : child.ownerId, groupId: parent.groupId } : owned();
      const key = `${parent.id}/${child.id}/${where.ownerId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: out.length + 1, parent: parent.id, child: child.id, ...where });
    }
    return out;
  };

  // Every user has a session (the one the harness calls with), plus a few more.
  const loginGroup = (userId: number): number => members.filter((m) => m.userId === userId).sort((a, b) => a.index - b.index).find((m) => m.groupId !== USER_GROUP)?.groupId ?? USER_GROUP;
  const session: SessionRow[] = users.map((u, i) => ({ id: i + 1, ownerId: u.id, groupId: loginGroup(u.id), userAgent: 'omero-shell' }));
  for (let i = d.int(0, 3); i > 0; i--) {
    const ownerId = d.pick(userIds);
    session.push({ id: session.length + 1, ownerId, groupId: loginGroup(ownerId), userAgent: d.pick(['OMERO.py', 'OMERO.web']) });
  }

  return {
    groups,
    users,
    members,
    project,
    dataset,
    image,
    annotation,
    projectdatasetlink: links(project, dataset),
    datasetimagelink: links(dataset, image),
    projectannotationlink: links(project, annotation),
    datasetannotationlink: links(dataset, annotation),
    imageannotationlink: links(image, annotation),
    session,
  };
}

/** A user's groups in list order (default first). */
export function groupsOf(world: World, userId: number): number[] {
  return world.members
    .filter((m) => m.userId === userId)
    .sort((a, b) => a.index - b.index)
    .map((m) => m.groupId);
}

/** The group a password login starts in: the first membership that is not "user" (reference §5.2). */
export function defaultGroupOf(world: World, userId: number): number | null {
  return groupsOf(world, userId).find((g) => g !== USER_GROUP) ?? null;
}

/** Counts for reports. */
export function describeWorld(w: World): string {
  const data = w.project.length + w.dataset.length + w.image.length + w.annotation.length;
  const links =
    w.projectdatasetlink.length + w.datasetimagelink.length + w.projectannotationlink.length + w.datasetannotationlink.length + w.imageannotationlink.length;
  return `${w.groups.length} groups, ${w.users.length} users, ${w.members.length} memberships, ${data} objects, ${links} links, ${w.session.length} sessions`;
}
