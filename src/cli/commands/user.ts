import { Command, Option } from 'commander';
import type { AsyncAdminService } from '../../client/async-proxies.js';
import { ExperimenterGroupI, ExperimenterI, rbool, rstring, SecurityViolation, ValidationException } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { addSubcommands, type SubcommandBuilders } from '../subcommands.js';
import { loginArgs, withLoginOptions } from '../login-options.js';
import { renderTable } from '../output/index.js';
import { userImportCommand } from './user-import.js';
import {
  addAsOwnerArgument,
  addGroupArguments,
  addGroupPrintArguments,
  addGroupSortingArguments,
  addIdNameArguments,
  addStyleArgument,
  addUserArguments,
  addUserPrintArguments,
  addUserSortingArguments,
  collectEmails,
  collectGroupsTable,
  collectUsersTable,
  exclusiveGroup,
  GROUP_ARGUMENTS,
  groupFinder,
  groupSelection,
  groupsToChange,
  isConstraintViolation,
  lookupOrNull,
  MembershipChanges,
  readNewPassword,
  readOwnPassword,
  requireAdminPrivileges,
  subcommand,
  USER_PASSWORD_ENV,
  userFinder,
  userSelection,
  type EmailOptions,
  type GroupArgumentOptions,
  type GroupsTableOptions,
  type StyleOption,
  type UserArgumentOptions,
  type UsersTableOptions,
} from '../usergroup/index.js';
import { activationCommand, privilegesCommand, privilegesHelp, privilegesOption } from '../usergroup/account-commands.js';

/**
 * `omero user` (omero-py `plugins/user.py`, reference cli §2): add, list, info, listgroups,
 * password, email, joingroup, leavegroup. Login arguments on this level and on add, list,
 * password, email, joingroup and leavegroup, as in OMERO.
 */
export function userCommand(io: CliIO, only?: string): Command {
  const user = withLoginOptions(new Command('user').description('Support for adding and managing users').enablePositionalOptions());
  return addSubcommands(user, userSubcommands(io), only);
}

/** `omero user`'s subcommands, in the order its help lists them. */
export function userSubcommands(io: CliIO): SubcommandBuilders {
  return {
    add: () => addCommand(io),
    list: () => listCommand(io),
    info: () => infoCommand(io),
    listgroups: () => listgroupsCommand(io),
    password: () => passwordCommand(io),
    email: () => emailCommand(io),
    joingroup: () => joingroupCommand(io),
    leavegroup: () => leavegroupCommand(io),
    import: () => userImportCommand(io),
    privileges: () => privilegesCommand(io),
    deactivate: () => activationCommand(io, false),
    reactivate: () => activationCommand(io, true),
  };
}

interface AddOptions extends GroupArgumentOptions {
  ignoreExisting?: boolean;
  middlename?: string;
  email?: string;
  institution?: string;
  admin?: boolean;
  privileges?: string[];
  userpassword?: string;
  userpasswordStdin?: boolean;
  noPassword?: boolean;
}

/**
 * `user add [--ignore-existing] [-m M] [-e E] [-i I] [-a] username firstname lastname [group …]
 * [--group-id …] [--group-name …] [-P PW | --userpassword-stdin | --no-password]` (§2.1).
 */
