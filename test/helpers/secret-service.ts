import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyringModule } from '../../src/client/session-store/keyring-store.js';
import { stopChild } from './slapd.js';

/**
 * A throwaway Secret Service for the real-keyring tests: a private D-Bus session bus
 * (`dbus-daemon`) with `gnome-keyring-daemon --components=secrets` on it, its login keyring
 * unlocked with a test password in a temporary HOME. No desktop, no system service: what
 * `@napi-rs/keyring` needs on a headless Debian (.ci/run installs dbus and gnome-keyring).
 */
export interface SecretService {
  /** The bus address: DBUS_SESSION_BUS_ADDRESS for processes that should use this keyring. */
  readonly address: string;
  /** The keyring daemon's HOME, where it keeps its (encrypted) keyring files. */
  readonly home: string;
  stop(): Promise<void>;
}

const PROGRAMS = ['/usr/bin/dbus-daemon', '/usr/bin/gnome-keyring-daemon'];

/** Why no Secret Service can be started here, or null when it can. */
export const SECRET_SERVICE_MISSING: string | null = process.platform !== 'linux'
  ? `the real-keyring tests start a Linux Secret Service (this is ${process.platform})`
  : PROGRAMS.every((p) => existsSync(p))
    ? null
    : `needs ${PROGRAMS.filter((p) => !existsSync(p)).join(' and ')} (apt-get install dbus-daemon gnome-keyring; .ci/run does it)`;

/**
 * Starts the bus and the keyring daemon and waits until a real keyring write through `keyring`
 * succeeds on it. Sets this process's DBUS_SESSION_BUS_ADDRESS: the native module reads it there.
 */
export async function startSecretService(keyring: KeyringModule): Promise<SecretService> {
  const home = mkdtempSync(join(tmpdir(), 'omero-secret-service-'));
  const address = `unix:path=${join(home, 'bus')}`;
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const c of children.reverse()) await stopChild(c);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const env = { PATH: process.env.PATH, HOME: home, XDG_RUNTIME_DIR: home, DBUS_SESSION_BUS_ADDRESS: address };
    const bus = spawn('dbus-daemon', ['--session', '--nofork', `--address=${address}`, '--print-address=1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(bus);
    await new Promise<void>((resolve, reject) => {
      bus.stdout!.once('data', () => resolve());
      bus.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
    });
    const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    children.push(daemon);
    daemon.stdin!.end('omero-test-keyring-password');
    process.env.DBUS_SESSION_BUS_ADDRESS = address;
    await ready(keyring, daemon, join(home, '.local', 'share', 'keyrings', 'login.keyring'));
    return { address, home, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Waits for the daemon's unlocked login keyring, then tries a write and a delete until it answers.
 * Touching the bus earlier would make D-Bus start a second, locked daemon of its own.
 */
async function ready(keyring: KeyringModule, daemon: ChildProcess, loginKeyring: string): Promise<void> {
  let last: unknown = null;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (daemon.exitCode !== null) throw new Error(`gnome-keyring-daemon exited with ${daemon.exitCode}`);
    if (!existsSync(loginKeyring)) {
      last = 'no login keyring yet';
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const entry = new keyring.AsyncEntry('omero-test', 'readiness', { linux: { store: 'secret-service' } });
      await entry.setPassword('ready');
      await entry.deletePassword();
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the Secret Service did not answer: ${String(last)}`);
}
