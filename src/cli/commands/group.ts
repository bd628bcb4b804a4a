import { Command } from 'commander';
import type { AsyncAdminService } from '../../client/async-proxies.js';
import { ExperimenterGroupI, rbool, rstring, SecurityViolation, ServerError, ValidationException, type ObjectIds } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { out, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { addSubcommands, type SubcommandBuilders } from '../subcommands.js';
import { withLoginOptions } from '../login-options.js';
import { renderTable } from '../output/index.js';
import { groupImportCommand } from './group-import.js';
import {
  addAsOwnerArgument,
  addGroupArguments,
  addGroupPrintArguments,
  addGroupSortingArguments,
  addIdNameArguments,
  addPermissionsArguments,
  addStyleArgument,
  addUserArguments,
  addUserPrintArguments,
  addUserSortingArguments,
  changeGroupPermissions,
  collectSeveredTable,
  collectGroupsTable,
  collectUsersTable,
  groupFinder,
  groupSelection,
  isConstraintViolation,
  lookupOrNull,
  MembershipChanges,
  ownerIds,
  parsePerms,
  PERM_TXT,
  PermissionsChangeError,
  requireAdminPrivileges,
  subcommand,
  USER_ARGUMENTS,
  userFinder,
  userIds,
  userSelection,
  usersToChange,
  type Found,
  type GroupArgumentOptions,
  type GroupsTableOptions,
  type PermissionOptions,
  type StyleOption,
  type UserArgumentOptions,
  type UsersTableOptions,
} from '../usergroup/index.js';

/**
 * `omero group` (omero-py `plugins/group.py`, reference cli §3): add, perms, list, info,
 * listusers, copyusers, adduser, removeuser. Login arguments on this level and on add, perms,
 * list, copyusers, adduser and removeuser, as in OMERO.
 */
export function groupCommand(io: CliIO, only?: string): Command {
  const group = withLoginOptions(new Command('group').description('Group administration methods').enablePositionalOptions());
  return addSubcommands(group, groupSubcommands(io), only);
}

/** `omero group`'s subcommands, in the order its help lists them. */
export function groupSubcommands(io: CliIO): SubcommandBuilders {
  return {
    add: () => addCommand(io),
    perms: () => permsCommand(io),
    list: () => listCommand(io),
    info: () => infoCommand(io),
    listusers: () => listusersCommand(io),
    copyusers: () => copyusersCommand(io),
    adduser: () => adduserCommand(io),
    removeuser: () => removeuserCommand(io),
    import: () => groupImportCommand(io),
  };
}

/**
 * `group add [--ignore-existing] [--perms P | --type T] name` (§3.1): admins with ModifyGroup
 * only, checked first; private by default.
 */
function addCommand(io: CliIO): Command {
  const cmd = subcommand('add', `Add a new group with given permissions \n\n${PERM_TXT}`)
    // "user": OMERO's help text (a copy-paste slip for "group").
    .option('--ignore-existing', 'Do not fail if user already exists')
    .argument('<name>', 'Name of the group');
  addPermissionsArguments(cmd);
  withLoginOptions(cmd);
  cmd.action(async (name: string, opts: PermissionOptions & { ignoreExisting?: boolean }) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      await requireAdminPrivileges(admin, ['ModifyGroup'], 'group add');
      const perms = parsePerms(opts);
      const existing = await lookupOrNull(() => admin.lookupGroup(name));
      if (existing) {
        const message = `Group exists: ${name} (id=${existing.id!.val})`;
        if (!opts.ignoreExisting) throw new CliError(3, message);
        out(io, message);
        return;
      }
      const g = new ExperimenterGroupI();
      g.name = rstring(name);
      g.ldap = rbool(false);
      g.details.permissions = perms;
      let id: number;
      try {
        id = await admin.createGroup(g);
      } catch (e) {
        if (e instanceof ValidationException) {
          if (isConstraintViolation(e)) throw new CliError(66, `Group already exists: ${name}`);
          throw new CliError(67, `Unknown ValidationException: ${e.message}`);
        }
        if (e instanceof SecurityViolation) throw new CliError(68, `Security violation: ${e.message}`);
        // Python prints `type(se)`: `<class 'omero.ApiUsageException'>: <message>`.
        if (e instanceof ServerError) throw new CliError(4, `<class 'omero.${e.name}'>: ${e.message}`);
        throw e;
      }
      out(io, `Added group ${name} (id=${id}) with permissions ${perms}`);
    });
  });
  return cmd;
}

