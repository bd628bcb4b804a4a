import type { Command, Option } from 'commander';

/** Options of one command of which exactly one must be given (argparse `required=True` groups). */
const REQUIRED_GROUPS = new WeakMap<Command, Option[][]>();

/** Records a required group for the help and for the check `conventions.requireOneOf` installs. */
export function registerRequiredGroup(cmd: Command, options: readonly Option[]): void {
  const groups = REQUIRED_GROUPS.get(cmd) ?? [];
  groups.push([...options]);
  REQUIRED_GROUPS.set(cmd, groups);
}

/** The required groups recorded for `cmd`. */
export function requiredGroupsOf(cmd: Command): readonly (readonly Option[])[] {
  return REQUIRED_GROUPS.get(cmd) ?? [];
}

/** The attribute names an option was declared to conflict with (`Option.conflicts()`). */
export function conflictsOf(option: Option): readonly string[] {
  return (option as unknown as { conflictsWith?: string[] }).conflictsWith ?? [];
}

/**
 * The mutually exclusive groups argparse would show for `cmd`: the required groups, then every
 * set of visible options that all conflict with one another pairwise (commander's `.conflicts()`),
 * each in declaration order.
 */
export function exclusiveGroupsOf(cmd: Command, visible: readonly Option[]): { options: Option[]; required: boolean }[] {
  const groups: { options: Option[]; required: boolean }[] = [];
  const taken = new Set<Option>();
  for (const g of requiredGroupsOf(cmd)) {
    const options = visible.filter((o) => g.includes(o));
    if (options.length === 0) continue;
    groups.push({ options, required: true });
    for (const o of options) taken.add(o);
  }
  const conflict = (a: Option, b: Option) =>
    conflictsOf(a).includes(b.attributeName()) || conflictsOf(b).includes(a.attributeName());
  const seen = new Set<Option>();
  for (const start of visible) {
    if (seen.has(start) || taken.has(start)) continue;
    // Connected component of the conflict graph around `start`.
    const component = [start];
    seen.add(start);
    for (let i = 0; i < component.length; i++) {
      for (const o of visible) {
        if (!seen.has(o) && !taken.has(o) && conflict(component[i]!, o)) {
          seen.add(o);
          component.push(o);
        }
      }
    }
    if (component.length < 2) continue;
    const clique = component.every((a) => component.every((b) => a === b || conflict(a, b)));
    if (clique) groups.push({ options: visible.filter((o) => component.includes(o)), required: false });
  }
  return groups;
}