function addCommand(io: CliIO): Command {
  const cmd = subcommand('add', 'Add user')
    .option('--ignore-existing', 'Do not fail if user already exists')
    .option('-m, --middlename <MIDDLENAME>', 'Middle name, if available')
    .option('-e, --email <EMAIL>')
    .option('-i, --institution <INSTITUTION>')
    .option('-a, --admin', 'Whether the user should be an admin')
    .addOption(new Option('--privileges <PRIVILEGES...>', 'with --admin: a restricted administrator holding only these privileges or bundles (listed below)'))
    .addHelpText('after', privilegesHelp())
    .argument('<username>', "User's login name")
    .argument('<firstname>', "User's first name")
    .argument('<lastname>', "User's last name");
  addGroupArguments(cmd, ' to join');
  cmd.addOption(new Option('-P, --userpassword <USERPASSWORD>', `Password for user (visible to other local users: prefer the prompt, --userpassword-stdin or ${USER_PASSWORD_ENV})`));
  cmd.addOption(new Option('--userpassword-stdin', 'Read the password for user from the first line of standard input'));
  cmd.addOption(noPasswordOption());
  exclusiveGroup(cmd, ['--userpassword', '--userpassword-stdin', '--no-password']);
  withLoginOptions(cmd);
  cmd.action(async (username: string, firstname: string, lastname: string, groups: string[], opts: AddOptions) => {
    if (opts.privileges && !opts.admin) throw new CliError(2, '--privileges needs --admin: only administrators hold privileges');
    const words = opts.privileges ? privilegesOption(opts.privileges) : null;
    const restricted = words?.privileges ?? null;
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      await requireAdminPrivileges(admin, ['ModifyUser', 'ModifyGroupMembership', ...(words?.unknown ?? [])], 'user add');
      // OMERO asks the server's omero.security.password_required, true by default; this engine
      // always requires a password (an account without one cannot log in).
      if (opts.noPassword) throw new CliError(502, 'Server does not allow user creation with empty passwords');
      const existing = await lookupOrNull(() => admin.lookupExperimenter(username));
      if (existing) {
        const message = `User exists: ${username} (id=${existing.id!.val})`;
        if (!opts.ignoreExisting) throw new CliError(3, message);
        out(io, message);
        return;
      }
      // A restricted administrator may be created in no group but "system" and "user".
      const selection = groupSelection(groups, opts);
      const noGroups = groups.length === 0 && !opts.groupId?.length && !opts.groupName?.length;
      const found = restricted && noGroups ? [] : await groupFinder(admin, io).list(selection, false);
      const roles = await admin.getSecurityRoles();
      const ids = [...found.map((g) => g.id), roles.userGroupId, ...(opts.admin ? [roles.systemGroupId] : [])];
      const [first, ...others] = ids.map((id) => new ExperimenterGroupI(id, false));
      const e = new ExperimenterI();
      e.omeName = rstring(username);
      e.firstName = rstring(firstname);
      e.lastName = rstring(lastname);
      e.middleName = opts.middlename === undefined ? null : rstring(opts.middlename);
      e.email = opts.email === undefined ? null : rstring(opts.email);
      e.institution = opts.institution === undefined ? null : rstring(opts.institution);
      e.ldap = rbool(false);
      const password = await readNewPassword(io, { flag: opts.userpassword, fromStdin: opts.userpasswordStdin, login: username });
      let id: number;
      try {
        id = restricted
          ? await createRestrictedAdmin(admin, e, restricted, password, found.map((g) => g.id))
          : await admin.createExperimenterWithPassword(e, rstring(password), first!, others);
      } catch (x) {
        if (x instanceof ValidationException) {
          if (isConstraintViolation(x)) throw new CliError(66, `User already exists: ${username}`);
          throw new CliError(67, `Unknown ValidationException: ${x.message}`);
        }
        if (x instanceof SecurityViolation) throw new CliError(68, `Security violation: ${x.message}`);
        throw x;
      }
      out(io, `Added user ${username} (id=${id}) with password${restricted ? `, an administrator holding ${restricted.join(', ') || 'no privilege'}` : ''}`);
    });
  });
  return cmd;
}

/**
 * A restricted administrator (`user add --admin --privileges …`): created in "system" with only
 * `privileges`, then added to the chosen groups, the first becoming the default group.
 */
async function createRestrictedAdmin(admin: AsyncAdminService, e: ExperimenterI, privileges: readonly string[], password: string, groups: readonly number[]): Promise<number> {
  const id = await admin.createRestrictedSystemUserWithPassword(e, privileges, rstring(password));
  if (groups.length > 0) {
    await admin.addGroups(id, [...groups]);
    await admin.setDefaultGroup(id, groups[0]!);
  }
  return id;
}

/**
 * `--no-password`. Commander reads any `--no-X` flag as the negation of `--X`, which would turn
 * the login option `-w/--password` false; this one is a plain flag stored as `noPassword`.
 */
function noPasswordOption(): Option {
  const option = new Option('--no-password', 'Create user with empty password');
  option.negate = false;
  option.attributeName = () => 'noPassword';
  return option;
}

