import { IObject, type DetailsI } from '../model/index.js';

/** Names of owners and groups by id; the shell looks them up (cached), tests pass a table. */
export interface NameLookup {
  experimenter(id: number): string | undefined;
  group(id: number): string | undefined;
}

/** The one-line echo of model objects, and of lists of them (one line each). */
export function compactEcho(value: unknown, names: NameLookup | null): string | undefined {
  if (value instanceof IObject) return compactLine(value, names);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof IObject)) {
    const width = String(value.length - 1).length;
    return value.map((v, i) => `[${String(i).padStart(width)}] ${compactLine(v as IObject, names)}`).join('\n');
  }
  return undefined;
}

/**
 * `ProjectI id=5 name='user-2 project' owner=user-2 group=read-only-1 perms=rwr---`: class, id,
 * name, owner, group and the permissions string; what is not loaded or not set is left out.
 * `print(x)` still gives the full Ice text.
 */
export function compactLine(o: IObject, names: NameLookup | null): string {
  const parts = [o.constructor.name];
  const id = o.id?.val;
  parts.push(id === undefined || id === null ? 'id=None' : `id=${String(id)}`);
  if (!o._loaded) return `${parts.join(' ')} (unloaded)`;
  const record = o as unknown as Record<string, { val?: unknown } | null | undefined>;
  const name = record.name ?? record.omeName ?? record.textValue;
  if (name && name.val !== undefined && name.val !== null) parts.push(`name=${quote(String(name.val))}`);
  const d: DetailsI | null = o.details;
  if (d) {
    const owner = idOf(d.owner);
    if (owner !== null) parts.push(`owner=${names?.experimenter(owner) ?? `#${owner}`}`);
    const group = idOf(d.group);
    if (group !== null) parts.push(`group=${names?.group(group) ?? `#${group}`}`);
    if (d.permissions) parts.push(`perms=${d.permissions.toString()}`);
  }
  return parts.join(' ');
}

function idOf(o: IObject | null | undefined): number | null {
  const v = o?.id?.val;
  return v === undefined || v === null ? null : Number(v);
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
