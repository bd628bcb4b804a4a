/** A table of the printed report. */
export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  readonly notes?: readonly string[];
}

/** Formats a number for a table cell: ms with up to 2 decimals, big counts with separators. */
export function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '–';
  if (Number.isInteger(v)) return Math.abs(v) >= 10_000 ? v.toLocaleString('en-US') : String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** A psql-style text table. */
export function renderTable(t: Table): string {
  const rows = t.rows.map((r) => r.map(cell));
  const widths = t.headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  const out = [`\n${t.title}`, line(t.headers), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)];
  for (const n of t.notes ?? []) out.push(`  ${n}`);
  return out.join('\n');
}

/** "1.23× (target ≤ 2.5×: met)" */
export function verdict(value: number, target: number): string {
  if (!Number.isFinite(value)) return '–';
  return value <= target ? 'met' : 'NOT met';
}

/** A ratio as `2.50×`. */
export function times(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`;
}
