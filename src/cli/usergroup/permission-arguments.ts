import { Option, type Command } from 'commander';
import { PermissionsI } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { exclusiveGroup } from './exclusive-options.js';

/** OMERO's permission presets (`defaultperms` in omero-py `plugins/group.py`, reference cli §3). */
export const PERMISSION_TYPES = {
  private: 'rw----',
  'read-only': 'rwr---',
  'read-annotate': 'rwra--',
  'read-write': 'rwrw--',
} as const;

/** A name of {@link PERMISSION_TYPES}. */
export type PermissionType = keyof typeof PERMISSION_TYPES;

/** The text OMERO appends to the `group add` and `group perms` descriptions. */
export const PERM_TXT = `Group permissions come in several styles:

    * private       (rw----)   [DEFAULT]
    * read-only     (rwr---)
    * read-annotate (rwra--)   [Previously known as 'collaborative']
    * read-write    (rwrw--)

In private groups, only group owners and system administrators will be
able to view someone else's data. In read-only groups, other group members
can see data but not annotate or modify it. In read-annotate groups,
annotation is permitted by group members. In read-write groups, all
group members can behave as if they co-own all the data.

Changing a group to private unlinks data from other users' containers and
unlinks other users' annotations from data. The change to private will
fail if different users' data is too closely related to be separated.

More information is available at:
https://docs.openmicroscopy.org/latest/omero/sysadmins/server-permissions.html`;

/** What the permission arguments parsed. */
export interface PermissionOptions {
  /** `--perms`: a permission string such as `rwr---`. */
  readonly perms?: string;
  /** `--type`: a preset name. */
  readonly type?: PermissionType;
}

/**
 * The exclusive `--perms PERMS | --type TYPE` pair; neither means the `private` preset, as in
 * OMERO (reference cli §12).
 */
export function addPermissionsArguments<C extends Command>(cmd: C): C {
  const perms = new Option('--perms <PERMS>', "Group permissions set as string, e.g. 'rw----' ");
  const type = new Option('--type <TYPE>', 'Group permissions set symbolically').choices(Object.keys(PERMISSION_TYPES));
  cmd.addOption(perms);
  cmd.addOption(type);
  exclusiveGroup(cmd, ['--perms', '--type']);
  return cmd;
}

/**
 * OMERO's `parse_perms`: `--perms` when non-empty, else the `--type` preset (private by default),
 * parsed by PermissionsI; an invalid string → rc 505 `Invalid permission string: <s>`.
 */
export function parsePerms(options: PermissionOptions): PermissionsI {
  const perms = options.perms || PERMISSION_TYPES[options.type ?? 'private'];
  try {
    return new PermissionsI(perms);
  } catch {
    throw new CliError(505, `Invalid permission string: ${perms}`);
  }
}
