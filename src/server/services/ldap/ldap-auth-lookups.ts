import { ApiUsageException } from '../../../model/index.js';
import type { LdapAuthExperimenter } from '../../../contract/index.js';
import type { LdapDirectory } from '../../auth/ldap/index.js';
import type { CallContext } from '../../call/call-context.js';
import { canSeeUserDetails } from '../../security/index.js';
import { idOf, type IdLike } from '../admin/admin-arguments.js';
import { enabledDirectory } from './ldap-service.js';

/**
 * What a caller sees instead of the DN of a user whose details are hidden from it: a DN names
 * the login (advisory 2019-SV3, reference permissions §2.5).
 */
export const HIDDEN_DN = '<hidden>';

export type { LdapAuthExperimenter };

/**
 * IAdmin `lookupLdapAuthExperimenter(id)`: the DN of an `ldap=true` user, looked up live (OMERO
 * stores no DN since 5.1, so a user moved in the directory keeps working); null for other users;
 * `<hidden>` when the caller may not see the user's details.
 */
export async function lookupLdapAuthExperimenter(call: CallContext, directory: LdapDirectory | null, id: IdLike): Promise<string | null> {
  const uid = idOf(id, 'Experimenter');
  const row = await call.trx('experimenter').select('omename', 'ldap').where({ id: uid }).first();
  if (!row) throw new ApiUsageException(`No such experimenter: ${uid}`);
  if (!row.ldap) return null;
  if (!canSeeUserDetails(await call.scope(), uid)) return HIDDEN_DN;
  return (await enabledDirectory(directory).findUser(row.omename)).dn;
}

/**
 * IAdmin `lookupLdapAuthExperimenters()`: every `ldap=true` user with its DN; a user LDAP no longer
 * finds gets `ERROR`, as in OMERO, and one whose details are hidden from the caller `<hidden>`.
 * Refused while LDAP is off and such users exist.
 */
export async function lookupLdapAuthExperimenters(call: CallContext, directory: LdapDirectory | null): Promise<LdapAuthExperimenter[]> {
  const rows = await call.trx('experimenter').select('id', 'omename').where({ ldap: true }).orderBy('id');
  if (rows.length === 0) return [];
  const enabled = enabledDirectory(directory);
  const scope = await call.scope();
  const out: LdapAuthExperimenter[] = [];
  for (const r of rows) {
    if (!canSeeUserDetails(scope, Number(r.id))) {
      out.push({ dn: HIDDEN_DN, experimenter_id: Number(r.id) });
      continue;
    }
    let dn = 'ERROR';
    try {
      dn = (await enabled.findUser(r.omename)).dn;
    } catch (e) {
      if (!(e instanceof ApiUsageException)) throw e;
    }
    out.push({ dn, experimenter_id: Number(r.id) });
  }
  return out;
}
