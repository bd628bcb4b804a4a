import type { IServiceFactory, Served } from '../../contract/index.js';
import { ApiUsageException, ExperimenterGroupI, SecurityViolation, type ExperimenterGroupI as GroupT } from '../../model/index.js';
import type { CallContext } from '../call/call-context.js';
import type { CommandOutcome } from '../commands/index.js';
import { groupContextRefusal } from '../security/index.js';
import { idOf, type IdLike } from './admin/admin-arguments.js';
import { checkOwnPassword } from './admin/own-password.js';

/** ServiceFactory methods that act on the session itself (reference api §1.2). */
export class FactoryService implements Served<IServiceFactory, CallContext> {
  /**
   * Switches the session's group; returns the previous group as an unloaded proxy. `-1` is refused
   * (ApiUsageException) and so is a group the caller may not use (SecurityViolation).
   */
  async setSecurityContext(call: CallContext, group: IdLike | GroupT): Promise<ExperimenterGroupI> {
    const gid = idOf(group as IdLike, 'ExperimenterGroup');
    if (gid < 0) throw new ApiUsageException('Cannot set the security context to omero.group=-1; pass it per call instead');
    await call.loadPerms([gid]);
    if (call.perms(gid) === undefined) throw new ApiUsageException(`No such group: ${gid}`);
    const refusal = groupContextRefusal(call.caller, gid, call.perms(gid));
    if (refusal) throw new SecurityViolation(`User ${call.caller.userId} is not a member of group ${gid}`);
    await call.trx('session').where({ id: call.session.id }).update({ group_id: gid });
    return new ExperimenterGroupI(call.session.group_id, false);
  }

  async getSecurityContexts(call: CallContext): Promise<ExperimenterGroupI[]> {
    return call.membership.memberOf.map((g) => new ExperimenterGroupI(g, false));
  }

  async keepAlive(_call: CallContext, _proxy?: unknown): Promise<boolean> {
    return true;
  }

  /** Re-checks the password of the session's user (needed by `omero user password`); throttled as logins are. */
  async setSecurityPassword(call: CallContext, password: string): Promise<void> {
    await checkOwnPassword(call, String(password ?? ''), (login) => `Bad password for ${login}`);
  }

  /**
   * Runs a graph command (Delete2, DoAll, Chgrp2, Chown2, Chmod2, legacy Delete) to completion and
   * returns `{ response, status }`, which the client's `HandlePrx` holds (reference api §4).
   * Commands use `omero.group=-1` unless the call context names a group.
   */
  async submit(call: CallContext, request: unknown): Promise<CommandOutcome> {
    // Loaded on first use: most sessions never submit a command (start-up, issue 6).
    const { submitCommand } = await import('../commands/index.js');
    return submitCommand(call, request);
  }
}
