import { API_SUMMARIES } from './api-summaries.js';

/**
 * `dir(x)`: the names reachable on x, sorted as Python's dir() sorts them: own data first, then
 * the methods of its class chain (no constructor, no `#private`, no `__…`-style internals).
 */
export function dirNames(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const names = new Set<string>();
  const target = typeof value === 'object' || typeof value === 'function' ? value : Object(value);
  for (const key of Object.keys(target)) names.add(key);
  for (const m of methodNames(target)) names.add(m);
  return [...names].sort();
}

/** The methods of `value`'s class chain, up to (not including) the realm's Object.prototype. */
export function methodNames(value: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(value); proto && Object.getPrototypeOf(proto) !== null; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key.startsWith('_')) continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (d && typeof d.value === 'function') names.add(key);
    }
  }
  return [...names].sort();
}

/**
 * `help(x)` / `x?`: what x is, then each method with one line (the API summaries for the
 * services, the first JSDoc-less fallback `(…)` for the rest), as IPython's `x?` does.
 */
export function helpText(value: unknown, label: string, owner?: unknown): string {
  if (value === null || value === undefined) return `${label}: None`;
  if (typeof value === 'function' && isMethod(value)) return methodHelp(value, label, owner);
  if (typeof value === 'function') return classHelp(value as { name: string; prototype?: object }, label);
  if (typeof value !== 'object') return `${label}: ${typeof value} = ${JSON.stringify(value)}`;
  const cls = className(value);
  const known = API_SUMMARIES[cls];
  const named = label !== cls;
  const lines = [`${named ? `${label}: ` : ''}${cls}${known ? ` — ${known.about}` : ''}`];
  const x = named ? label : 'x';
  if (Array.isArray(value)) {
    lines.push(`  a list of ${value.length} item(s); index with ${x}[0], count with ${x}.length`);
    return lines.join('\n');
  }
  const data = Object.keys(value).filter((k) => !k.startsWith('_'));
  if (data.length > 0) lines.push(`  fields: ${data.join(', ')}`);
  const methods = methodNames(value);
  if (methods.length > 0) {
    lines.push('  methods:');
    const width = Math.min(30, Math.max(...methods.map((m) => m.length)));
    for (const m of methods) lines.push(`    ${m.padEnd(width)}  ${known?.methods[m] ?? ''}`.trimEnd());
  }
  lines.push(`  (print(${x}) shows the full value; dir(${x}) lists every name; ${x}.method? describes one)`);
  return lines.join('\n');
}

function classHelp(ctor: { name: string; prototype?: object }, label: string): string {
  const known = API_SUMMARIES[ctor.name];
  const lines = [`${label}: class ${ctor.name}${known ? ` — ${known.about}` : ''}`];
  const spec = (ctor as { ice?: { typeId: string; members: readonly { name: string }[] } }).ice;
  const meta = (ctor as { meta?: { members?: readonly { name: string }[] } }).meta;
  if (spec) lines.push(`  Ice type ${spec.typeId}; new ${ctor.name}({${spec.members.map((m) => m.name).join(', ')}}) or positional arguments in that order`);
  else if (meta?.members) lines.push(`  fields: ${meta.members.map((m) => m.name).join(', ')}`);
  if (ctor.prototype) {
    const methods = methodNames(Object.create(ctor.prototype) as object);
    if (methods.length > 0) lines.push(...wrapList('  methods: ', methods));
  }
  return lines.join('\n');
}

/** Methods and plain functions have no `prototype` of their own with members; classes do. */
function isMethod(f: unknown): boolean {
  const proto = (f as { prototype?: object }).prototype;
  return !/^class[\s{]/.test(Function.prototype.toString.call(f)) && (proto === undefined || Object.getOwnPropertyNames(proto).length <= 1);
}

/** `lookupGroup(name, ctx)  a group by name` for `admin_service.lookupGroup?`. */
function methodHelp(f: unknown, label: string, owner: unknown): string {
  const name = (f as { name?: string }).name || label.split('.').at(-1) || label;
  const cls = owner && typeof owner === 'object' ? className(owner) : undefined;
  const summary = cls ? API_SUMMARIES[cls]?.methods[name] : undefined;
  const head = `${label}(${parameterNames(f).join(', ')})${cls ? ` — a method of ${cls}` : ''}`;
  return summary ? `${head}\n  ${summary}` : head;
}

/** Parameter names from the source text (`name, ctx`); none for native functions. */
function parameterNames(f: unknown): string[] {
  const src = Function.prototype.toString.call(f);
  const m = /^[^(]*\(([^)]*)\)/.exec(src);
  if (!m || /\[native code\]/.test(src)) return [];
  // The bundle may rename a parameter that clashes with another name (`name` → `name2`).
  return m[1]!.split(',').map((p) => p.replace(/[=:].*$/s, '').trim().replace(/\d+$/, '')).filter(Boolean);
}

/** `prefix a, b, c` wrapped at 100 columns, continuation lines indented like the first. */
export function wrapList(prefix: string, items: readonly string[], width = 100): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const [i, item] of items.entries()) {
    const piece = `${item}${i < items.length - 1 ? ',' : ''}`;
    if (line.length + piece.length + 1 > width && line.trim() !== prefix.trim()) {
      lines.push(line.trimEnd());
      line = ' '.repeat(prefix.length);
    }
    line += `${piece} `;
  }
  lines.push(line.trimEnd());
  return lines;
}

function className(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'Object';
}