/** The flags of the users table. */
function usersTableCommand(cmd: Command): Command {
  addStyleArgument(cmd);
  addGroupPrintArguments(cmd);
  addUserSortingArguments(cmd);
  return cmd;
}

/** `user list`: all users in the users table (§2.2). */
function listCommand(io: CliIO): Command {
  const cmd = withLoginOptions(usersTableCommand(subcommand('list', 'List information about all users')));
  cmd.action(async (opts: UsersTableOptions & StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      // Both calls go out at once on the one connection.
      const [users, roles] = await Promise.all([admin.lookupExperimenters(), admin.getSecurityRoles()]);
      out(io, renderTable(collectUsersTable(users, roles, opts), opts.style));
    });
  });
  return cmd;
}

/** `user info [user …]`: the given users, by default the caller (§2.3). */
function infoCommand(io: CliIO): Command {
  const cmd = subcommand('info', 'List information about the user(s). Default to the context user');
  addUserArguments(cmd);
  usersTableCommand(cmd);
  cmd.action(async (users: string[], opts: UserArgumentOptions & UsersTableOptions & StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const found = await userFinder(admin, io).list(userSelection(users, opts), true, async () => (await admin.getEventContext()).userId);
      out(io, renderTable(collectUsersTable(found.map((f) => f.object), await admin.getSecurityRoles(), opts), opts.style));
    });
  });
  return cmd;
}

/** `user listgroups [user]`: the groups of one user, by default the caller (§2.4). */
function listgroupsCommand(io: CliIO): Command {
  const cmd = subcommand('listgroups', 'List the groups of the user. Default to the context user');
  addUserArguments(cmd);
  addStyleArgument(cmd);
  addUserPrintArguments(cmd);
  addGroupSortingArguments(cmd);
  cmd.action(async (users: string[], opts: UserArgumentOptions & GroupsTableOptions & StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const found = await userFinder(admin, io).list(userSelection(users, opts), true, async () => (await admin.getEventContext()).userId);
      if (found.length !== 1) throw new CliError(516, 'Too many user arguments');
      out(io, renderTable(collectGroupsTable(await admin.containedGroups(found[0]!.id), opts), opts.style));
    });
  });
  return cmd;
}

/**
 * `user password [username]` (§2.5): verify the caller's password first (rc 456), then set the
 * caller's or, for an administrator, another user's password (rc 457 unknown user).
 */
function passwordCommand(io: CliIO): Command {
  const cmd = subcommand('password', "Set user's password").argument('[username]', 'Username if not the current user');
  cmd.addOption(new Option('--userpassword-stdin', `Read the password to be set from the next line of standard input (else ${USER_PASSWORD_ENV}, else a prompt)`));
  withLoginOptions(cmd);
  cmd.action(async (username: string | undefined, opts: { userpasswordStdin?: boolean }) => {
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      const admin = session.getAdminService();
      const ownName = (await admin.getEventContext()).userName;
      const own = await readOwnPassword(io, ownName, Boolean(loginArgs(cmd).password));
      try {
        await session.setSecurityPassword(own);
      } catch (e) {
        if (e instanceof SecurityViolation) throw new CliError(456, 'SecurityViolation: Bad credentials');
        throw e;
      }
      out(io, 'Verified password.\n');
      if (username) {
        const target = await lookupOrNull(() => admin.lookupExperimenter(username));
        if (!target) throw new CliError(457, `Unknown user: ${username}`);
        out(io, `Changing password for ${username} (id:${target.id!.val})`);
      } else {
        out(io, `Changing password for ${ownName}`);
      }
      const password = rstring(await readNewPassword(io, { fromStdin: opts.userpasswordStdin, login: null }));
      if (username) await admin.changeUserPassword(username, password);
      else await admin.changePassword(password);
      out(io, 'Password changed');
    });
  });
  return cmd;
}

