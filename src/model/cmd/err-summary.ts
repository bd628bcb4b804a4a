/**
 * One line for a failed command's response, instead of the ERR's multi-line Ice dump:
 * `GraphException: <message> (graph-fail in ::omero::cmd::Chmod2)`. The message comes from the
 * GraphException's `message`, else the ERR's `parameters.message`, else its name.
 */
export function errSummary(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as { constructor?: { name?: string }; name?: unknown; category?: unknown; message?: unknown; parameters?: Record<string, unknown> | null };
  const type = e.constructor?.name ?? 'ERR';
  const message = firstLine(e.message) ?? firstLine(e.parameters?.message) ?? (typeof e.name === 'string' ? e.name : 'failed');
  const where = [typeof e.name === 'string' && e.name ? e.name : null, typeof e.category === 'string' && e.category ? `in ${e.category}` : null].filter(Boolean).join(' ');
  return `${type}: ${message}${where ? ` (${where})` : ''}`;
}

function firstLine(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  return v.trim().split('\n')[0]!.trim();
}
