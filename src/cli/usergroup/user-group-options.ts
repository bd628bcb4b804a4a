import { Option, type Command } from 'commander';
import { TABLE_STYLES, type TableStyle } from '../output/index.js';
import type { Selection } from './entity-finder.js';
import { exclusiveGroup } from './exclusive-options.js';

/**
 * The argument shapes OMERO's user and group plugins share (`UserGroupControl` and `Parser` in
 * omero-py `src/omero/cli.py`; reference cli §1.1, §1.3, §1.4), with OMERO's help texts.
 */

/** Help heading of the user selection arguments. */
export const USER_ARGUMENTS = 'User arguments:';
/** Help heading of the group selection arguments. */
export const GROUP_ARGUMENTS = 'Group arguments:';

/**
 * The multi-user shape: positional `user…` (ID or name), `--user-id user…`, `--user-name user…`,
 * merged in that order by `listUsers`. `action` completes the help (` to add to the group`).
 */
export function addUserArguments<C extends Command>(cmd: C, action = ''): C {
  cmd.argument('[user...]', `ID or name of the user(s)${action}`);
  cmd.addOption(new Option('--user-id <user...>', `ID of the user(s)${action}`).helpGroup(USER_ARGUMENTS));
  cmd.addOption(new Option('--user-name <user...>', `Name of the user(s)${action}`).helpGroup(USER_ARGUMENTS));
  return cmd;
}

/**
 * The multi-group shape: positional `group…` (ID or name), `--group-id group…`,
 * `--group-name group…`, merged in that order by `listGroups`.
 */
export function addGroupArguments<C extends Command>(cmd: C, action = ''): C {
  cmd.argument('[group...]', `ID or name of the group(s)${action}`);
  // "ID  of": OMERO's help text, double space included.
  cmd.addOption(new Option('--group-id <group...>', `ID  of the group(s)${action}`).helpGroup(GROUP_ARGUMENTS));
  cmd.addOption(new Option('--group-name <group...>', `Name of the group(s)${action}`).helpGroup(GROUP_ARGUMENTS));
  return cmd;
}

/** The exclusive `--id ID | --name NAME` pair naming one user or group (`objtype`). */
export function addIdNameArguments<C extends Command>(cmd: C, objtype: string): C {
  cmd.addOption(new Option('--id <ID>', `ID of the ${objtype}`));
  cmd.addOption(new Option('--name <NAME>', `Name of the ${objtype}`));
  exclusiveGroup(cmd, ['--id', '--name']);
  return cmd;
}

/** The `--as-owner` flag, with the command's help text, optionally under a help heading. */
export function addAsOwnerArgument<C extends Command>(cmd: C, help: string, group?: string): C {
  const option = new Option('--as-owner', help);
  cmd.addOption(group ? option.helpGroup(group) : option);
  return cmd;
}

/** `--style {csv,json,plain,sql}` (reference cli §0.3). */
export function addStyleArgument<C extends Command>(cmd: C): C {
  cmd.addOption(new Option('--style <STYLE>', 'use alternative output style (default=sql)').choices(TABLE_STYLES));
  return cmd;
}

/**
 * Users table: `--long` (default) | `--count` for the group columns (§1.3). OMERO refuses the
 * two together (`user list --count --long`: rc 2, "not allowed with argument"), so `--long`
 * counts as given here, unlike the other default flags.
 */
export function addGroupPrintArguments<C extends Command>(cmd: C): C {
  cmd.addOption(new Option('--long', 'Print comma-separated list of all groups (default)'));
  cmd.addOption(new Option('--count', 'Print count of all groups'));
  exclusiveGroup(cmd, ['--long', '--count']);
  return cmd;
}

/** Groups table: `--count` (default) | `--long` for the user columns (§1.4). */
export function addUserPrintArguments<C extends Command>(cmd: C): C {
  cmd.addOption(new Option('--count', 'Print count of all users and owners (default)'));
  cmd.addOption(new Option('--long', 'Print comma-separated list of all users and owners'));
  exclusiveGroup(cmd, [{ flag: '--count', defaultTrue: true }, '--long']);
  return cmd;
}

/** Users table sort flags, exclusive; by id by default (§1.3). */
export function addUserSortingArguments<C extends Command>(cmd: C): C {
  cmd.addOption(new Option('--sort-by-id', 'Sort users by ID (default)'));
  cmd.addOption(new Option('--sort-by-login', 'Sort users by login'));
  cmd.addOption(new Option('--sort-by-first-name', 'Sort users by first name'));
  cmd.addOption(new Option('--sort-by-last-name', 'Sort users by last name'));
  cmd.addOption(new Option('--sort-by-email', 'Sort users by email'));
  exclusiveGroup(cmd, [{ flag: '--sort-by-id', defaultTrue: true }, '--sort-by-login', '--sort-by-first-name', '--sort-by-last-name', '--sort-by-email']);
  return cmd;
}

/** Groups table sort flags, exclusive; by id by default (§1.4). */
export function addGroupSortingArguments<C extends Command>(cmd: C): C {
  cmd.addOption(new Option('--sort-by-id', 'Sort groups by ID (default)'));
  cmd.addOption(new Option('--sort-by-name', 'Sort groups by name'));
  exclusiveGroup(cmd, [{ flag: '--sort-by-id', defaultTrue: true }, '--sort-by-name']);
  return cmd;
}

/** What `--style` parsed. */
export interface StyleOption {
  readonly style?: TableStyle;
}

/** What `--user-id` / `--user-name` parsed (multi-user shape). */
export interface UserArgumentOptions {
  readonly userId?: string[];
  readonly userName?: string[];
}

/** What `--group-id` / `--group-name` parsed (multi-group shape). */
export interface GroupArgumentOptions {
  readonly groupId?: string[];
  readonly groupName?: string[];
}

/** The user selection from a command's positional `user…` and its options. */
export function userSelection(positional: readonly string[] | undefined, opts: UserArgumentOptions): Selection {
  return { idsOrNames: positional ?? [], ids: opts.userId ?? [], names: opts.userName ?? [] };
}

/** The group selection from a command's positional `group…` and its options. */
export function groupSelection(positional: readonly string[] | undefined, opts: GroupArgumentOptions): Selection {
  return { idsOrNames: positional ?? [], ids: opts.groupId ?? [], names: opts.groupName ?? [] };
}
