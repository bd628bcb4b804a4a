/** What a login did, as the banner's first word says it. */
export type LoginAction = 'Created' | 'Using' | 'Joined' | 'Reconnected to';

/**
 * OMERO's login banner (reference cli §9.2 step 9), printed on stderr:
 * `Created session for root@localhost:4064. Idle timeout: 10 min. Current group: system`.
 * Timeouts under 5 minutes print in seconds; the session key is never printed.
 */
export function loginBanner(action: LoginAction, user: string, host: string, port: string, idleMs: number, group: string, liveMs = 0): string {
  let text = `${action} session for ${user}@${host}:${port}.`;
  if (idleMs > 0) text += ` Idle timeout: ${formatTimeout(idleMs)}`;
  if (liveMs > 0) text += ` Expires in : ${formatTimeout(liveMs)}`;
  return `${text} Current group: ${group}`;
}

/**
 * omero-py's `_parse_timeout` without its prefix: `10 min.`, or `120 s.` under 5 minutes, the
 * number formatted with `%.f` (round half to even); `''` for 0 (no timeout).
 */
export function formatTimeout(ms: number): string {
  if (!ms) return '';
  let value = ms / 60 / 1000;
  let unit = 'min.';
  if (value < 5) {
    unit = 's.';
    value *= 60;
  }
  return `${roundHalfEven(value)} ${unit}`;
}

/** Python's `'%.f' % x` for x ≥ 0. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
