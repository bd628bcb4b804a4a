import { CmdCallbackI } from '../../client/cmd-callback.js';
import type { HandlePrx } from '../../client/handle-prx.js';
import type { AsyncOmeroClient } from '../../client/async-client.js';
import { ApiUsageException, Chmod2, type Chmod2Response, CmdError, errSummary, type ObjectIds, ExperimenterGroupI, ServerError, type PermissionsI } from '../../model/index.js';

/** Why a group's permissions could not be changed: the text after OMERO's rc 504 message. */
export class PermissionsChangeError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'PermissionsChangeError';
  }
}

/**
 * Changes a group's permissions as `omero group perms` does (reference cli §3.2): submits
 * `Chmod2({ targetObjects: { ExperimenterGroup: [id] }, permissions })` and waits with
 * `CmdCallbackI`, and answers what it deleted (with `dryRun`, what it would delete, changing
 * nothing: Chmod2's `dryRun`). A failed command throws {@link PermissionsChangeError} carrying the ERR's dump
 * (Python prints `ce.err`); a server exception instead of an ERR gives `<Type>: <message>`.
 */
export async function changeGroupPermissions(client: AsyncOmeroClient, groupId: number, perms: PermissionsI, dryRun = false): Promise<ObjectIds> {
  const chmod = new Chmod2({ targetObjects: { ExperimenterGroup: [groupId] }, permissions: String(perms), dryRun });
  let handle: HandlePrx;
  try {
    handle = await client.getSession().submit(chmod);
  } catch (e) {
    // Until the server implements ServiceFactory.submit (Chmod2 is being added to it), use the
    // deprecated IAdmin.changePermissions; remove this fallback once submit is always there.
    if (e instanceof ApiUsageException && e.message === 'Unknown method ServiceFactory.submit' && !dryRun) {
      await legacyChange(client, groupId, perms);
      return {};
    }
    // OMERO answers a refused command with an ERR; a server that throws instead is reported alike.
    if (e instanceof ServerError) throw new PermissionsChangeError(`${e.name}: ${e.message}`);
    throw e;
  }
  const callback = new CmdCallbackI(client, handle);
  try {
    callback.loop(10, 500);
    if (callback.isFailure()) throw new CmdError(callback.getResponse());
    return (callback.getResponse() as Chmod2Response).deletedObjects ?? {};
  } catch (e) {
    if (e instanceof CmdError) throw new PermissionsChangeError(errSummary(e.err));
    throw e;
  } finally {
    callback.close(true);
  }
}

async function legacyChange(client: AsyncOmeroClient, groupId: number, perms: PermissionsI): Promise<void> {
  try {
    await client.getSession().getAdminService().changePermissions(new ExperimenterGroupI(groupId, false), perms);
  } catch (e) {
    if (e instanceof ServerError) throw new PermissionsChangeError(`${e.name}: ${e.message}`);
    throw e;
  }
}