/** The `--id | --name` group, fatal: none → 501, bad id → 502, unknown → 503. */
async function parseGroupId(admin: AsyncAdminService, io: CliIO, opts: { id?: string; name?: string }): Promise<Found<ExperimenterGroupI>> {
  const finder = groupFinder(admin, io);
  if (opts.id) return (await finder.byId(opts.id, true))!;
  if (opts.name) return (await finder.byName(opts.name, true))!;
  throw new CliError(501, 'No input group is specified');
}

/**
 * `group perms [--id|--name] [--perms P | --type T]` (§3.2) through Chmod2. With neither flag the
 * group is reset to private (`rw----`), as in OMERO (§12: argparse's default type).
 */
function permsCommand(io: CliIO): Command {
  const cmd = subcommand('perms', `Modify a group's permissions \n\n${PERM_TXT}`);
  addIdNameArguments(cmd, 'group');
  addPermissionsArguments(cmd);
  cmd.option('--dry-run', 'Show what the change would sever or delete (or why it is refused), change nothing');
  addStyleArgument(cmd);
  withLoginOptions(cmd);
  cmd.action(async (opts: PermissionOptions & StyleOption & { id?: string; name?: string; dryRun?: boolean }) => {
    const perms = parsePerms(opts);
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const group = await parseGroupId(admin, io, opts);
      const name = group.object.name?.val ?? '';
      const old = String(group.object.details.permissions);
      if (old === String(perms)) {
        out(io, `Permissions for group ${name} (id=${group.id}) already ${perms}`);
        return;
      }
      let deleted: ObjectIds;
      try {
        deleted = await changeGroupPermissions(c.client, group.id, perms, Boolean(opts.dryRun));
      } catch (e) {
        if (e instanceof PermissionsChangeError) {
          throw new CliError(504, `Cannot change permissions for group ${name} (id=${group.id}) to ${perms}: ${e.message}`);
        }
        throw e;
      }
      // The same summary before (dry run) and after the change: what was cut between owners.
      const table = collectSeveredTable(deleted);
      if (opts.dryRun) {
        out(io, `Would change permissions for group ${name} (id=${group.id}) from ${old} to ${perms}`);
        if (table.rows.length === 0) out(io, 'Nothing would be severed or deleted');
      } else {
        out(io, `Changed permissions for group ${name} (id=${group.id}) to ${perms}`);
      }
      if (table.rows.length > 0) out(io, renderTable(table, opts.style));
    });
  });
  return cmd;
}

/** The flags of the groups table. */
function groupsTableCommand(cmd: Command): Command {
  addStyleArgument(cmd);
  addUserPrintArguments(cmd);
  addGroupSortingArguments(cmd);
  return cmd;
}

/** `group list`: all groups in the groups table (§3.3). */
function listCommand(io: CliIO): Command {
  const cmd = withLoginOptions(groupsTableCommand(subcommand('list', 'List information about all groups')));
  cmd.action(async (opts: GroupsTableOptions & StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      out(io, renderTable(collectGroupsTable(await c.client.getSession().getAdminService().lookupGroups(), opts), opts.style));
    });
  });
  return cmd;
}

/** `group info [group …]`: the given groups, by default the current group (§3.3). */
function infoCommand(io: CliIO): Command {
  const cmd = subcommand('info', 'List information about the group(s). Default to the context group');
  addGroupArguments(cmd);
  groupsTableCommand(cmd);
  cmd.action(async (groups: string[], opts: GroupArgumentOptions & GroupsTableOptions & StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const found = await groupFinder(admin, io).list(groupSelection(groups, opts), true, async () => (await admin.getEventContext()).groupId);
      out(io, renderTable(collectGroupsTable(found.map((f) => f.object), opts), opts.style));
    });
  });
  return cmd;
}

