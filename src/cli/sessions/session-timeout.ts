import type { AsyncOmeroClient } from '../../client/async-client.js';
import { CmdError } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { out, type CliIO } from '../cli-io.js';

/**
 * `sessions timeout [seconds] [--session UUID]` (reference cli §9.3): without seconds prints the
 * idle timeout in seconds as a float (`600.0`); with seconds sets it, silently. A session that
 * cannot be read is rc 557, a refusal rc 558 `CmdError: <name>` (`non-admin-increase`: only
 * admins may raise a timeout), anything else rc 559. Messages never repeat the key.
 */
export async function sessionTimeout(client: AsyncOmeroClient, io: CliIO, seconds: number | undefined, session: string | undefined): Promise<void> {
  const svc = client.getSession().getSessionService();
  const which = session === undefined ? 'the current session' : 'the session given with --session';
  const key = session ?? client.getSessionId();
  let timeToIdle: number;
  try {
    timeToIdle = Number((await svc.getSession(key)).timeToIdle?.val ?? 0);
  } catch {
    throw new CliError(557, `cannot get session: ${which}`);
  }
  if (seconds === undefined) {
    out(io, pyFloat(timeToIdle / 1000));
    return;
  }
  try {
    await svc.updateTimeToIdle(key, seconds * 1000);
  } catch (e) {
    if (e instanceof CmdError) throw new CliError(558, `CmdError: ${(e.err as { name?: string }).name}`);
    throw new CliError(559, `cannot update timeout for ${which}`);
  }
}

/** Python's `str(float)` for the values printed here: `600.0`, `0.5`. */
function pyFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  return String(x);
}
