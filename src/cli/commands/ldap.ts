import { Command, Option } from 'commander';
import type { AsyncAdminService } from '../../client/async-proxies.js';
import { ExperimenterGroupI, ExperimenterI, rbool, ValidationException } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err, out, type CliIO } from '../cli-io.js';
import { withConnection } from '../connection-scope.js';
import { withLoginOptions } from '../login-options.js';
import { renderTable, type Table } from '../output/index.js';
import { addStyleArgument, groupFinder, requireAdminPrivileges, subcommand, userFinder, type StyleOption } from '../usergroup/index.js';

/** The plugin's help (omero-py `plugins/ldap.py`), with its examples. */
const HELP = `Administrative support for managing users' LDAP settings

Most of these commands should be run as an OMERO administrator such as root.

Examples:

  omero login root
  omero ldap active
  omero ldap list
  omero ldap getdn --user-name jack         # Get DN of user.
  omero ldap setdn --user-name jack true    # Enable LDAP login.
  omero ldap setdn --user-name jack false   # Disable LDAP login.
  omero ldap getdn --group-name mylab       # Get DN of user group.
  omero ldap setdn --group-name mylab true  # Mark group as LDAP group.
  omero ldap setdn --group-name mylab false # Mark group as local.
  omero ldap discover
  omero ldap discover --groups
  omero ldap create bob                     # User bob must exist in LDAP
`;

const SETDN_HELP = `Enable or disable LDAP login for user (admins only)

Once LDAP login is enabled for a user, the password set via OMERO is
ignored, and any attempt to change it will result in an error. When
you disable LDAP login, the previous password will be in effect, but if the
user never had a password, one will need to be set!
`;

const DISCOVER_HELP = `Discover DNs for existing OMERO users or groups

This command works in the context of users or groups. Specifying
--groups will only discover groups, that is check which group exists in
the LDAP server and OMERO and has the "ldap" flag disabled - such groups
will be presented to the user. Omitting --groups will apply the same logic
to users.`;

/**
 * `omero ldap` (omero-py `plugins/ldap.py`, reference cli §4): active, list, getdn, setdn,
 * discover, create. Login arguments on each subcommand only, as in OMERO. The server side is
 * ILdap plus IAdmin's `lookupLdapAuthExperimenter(s)`; the settings are the server's
 * `omero.ldap.*` (`OMERO_LDAP_*` environment variables).
 */
export function ldapCommand(io: CliIO): Command {
  const ldap = new Command('ldap').description(HELP).summary("Administrative support for managing users' LDAP settings");
  for (const sub of [activeCommand(io), listCommand(io), getdnCommand(io), setdnCommand(io), discoverCommand(io), createCommand(io)]) {
    ldap.addCommand(withLoginOptions(sub));
  }
  return ldap;
}

/** `--user-id`, `--user-name`, `--group-id`, `--group-name` (`add_user_and_group_arguments`). */
interface EntityOptions {
  readonly userId?: string;
  readonly userName?: string;
  readonly groupId?: string;
  readonly groupName?: string;
}

function addEntityArguments(cmd: Command): Command {
  return cmd
    .addOption(new Option('--user-id <USER_ID>', 'ID of the user.'))
    .addOption(new Option('--user-name <USER_NAME>', 'Name of the user.'))
    .addOption(new Option('--group-id <GROUP_ID>', 'ID of the group.'))
    .addOption(new Option('--group-name <GROUP_NAME>', 'Name of the group.'));
}

/**
 * The one user or group the options name, looked up fatally (513/512/503/502), in OMERO's order
 * of precedence: --user-name, --user-id, --group-name, --group-id. None given → null.
 */
async function selectedEntity(admin: AsyncAdminService, io: CliIO, opts: EntityOptions): Promise<ExperimenterI | ExperimenterGroupI | null> {
  if (opts.userName) return (await userFinder(admin, io).byName(opts.userName, true))!.object;
  if (opts.userId) return (await userFinder(admin, io).byId(opts.userId, true))!.object;
  if (opts.groupName) return (await groupFinder(admin, io).byName(opts.groupName, true))!.object;
  if (opts.groupId) return (await groupFinder(admin, io).byId(opts.groupId, true))!.object;
  return null;
}

/** `ldap active` (admins): `Yes` on stdout, or rc 1 with `No` on stderr. */
function activeCommand(io: CliIO): Command {
  const cmd = subcommand('active', 'Return code shows if LDAP is configured (admins-only)');
  cmd.action(async () => {
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      await requireAdminPrivileges(session.getAdminService(), [], 'ldap active');
      if (!(await session.getLdapService().getSetting())) throw new CliError(1, 'No');
      out(io, 'Yes');
    });
  });
  return cmd;
}

/** `ldap list [--style]`: every LDAP user with its DN; open to every user, as in OMERO. */
function listCommand(io: CliIO): Command {
  const cmd = addStyleArgument(subcommand('list', 'List all OMERO users with DNs'));
  cmd.action(async (opts: StyleOption) => {
    await withConnection(cmd, io, async (c) => {
      const admin = c.client.getSession().getAdminService();
      out(io, renderTable(await collectLdapUsers(admin, io), opts.style));
    });
  });
  return cmd;
}

