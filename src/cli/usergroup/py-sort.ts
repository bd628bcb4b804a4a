/**
 * Python's `list.sort(key=…)` for the tables: stable, ascending, numbers by value and strings by
 * code point (JavaScript's `<` compares UTF-16 units, which differs past U+FFFF).
 */
export function pySortBy<T>(items: T[], key: (item: T) => string | number): T[] {
  return items.sort((a, b) => compare(key(a), key(b)));
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = Array.from(String(a), (c) => c.codePointAt(0)!);
  const y = Array.from(String(b), (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}
