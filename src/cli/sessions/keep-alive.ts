import type { AsyncServiceFactory } from '../../client/async-proxies.js';
import { err, out, type CliIO } from '../cli-io.js';
import { readLine } from '../input/index.js';

/**
 * `sessions keepalive [-f SECS]` (reference cli §9.3): pings the session now and every `seconds`
 * (at least 1) until a line or the end of standard input arrives. Prints `Running keep alive
 * every N seconds` on stdout and the prompt `Press enter to cancel.` on stderr (where this CLI's
 * prompts go); a failed ping prints `Keep alive failed: <e>` on stderr and stops pinging.
 */
export async function keepAlive(sf: AsyncServiceFactory, io: CliIO, seconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ping = async (): Promise<void> => {
    try {
      await sf.keepAlive(null);
    } catch (e) {
      err(io, `Keep alive failed: ${e instanceof Error ? e.message : String(e)}`);
      clearInterval(timer);
    }
  };
  await ping();
  timer = setInterval(() => void ping(), Math.max(1, seconds) * 1000);
  try {
    out(io, `Running keep alive every ${seconds} seconds`);
    io.stderr.write(io.stdin.isTTY ? 'Press enter to cancel.' : 'Press enter to cancel.\n');
    await readLine(io.stdin);
  } finally {
    clearInterval(timer);
    (io.stdin as { pause?: () => void }).pause?.();
  }
}
