import type { Command, Option } from 'commander';

/** One member of an argparse mutually exclusive group. */
export interface ExclusiveMember {
  /** The long flag, e.g. `--name`. */
  readonly flag: string;
  /**
   * A `store_true` flag whose default is already true (`--long` of the users table, `--sort-by-id`).
   * argparse does not count such a flag as present ("actions that use the default value don't really
   * count"), so it never conflicts with anything. Default false.
   */
  readonly defaultTrue?: boolean;
}

/**
 * Declares an argparse mutually exclusive group on `cmd` (reference cli §0.1), after its options
 * were added: when a member is given after another one, parsing fails with `argument <later>: not
 * allowed with argument <earlier>` (rc 2, usage line first; names as argparse writes them,
 * `-P/--userpassword`), naming the two in the order they were typed — what argparse prints,
 * which commander's own check cannot (it names them in definition order). The members are also
 * declared as commander conflicts, so that the help shows the group (`[--id ID | --name NAME]`).
 * Members listed with `defaultTrue` never conflict, as in argparse: once parsed their value is
 * recorded as a default.
 */
export function exclusiveGroup(cmd: Command, members: readonly (string | ExclusiveMember)[]): void {
  const all = members.map((m) => (typeof m === 'string' ? { flag: m } : m));
  const options = all.map((m) => optionOf(cmd, m.flag));
  options.forEach((o, i) => o.conflicts(options.filter((_, j) => j !== i).map((x) => x.attributeName())));
  // One list per command and parse: a new program is built for every invocation.
  const seen: string[] = [];
  all.forEach((member, i) => {
    const option = options[i]!;
    cmd.on(`option:${option.name()}`, () => {
      if (member.defaultTrue) {
        cmd.setOptionValueWithSource(option.attributeName(), true, 'default');
        return;
      }
      const earlier = seen.find((f) => f !== member.flag);
      if (earlier) {
        const message = `argument ${actionName(option)}: not allowed with argument ${actionName(optionOf(cmd, earlier))}`;
        cmd.error(message, { exitCode: 2, code: 'commander.conflictingOption' });
      }
      if (!seen.includes(member.flag)) seen.push(member.flag);
    });
  });
}

function optionOf(cmd: Command, long: string): Option {
  const option = cmd.options.find((o) => o.long === long);
  if (!option) throw new Error(`no option ${long} on ${cmd.name()}`);
  return option;
}

/** argparse's name of an optional: its option strings joined by `/` (`-P/--userpassword`). */
function actionName(option: Option): string {
  return [option.short, option.long].filter(Boolean).join('/');
}
