import type { Knex } from 'knex';
import { ValidationException } from '../../../model/index.js';
import { newUserGroups, type LdapDirectory, type LdapUser } from '../../auth/ldap/index.js';
import { loginNameRefusal, SystemIds } from '../../security/index.js';
import { addMembership, fixDefaultGroup, removeMembership, setOwner } from '../admin/membership-ops.js';
import { throwIfRefused } from '../refusal-exception.js';

/** Groups LDAP creates are private (`rw----`), as OMERO's `createGroup(name, null, false, true)`. */
const PRIVATE = -120;

/**
 * Creates the OMERO account of an LDAP user (OMERO's `LdapImpl.createUser`): `ldap=true`, names
 * from `user_mapping`, no OMERO password (the LDAP password is checked at each login), member of
 * the `new_user_group` groups (created when missing, flagged ldap, private) with the first as
 * default, of "user", and owner where `new_user_group_owner` says. Returns the new id.
 * "User already exists: <name>" and "No group found for: <dn>" are ValidationExceptions.
 */
export async function createLdapAccount(trx: Knex.Transaction, directory: LdapDirectory, name: string, found?: LdapUser): Promise<number> {
  if (await trx('experimenter').where({ omename: name }).first()) throw new ValidationException(`User already exists: ${name}`);
  const user = found ?? (await directory.findUser(name));
  throwIfRefused(loginNameRefusal(name, null));
  const groups = await newUserGroups(directory, user);
  if (groups.member.length === 0) throw new ValidationException(`No group found for: ${user.dn}`);
  const { fields } = user;
  const [row] = await trx('experimenter')
    .insert({
      omename: name,
      firstname: fields.firstName ?? '',
      lastname: fields.lastName ?? '',
      middlename: fields.middleName,
      institution: fields.institution,
      email: fields.email,
      ldap: true,
    })
    .returning('id');
  const uid = Number(row.id);
  for (const gid of await groupIds(trx, groups.member)) await addMembership(trx, uid, gid);
  await addMembership(trx, uid, SystemIds.USER_GROUP);
  await fixDefaultGroup(trx, uid);
  for (const gid of await groupIds(trx, groups.owner)) {
    if (!(await addMembership(trx, uid, gid, true))) await setOwner(trx, uid, gid, true);
  }
  return uid;
}

/**
 * `sync_on_login` (reference field-notes §3.4): the user's LDAP-flagged groups become exactly the
 * ones LDAP gives (others, and "system"/"user", are never touched), ownership follows
 * `new_user_group_owner`, and the names and email are overwritten with LDAP's.
 */
export async function synchroniseLdapAccount(trx: Knex.Transaction, directory: LdapDirectory, uid: number, user: LdapUser): Promise<void> {
  const groups = await newUserGroups(directory, user);
  const wanted = await groupIds(trx, groups.member);
  const owned = await groupIds(trx, groups.owner);
  const current = await trx('groupexperimentermap as m').join('experimentergroup as g', 'g.id', 'm.parent').select('g.id', 'g.ldap').where('m.child', uid);
  const special: number[] = [SystemIds.SYSTEM_GROUP, SystemIds.USER_GROUP];
  for (const g of current) {
    const gid = Number(g.id);
    if (g.ldap && !wanted.includes(gid) && !special.includes(gid)) await removeMembership(trx, uid, gid);
  }
  for (const gid of wanted) {
    await addMembership(trx, uid, gid);
    await setOwner(trx, uid, gid, owned.includes(gid));
  }
  await fixDefaultGroup(trx, uid);
  const { fields } = user;
  await trx('experimenter')
    .where({ id: uid })
    .update({
      firstname: fields.firstName ?? '',
      lastname: fields.lastName ?? '',
      middlename: fields.middleName,
      institution: fields.institution,
      email: fields.email,
      version: trx.raw('version + 1'),
    });
}

/**
 * The ids of groups by name, creating the missing ones (ldap=true, private). An existing group
 * of that name is used as it is, LDAP-flagged or not, as OMERO does.
 */
async function groupIds(trx: Knex.Transaction, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const existing = await trx('experimentergroup').select('id').where({ name }).first();
    if (existing) {
      ids.push(Number(existing.id));
      continue;
    }
    const [row] = await trx('experimentergroup').insert({ name, permissions: PRIVATE, ldap: true, description: null }).returning('id');
    ids.push(Number(row.id));
  }
  return ids;
}