/**
 * The `#, Id, OmeName, DN` table of `ldap list` (`#` counts from 0). A user that cannot be read
 * prints `Bad experimenter: <id>` on stderr and is left out (OMERO reuses the previous row's
 * user there, reference cli §12).
 */
async function collectLdapUsers(admin: AsyncAdminService, io: CliIO): Promise<Table> {
  const rows: unknown[][] = [];
  for (const { dn, experimenter_id: id } of await admin.lookupLdapAuthExperimenters()) {
    let user: ExperimenterI;
    try {
      user = await admin.getExperimenter(id);
    } catch {
      err(io, `Bad experimenter: ${id}`);
      continue;
    }
    rows.push([rows.length, id, user.omeName!.val, dn]);
  }
  return { headers: ['#', 'Id', 'OmeName', 'DN'], rows };
}

/** `ldap getdn` (admins): `<name>: <DN>` for an LDAP-flagged user or group; nothing otherwise. */
function getdnCommand(io: CliIO): Command {
  const cmd = addEntityArguments(subcommand('getdn', 'Get DN for user on stdout'));
  cmd.action(async (opts: EntityOptions) => {
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      const admin = session.getAdminService();
      await requireAdminPrivileges(admin, [], 'ldap getdn');
      const entity = await selectedEntity(admin, io, opts);
      if (!entity?.ldap?.val) return;
      const ldap = session.getLdapService();
      const [name, dn] =
        entity instanceof ExperimenterGroupI
          ? [entity.name!.val, await ldap.findGroupDN(entity.name!.val)]
          : [(entity as ExperimenterI).omeName!.val, await ldap.findDN((entity as ExperimenterI).omeName!.val)];
      if (dn.trim()) out(io, `${name}: ${dn}`);
    });
  });
  return cmd;
}

/**
 * `ldap setdn … choice` (admins; ModifyUser for a user, ModifyGroup for a group): sets the `ldap`
 * flag to whether `choice` is yes/true/t/1. Silent; without a selector nothing happens.
 */
function setdnCommand(io: CliIO): Command {
  const cmd = addEntityArguments(subcommand('setdn', SETDN_HELP).argument('<choice>', 'Enable/disable LDAP login (true/false)'));
  cmd.action(async (choice: string, opts: EntityOptions) => {
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      const admin = session.getAdminService();
      await requireAdminPrivileges(admin, [], 'ldap setdn');
      const entity = await selectedEntity(admin, io, opts);
      if (entity === null) return;
      await requireAdminPrivileges(admin, [entity instanceof ExperimenterGroupI ? 'ModifyGroup' : 'ModifyUser'], 'ldap setdn');
      entity.ldap = rbool(['yes', 'true', 't', '1'].includes(choice.toLowerCase()));
      await session.getUpdateService().saveObject(entity);
    });
  });
  return cmd;
}

/** `ldap discover [--commands] [--groups]` (admins): local users or groups that LDAP knows. */
function discoverCommand(io: CliIO): Command {
  const cmd = subcommand('discover', DISCOVER_HELP)
    .option('--commands', 'Print setdn commands on standard out')
    .option('--groups', 'Discover LDAP groups, not users.');
  cmd.action(async (opts: { commands?: boolean; groups?: boolean }) => {
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      await requireAdminPrivileges(session.getAdminService(), [], 'ldap discover');
      const ldap = session.getLdapService();
      const lines = opts.groups
        ? (await ldap.discoverGroups()).map((g) => (opts.commands ? `${io.argv0} ldap setdn --group-name ${g.name!.val} true` : `Group=${g.id!.val}\tname=${g.name!.val}`))
        : (await ldap.discover()).map((e) => (opts.commands ? `${io.argv0} ldap setdn --user-name ${e.omeName!.val} true` : `Experimenter=${e.id!.val}\tomeName=${e.omeName!.val}`));
      if (lines.length === 0) return;
      out(io, `Following LDAP ${opts.groups ? 'groups' : 'users'} are disabled in OMERO:`);
      for (const line of lines) out(io, line);
    });
  });
  return cmd;
}

/**
 * `ldap create username` (admins with ModifyUser and ModifyGroupMembership, checked first): the
 * OMERO account of an LDAP user, before its first login. A ValidationException ("User already
 * exists: …", "No group found for: …") is rc 132.
 */
function createCommand(io: CliIO): Command {
  const cmd = subcommand('create', 'Create a local user based on LDAP username (admins only)').argument('<username>', 'LDAP username of user to be created');
  cmd.action(async (username: string) => {
    await withConnection(cmd, io, async (c) => {
      const session = c.client.getSession();
      const admin = session.getAdminService();
      await requireAdminPrivileges(admin, ['ModifyUser', 'ModifyGroupMembership'], 'ldap create');
      try {
        const user = await session.getLdapService().createUser(username);
        const dn = await admin.lookupLdapAuthExperimenter(user.id!.val);
        out(io, `Added user ${user.omeName!.val} (id=${user.id!.val}) with DN=${dn}`);
      } catch (e) {
        if (e instanceof ValidationException) throw new CliError(132, e.message);
        throw e;
      }
    });
  });
  return cmd;
}