/** `user email [-n] [-1] [-i] [--all]` (§2.6). */
function emailCommand(io: CliIO): Command {
  const cmd = subcommand('email', "List users' email addresses")
    .option('-n, --names', 'Print user names along with email addresses')
    .option('-1, --one', 'Print one user per line')
    .option('-i, --ignore', 'Ignore users without email addresses')
    .option('--all', 'Include all users, including deactivated accounts');
  withLoginOptions(cmd);
  cmd.action(async (opts: EmailOptions & { one?: boolean }) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const [users, roles] = await Promise.all([admin.lookupExperimenters(), admin.getSecurityRoles()]);
      const { records, missing } = collectEmails(users, roles.userGroupId, opts);
      if (opts.one) for (const record of records) out(io, record);
      else out(io, records.join(', '));
      if (missing.length > 0) {
        err(io, 'Missing email addresses:');
        for (const name of missing) err(io, name);
      }
    });
  });
  return cmd;
}

interface MembershipOptions extends GroupArgumentOptions {
  id?: string;
  name?: string;
  asOwner?: boolean;
  asDefault?: boolean;
}

/** The `--id | --name` user (fatal lookups) or, without them, the caller. */
async function parseUserId(admin: AsyncAdminService, io: CliIO, opts: MembershipOptions): Promise<number> {
  const finder = userFinder(admin, io);
  if (opts.id) return (await finder.byId(opts.id, true))!.id;
  if (opts.name) return (await finder.byName(opts.name, true))!.id;
  return (await finder.byName((await admin.getEventContext()).userName, true))!.id;
}

/**
 * `user joingroup [--id|--name] group… [--as-owner] [--as-default]` (§2.7): joins the groups not
 * joined yet; `--as-default` (one group only) then makes it the default group.
 */
function joingroupCommand(io: CliIO): Command {
  const cmd = subcommand('joingroup', 'Join one or more groups');
  addIdNameArguments(cmd, 'user. Default to the current user');
  addGroupArguments(cmd, ' to join');
  addAsOwnerArgument(cmd, 'Join the group(s) as an owner', GROUP_ARGUMENTS);
  cmd.addOption(new Option('--as-default', 'Also make the group the default group of the user (a single group only)').helpGroup(GROUP_ARGUMENTS));
  withLoginOptions(cmd);
  cmd.action(async (groups: string[], opts: MembershipOptions) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const uid = await parseUserId(admin, io, opts);
      const found = await groupFinder(admin, io).list(groupSelection(groups, opts), false);
      if (opts.asDefault && found.length > 1) {
        out(io, '--as-default requires a single group ID to be supplied.');
        return;
      }
      if (opts.asDefault && found[0]!.id === (await admin.getSecurityRoles()).userGroupId) {
        // The server refuses this after the join; refuse before changing anything.
        throw new CliError(1, 'ApiUsageException: Cannot set default group to: user');
      }
      const changes = new MembershipChanges(admin, io);
      for (const group of groupsToChange(found, uid, { owner: Boolean(opts.asOwner), join: true }, io)) {
        if (opts.asOwner) await changes.addOwners(group.id, [uid]);
        else await changes.addUsers(group.id, [uid]);
      }
      if (opts.asDefault) await changes.setDefaultGroup(uid, found[0]!.id);
    });
  });
  return cmd;
}

/** `user leavegroup [--id|--name] group… [--as-owner]` (§2.8); `leavegroup user` deactivates. */
function leavegroupCommand(io: CliIO): Command {
  const cmd = subcommand('leavegroup', 'Leave one or more groups');
  addIdNameArguments(cmd, 'user. Default to the current user');
  addGroupArguments(cmd, ' to leave');
  addAsOwnerArgument(cmd, 'Leave the owner list of the group(s)', GROUP_ARGUMENTS);
  withLoginOptions(cmd);
  cmd.action(async (groups: string[], opts: MembershipOptions) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      const uid = await parseUserId(admin, io, opts);
      const found = await groupFinder(admin, io).list(groupSelection(groups, opts), false);
      const changes = new MembershipChanges(admin, io);
      for (const group of groupsToChange(found, uid, { owner: Boolean(opts.asOwner), join: false }, io)) {
        if (opts.asOwner) await changes.removeOwners(group.id, [uid]);
        else await changes.removeUsers(group.id, [uid]);
      }
    });
  });
  return cmd;
}