/** `group listusers [group]`: the users of one group, by default the current group (§3.3). */
function listusersCommand(io: CliIO): Command {
  const cmd = subcommand('listusers', 'List users of the current group');
  addGroupArguments(cmd);
  addStyleArgument(cmd);
  addGroupPrintArguments(cmd);
  addUserSortingArguments(cmd);
  cmd.action(async (groups: string[], opts: GroupArgumentOptions & UsersTableOptions & StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const found = await groupFinder(admin, io).list(groupSelection(groups, opts), true, async () => (await admin.getEventContext()).groupId);
      if (found.length !== 1) throw new CliError(516, 'Too many group arguments');
      const [users, roles] = await Promise.all([admin.containedExperimenters(found[0]!.id), admin.getSecurityRoles()]);
      out(io, renderTable(collectUsersTable(users, roles, opts), opts.style));
    });
  });
  return cmd;
}

/**
 * `group copyusers from_group to_group [--as-owner]` (§3.4): every user of the source joins the
 * target as a member, or with `--as-owner` the source's owners become owners of the target.
 */
function copyusersCommand(io: CliIO): Command {
  const cmd = subcommand('copyusers', 'Copy the users of one group to another group')
    .argument('<from_group>', 'ID or name of the source group whose users will be copied')
    .argument('<to_group>', 'ID or name of the target group which will have new users added')
    .option('--as-owner', 'Copy the group owners only');
  withLoginOptions(cmd);
  cmd.action(async (fromGroup: string, toGroup: string, opts: { asOwner?: boolean }) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const finder = groupFinder(admin, io);
      const from = (await finder.byIdOrName(fromGroup, true))!;
      const to = (await finder.byIdOrName(toGroup, true))!;
      const owner = Boolean(opts.asOwner);
      const uids = usersToChange(owner ? ownerIds(from.object) : userIds(from.object), to, { owner, join: true }, io);
      const changes = new MembershipChanges(admin, io);
      if (owner) {
        await changes.addOwners(to.id, uids);
        out(io, `Owners of ${fromGroup} copied to ${toGroup}`);
      } else {
        await changes.addUsers(to.id, uids);
        out(io, `Users of ${fromGroup} copied to ${toGroup}`);
      }
    });
  });
  return cmd;
}

/** The shared shape of adduser/removeuser (§3.5). */
function memberCommand(io: CliIO, name: string, description: string, action: string, ownerHelp: string, join: boolean): Command {
  const cmd = subcommand(name, description);
  addIdNameArguments(cmd, 'group');
  addUserArguments(cmd, action);
  addAsOwnerArgument(cmd, ownerHelp, USER_ARGUMENTS);
  withLoginOptions(cmd);
  cmd.action(async (users: string[], opts: UserArgumentOptions & { id?: string; name?: string; asOwner?: boolean }) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const group = await parseGroupId(admin, io, opts);
      const found = await userFinder(admin, io).list(userSelection(users, opts), false);
      const owner = Boolean(opts.asOwner);
      const uids = usersToChange(found.map((f) => f.id), group, { owner, join }, io);
      const changes = new MembershipChanges(admin, io);
      if (join && owner) await changes.addOwners(group.id, uids);
      else if (join) await changes.addUsers(group.id, uids);
      else if (owner) await changes.removeOwners(group.id, uids);
      else await changes.removeUsers(group.id, uids);
    });
  });
  return cmd;
}

/** `group adduser [--id|--name] user… [--as-owner]`. */
function adduserCommand(io: CliIO): Command {
  return memberCommand(io, 'adduser', 'Add one or more users to a group', ' to add to the group', 'Add the users as owners of the group', true);
}

/** `group removeuser [--id|--name] user… [--as-owner]`. */
function removeuserCommand(io: CliIO): Command {
  return memberCommand(io, 'removeuser', 'Remove one or more users from a group', ' to remove from the group', 'Remove the users from the group owner list', false);
}
