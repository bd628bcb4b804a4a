import type { AsyncOmeroClient } from '../../client/async-client.js';
import { ExperimenterGroupI, SecurityViolation } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';

/**
 * `sessions group [target]` (reference cli §9.3): without a target prints
 * `ExperimenterGroup:<id>`; else switches the server session to the group given by id (tried
 * first, as Python's `int()`) or name and prints `Group '<old>' (id=<old id>) switched to
 * '<new>' (id=<new id>)`. The current group is `Group '<g>' (id=<id>) is already active` on
 * stderr (unless quiet). A refusal is rc 564 `SecurityViolation: <msg>`; an unknown group is the
 * server's exception, uncaught, as in OMERO.
 */
export async function switchGroup(client: AsyncOmeroClient, io: CliIO, target: string | undefined, quiet: boolean): Promise<void> {
  const sf = client.getSession();
  const admin = sf.getAdminService();
  const ec = await admin.getEventContext();
  if (target === undefined) {
    out(io, `ExperimenterGroup:${ec.groupId}`);
    return;
  }
  let id: number;
  let name: string;
  if (/^\s*[+-]?\d+\s*$/.test(target)) {
    id = Number.parseInt(target, 10);
    name = String((await admin.getGroup(id)).name?.val);
  } else {
    name = target;
    id = Number((await admin.lookupGroup(target)).id?.val);
  }
  if (ec.groupId === id && !quiet) {
    err(io, `Group '${name}' (id=${id}) is already active`);
    return;
  }
  try {
    await sf.setSecurityContext(new ExperimenterGroupI(id, false));
  } catch (e) {
    if (e instanceof SecurityViolation) throw new CliError(564, `SecurityViolation: ${e.message}`);
    throw e;
  }
  out(io, `Group '${ec.groupName}' (id=${ec.groupId}) switched to '${name}' (id=${id})`);
}
