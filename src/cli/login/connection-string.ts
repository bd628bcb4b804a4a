/** `[USER@]HOST[:PORT]` (reference cli §9.2): the last `@` splits the user. */
export function parseConnection(s: string | undefined): { user: string | null; host: string | null; port: string | null } {
  if (!s) return { user: null, host: null, port: null };
  const m = /^((.+)@)?(.*?)(:(\d{1,5}))?$/.exec(s)!;
  return { user: m[2] ?? null, host: m[3] || null, port: m[5] ?? null };
}
