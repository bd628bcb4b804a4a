import { Option, type Command } from 'commander';
import type { AsyncAdminService } from '../../client/async-proxies.js';
import {
  ADMIN_PRIVILEGES,
  ApiUsageException,
  FILE_PRIVILEGES,
  PRIVILEGE_BUNDLES,
  PRIVILEGE_DESCRIPTIONS,
  parsePrivileges,
  SecurityViolation,
  UnknownPrivilegeError,
  ValidationException,
  type AdminPrivilege,
  type ExperimenterI,
} from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { out, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { withLoginOptions } from '../login-options.js';
import { renderTable } from '../output/index.js';
import { requireAdminPrivileges } from './admin-only.js';
import { subcommand } from './subcommand.js';
import { userFinder } from './user-finder.js';
import { addStyleArgument, type StyleOption } from './user-group-options.js';

/**
 * The friendly account management of issue 11, added to `omero user`: `privileges USER [--grant
 * …] [--revoke …]`, `deactivate USER`, `reactivate USER`; and the `--privileges` help shared with
 * `user add --admin`. OMERO's own way keeps working (`omero obj map-set Experimenter:ID config
 * AdminPrivilege:X false`).
 */

/** What `user privileges` and `--help` add to a file or repository privilege. */
const FILE_PRIVILEGE_NOTE = 'guards nothing here: no files or repositories, kept for OMERO compatibility';

/** What a privilege allows, marked when it guards nothing in this system (`FILE_PRIVILEGES`). */
function privilegeText(p: AdminPrivilege): string {
  return FILE_PRIVILEGES.includes(p) ? `${PRIVILEGE_DESCRIPTIONS[p]} (${FILE_PRIVILEGE_NOTE})` : PRIVILEGE_DESCRIPTIONS[p];
}

/** `--help` text listing the privileges and the bundles. */
export function privilegesHelp(): string {
  const width = Math.max(...ADMIN_PRIVILEGES.map((p) => p.length), ...PRIVILEGE_BUNDLES.map((b) => b.name.length));
  return [
    '',
    'Privileges (comma separated, any case):',
    ...ADMIN_PRIVILEGES.map((p) => `  ${p.padEnd(width)}  ${privilegeText(p)}`),
    '',
    'Bundles (may be mixed with privileges):',
    ...PRIVILEGE_BUNDLES.map((b) => `  ${b.name.padEnd(width)}  ${b.description}: ${b.privileges.join(', ') || 'no privilege'}`),
  ].join('\n');
}

/** Privilege and bundle names as the CLI read them: the privileges, and the words it did not know. */
export interface PrivilegeWords {
  readonly privileges: AdminPrivilege[];
  readonly unknown: readonly string[];
}

/**
 * Privilege and bundle names → privileges. Unknown words are not refused here but handed to the
 * server with the command's guard (`requireAdminPrivileges`), which refuses them (rc 2, listing
 * the valid names) and records the refusal in the audit log.
 */
export function privilegesOption(words: readonly string[]): PrivilegeWords {
  try {
    return { privileges: parsePrivileges(words), unknown: [] };
  } catch (e) {
    if (e instanceof UnknownPrivilegeError) return { privileges: [], unknown: e.unknown };
    throw e;
  }
}

/** A server refusal as the CLI reports it (rc 68 for SecurityViolation, as `user add` does; 67 otherwise), or the error itself. */
function refused(e: unknown): unknown {
  if (e instanceof SecurityViolation) return new CliError(68, `SecurityViolation: ${e.message}`);
  if (e instanceof ValidationException) return new CliError(67, `ValidationException: ${e.message}`);
  if (e instanceof ApiUsageException) return new CliError(67, `ApiUsageException: ${e.message}`);
  return e;
}

async function findUser(admin: AsyncAdminService, io: CliIO, arg: string): Promise<ExperimenterI> {
  return (await userFinder(admin, io).byIdOrName(arg, true))!.object;
}

interface PrivilegesOptions extends StyleOption {
  grant?: string[];
  revoke?: string[];
}

/** `user privileges USER [--grant P,…] [--revoke P,…] [--style …]`. */
export function privilegesCommand(io: CliIO): Command {
  const cmd = subcommand('privileges', 'Show or change the light-admin privileges of an administrator')
    .argument('<user>', 'ID or login of the administrator')
    .addOption(new Option('--grant <PRIVILEGES...>', 'privileges or bundles to give (you must hold them)'))
    .addOption(new Option('--revoke <PRIVILEGES...>', 'privileges or bundles to take away'))
    .addHelpText('after', privilegesHelp());
  addStyleArgument(cmd);
  withLoginOptions(cmd);
  cmd.action(async (arg: string, opts: PrivilegesOptions) => {
    const granted = privilegesOption(opts.grant ?? []);
    const revoked = privilegesOption(opts.revoke ?? []);
    const [grant, revoke] = [granted.privileges, revoked.privileges];
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const user = await findUser(admin, io, arg);
      const uid = user.id!.val as number;
      const [memberOf, roles, privileges] = await Promise.all([admin.getMemberOfGroupIds(uid), admin.getSecurityRoles(), admin.getAdminPrivileges(uid)]);
      const isAdmin = memberOf.includes(roles.systemGroupId);
      let held = privileges as AdminPrivilege[];
      if (opts.grant !== undefined || opts.revoke !== undefined) {
        await requireAdminPrivileges(admin, ['ModifyUser', ...granted.unknown, ...revoked.unknown], 'user privileges');
        if (!isAdmin) throw new CliError(3, `${user.omeName!.val} is not an administrator: make them one first (omero user joingroup --name system ${user.omeName!.val})`);
        const both = grant.filter((p) => revoke.includes(p));
        if (both.length > 0) throw new CliError(2, `Both granted and revoked: ${both.join(', ')}`);
        const next = ADMIN_PRIVILEGES.filter((p) => (held.includes(p) || grant.includes(p)) && !revoke.includes(p));
        try {
          await admin.setAdminPrivileges(uid, next);
        } catch (e) {
          throw refused(e);
        }
        held = (await admin.getAdminPrivileges(uid)) as AdminPrivilege[];
      }
      const rows = ADMIN_PRIVILEGES.map((p) => [p, held.includes(p) ? 'Yes' : 'No', privilegeText(p)]);
      out(io, renderTable({ headers: ['privilege', 'held', 'allows'], rows }, opts.style));
      if (!isAdmin) out(io, `${user.omeName!.val} is not an administrator: they hold no privilege.`);
    });
  });
  return cmd;
}

