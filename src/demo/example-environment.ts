import { ApiUsageException, ExperimenterGroupI, ExperimenterI, ParametersI, PermissionsI, ProjectI, rbool, rstring } from '../model/index.js';
import type { OmeroClient } from '../client/omero-client.js';
import type { AdminServicePrx } from '../client/services/admin-service-prx.js';

/** The groups of seed 002's example environment, with their levels. */
export const EXAMPLE_GROUPS = [
  { name: 'private-1', perms: 'rw----' },
  { name: 'read-only-1', perms: 'rwr---' },
  { name: 'read-write-1', perms: 'rwrw--' },
  { name: 'read-annotate-1', perms: 'rwra--' },
] as const;

/**
 * The users of seed 002 and their memberships ("Group membership" table), default group first,
 * with the documented demo passwords.
 */
export const EXAMPLE_USERS = [
  { omeName: 'user-2', firstName: 'User', lastName: 'Two', password: 'user-2-password', groups: ['private-1', 'read-only-1'] },
  { omeName: 'user-3', firstName: 'User', lastName: 'Three', password: 'user-3-password', groups: ['read-only-1', 'read-annotate-1'] },
] as const;

/** What `ensureExampleEnvironment` did. */
export interface ExampleReport {
  readonly createdGroups: string[];
  readonly createdUsers: string[];
}

/**
 * Creates the example groups and users through IAdmin as an administrator; what exists already is
 * left as it is (so `npm start` can run again).
 */
export function ensureExampleEnvironment(admin: AdminServicePrx): ExampleReport {
  const createdGroups: string[] = [];
  const createdUsers: string[] = [];
  const ids = new Map<string, number>();
  for (const g of EXAMPLE_GROUPS) {
    const existing = tryLookup(() => admin.lookupGroup(g.name));
    if (existing) {
      ids.set(g.name, existing.id!.val as number);
      continue;
    }
    const group = new ExperimenterGroupI();
    group.name = rstring(g.name);
    group.ldap = rbool(false);
    group.details.permissions = new PermissionsI(g.perms);
    ids.set(g.name, admin.createGroup(group));
    createdGroups.push(g.name);
  }
  const userGroup = admin.lookupGroup('user');
  for (const u of EXAMPLE_USERS) {
    if (tryLookup(() => admin.lookupExperimenter(u.omeName))) continue;
    const e = new ExperimenterI();
    e.omeName = rstring(u.omeName);
    e.firstName = rstring(u.firstName);
    e.lastName = rstring(u.lastName);
    e.ldap = rbool(false);
    const [first, ...rest] = u.groups.map((n) => ids.get(n)!);
    admin.createExperimenterWithPassword(e, rstring(u.password), first!, [...rest, userGroup.id!.val as number]);
    createdUsers.push(u.omeName);
  }
  return { createdGroups, createdUsers };
}

function tryLookup<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof ApiUsageException) return null;
    throw e;
  }
}

/** The group in which seed 002 assumes "user-2 and user-3 have a single project each". */
export const EXAMPLE_PROJECT_GROUP = 'read-only-1';

/**
 * Gives each example user one project, "<user> project", in read-only-1, saved as that user
 * (seed 002, "Querying data across users in the same group"). Existing ones are kept.
 * Returns the names of the projects created.
 */
export function ensureExampleProjects(loginAs: (user: string, password: string) => OmeroClient): string[] {
  const created: string[] = [];
  for (const u of EXAMPLE_USERS) {
    const client = loginAs(u.omeName, u.password);
    try {
      const sf = client.getSession();
      const group = sf.getAdminService().lookupGroup(EXAMPLE_PROJECT_GROUP);
      const ctx = { 'omero.group': String(group.id!.val) };
      const name = `${u.omeName} project`;
      const me = sf.getAdminService().getEventContext().userId;
      const existing = sf
        .getQueryService()
        .findAllByQuery('select p from Project p where p.name = :name and p.details.owner.id = :owner', new ParametersI().addString('name', name).addLong('owner', me), ctx);
      if (existing.length > 0) continue;
      const project = new ProjectI();
      project.name = rstring(name);
      sf.getUpdateService().saveAndReturnObject(project, ctx);
      created.push(name);
    } finally {
      client.closeSession();
    }
  }
  return created;
}
