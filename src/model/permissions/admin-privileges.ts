/**
 * OMERO's 15 light-admin privileges (reference permissions §3.1; omero-model enum
 * `AdminPrivilege`) and the named bundles the CLI offers (`omero user add --admin --privileges
 * BUNDLE`), after OMERO.web's restricted-admin roles (mapping-restricted-admins.rst). Defined
 * here once; the server's security layer and the CLI both read them.
 */
export const ADMIN_PRIVILEGES = [
  'Chgrp',
  'Chown',
  'DeleteFile',
  'DeleteManagedRepo',
  'DeleteOwned',
  'DeleteScriptRepo',
  'ModifyGroup',
  'ModifyGroupMembership',
  'ModifyUser',
  'ReadSession',
  'Sudo',
  'WriteFile',
  'WriteManagedRepo',
  'WriteOwned',
  'WriteScriptRepo',
] as const;
/** One light-admin privilege. */
export type AdminPrivilege = (typeof ADMIN_PRIVILEGES)[number];

/** What each privilege lets a restricted administrator do (reference permissions §3.1). */
export const PRIVILEGE_DESCRIPTIONS: Readonly<Record<AdminPrivilege, string>> = Object.freeze({
  Chgrp: "move others' data to any group",
  Chown: "give others' data to any user",
  DeleteFile: "delete others' files outside the repositories",
  DeleteManagedRepo: "delete others' files in the managed repository",
  DeleteOwned: "delete others' data",
  DeleteScriptRepo: 'delete official scripts',
  ModifyGroup: 'create and edit groups, change their permissions',
  ModifyGroupMembership: 'add and remove members and owners of any group',
  ModifyUser: "create and edit users, set others' passwords",
  ReadSession: "read other users' sessions (never give it to a restricted admin)",
  Sudo: 'open sessions as other users (--sudo)',
  WriteFile: "write others' files outside the repositories",
  WriteManagedRepo: "write others' files in the managed repository",
  WriteOwned: "create, edit and link data for others",
  WriteScriptRepo: 'upload official scripts',
});

/**
 * The privileges over files and repositories. This system has no files nor repositories: they
 * are stored, granted, revoked, listed and shown like the others, for OMERO compatibility
 * (clients and `obj map-set` scripts that name them keep working), but guard nothing here.
 */
export const FILE_PRIVILEGES: readonly AdminPrivilege[] = Object.freeze([
  'DeleteFile',
  'DeleteManagedRepo',
  'DeleteScriptRepo',
  'WriteFile',
  'WriteManagedRepo',
  'WriteScriptRepo',
]);

/** Prefix of the `Experimenter.config` entries that restrict a light admin (`AdminPrivilege:Sudo=false`). */
export const PRIVILEGE_CONFIG_PREFIX = 'AdminPrivilege:';

/** A named set of privileges, with what it is for (shown in `--help`). */
export interface PrivilegeBundle {
  readonly name: string;
  readonly description: string;
  readonly privileges: readonly AdminPrivilege[];
}

/**
 * The bundles, from least to most powerful. `full` is every privilege but ReadSession, which
 * OMERO advises never to give a restricted admin; a full administrator is `--admin` alone.
 */
export const PRIVILEGE_BUNDLES: readonly PrivilegeBundle[] = Object.freeze([
  { name: 'viewer', description: 'reads all data, changes nothing (OMERO.web "Data Viewer")', privileges: [] },
  { name: 'memberships', description: 'adds and removes members and owners of any group', privileges: ['ModifyGroupMembership'] },
  { name: 'users', description: 'creates and edits users and their memberships', privileges: ['ModifyUser', 'ModifyGroupMembership'] },
  { name: 'importer', description: 'imports for others through --sudo (OMERO.web "Importer")', privileges: ['Sudo'] },
  {
    name: 'analyst',
    description: 'writes data and scripts for others, gives data away (OMERO.web "Analyst")',
    privileges: ['WriteOwned', 'WriteFile', 'WriteManagedRepo', 'Chown', 'WriteScriptRepo', 'DeleteScriptRepo'],
  },
  {
    name: 'organizer',
    description: 'writes, deletes and moves data, manages users and groups (OMERO.web "Group and Data Organizer")',
    privileges: [
      'WriteOwned', 'WriteFile', 'WriteManagedRepo', 'DeleteOwned', 'DeleteFile', 'DeleteManagedRepo',
      'Chgrp', 'Chown', 'ModifyGroup', 'ModifyUser', 'ModifyGroupMembership',
    ],
  },
]);

/** Why a list of privilege names was refused: the unknown names, with the valid ones. */
export class UnknownPrivilegeError extends Error {
  readonly unknown: readonly string[];
  constructor(unknown: readonly string[]) {
    super(
      `Unknown privilege${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
        `Valid privileges: ${ADMIN_PRIVILEGES.join(', ')}; bundles: ${PRIVILEGE_BUNDLES.map((b) => b.name).join(', ')}`,
    );
    this.name = 'UnknownPrivilegeError';
    this.unknown = unknown;
  }
}

/**
 * Privilege names and bundle names (case-insensitive, comma or space separated) → the
 * privileges, in OMERO's order. Throws UnknownPrivilegeError naming every unknown word.
 *
 * ### Examples
 *
 * ```ts
 * parsePrivileges(['ModifyUser,modifygroupmembership'])  // ['ModifyGroupMembership', 'ModifyUser']
 * parsePrivileges(['importer'])                          // ['Sudo']
 * ```
 */
export function parsePrivileges(words: readonly string[]): AdminPrivilege[] {
  const wanted = new Set<AdminPrivilege>();
  const unknown: string[] = [];
  for (const word of words.flatMap((w) => String(w).split(/[\s,]+/)).filter(Boolean)) {
    const lower = word.toLowerCase();
    const privilege = ADMIN_PRIVILEGES.find((p) => p.toLowerCase() === lower);
    const bundle = PRIVILEGE_BUNDLES.find((b) => b.name === lower);
    if (privilege) wanted.add(privilege);
    else if (bundle) bundle.privileges.forEach((p) => wanted.add(p));
    else unknown.push(word);
  }
  if (unknown.length > 0) throw new UnknownPrivilegeError(unknown);
  return ADMIN_PRIVILEGES.filter((p) => wanted.has(p));
}