/**
 * `user deactivate USER` / `user reactivate USER`: leave or join the "user" group (OMERO's
 * active flag); deactivating ends the user's open sessions.
 */
export function activationCommand(io: CliIO, active: boolean): Command {
  const name = active ? 'reactivate' : 'deactivate';
  const cmd = subcommand(
    name,
    active ? 'Let a deactivated user log in again (rejoin the "user" group)' : 'Stop a user from logging in (leave the "user" group), ending their sessions',
  ).argument('<user>', 'ID or login of the user');
  withLoginOptions(cmd);
  cmd.action(async (arg: string) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      await requireAdminPrivileges(admin, ['ModifyGroupMembership'], `user ${name}`);
      const user = await findUser(admin, io, arg);
      const uid = user.id!.val as number;
      const userGroup = (await admin.getSecurityRoles()).userGroupId;
      const isActive = (await admin.getMemberOfGroupIds(uid)).includes(userGroup);
      const label = `${user.omeName!.val} (id=${uid})`;
      if (isActive === active) {
        out(io, `User ${label} is already ${active ? 'active' : 'deactivated'}`);
        return;
      }
      try {
        if (active) await admin.addGroups(uid, [userGroup]);
        else await admin.removeGroups(uid, [userGroup]);
      } catch (e) {
        throw refused(e);
      }
      out(io, active ? `Reactivated user ${label}` : `Deactivated user ${label}; their open sessions were ended`);
    });
  });
  return cmd;
}
