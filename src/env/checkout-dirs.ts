import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The omero-shell checkout that the running `bin/omero.js` belongs to (a git work tree holding
 * this package), or null for an installed package or anything else.
 */
export function checkoutOf(binPath: string | undefined): string | null {
  if (!binPath) return null;
  try {
    const repo = dirname(dirname(realpathSync(binPath)));
    if (!existsSync(join(repo, '.git'))) return null;
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name?: string };
    return pkg.name === 'omero-shell' ? repo : null;
  } catch {
    return null;
  }
}

/**
 * The checkout rule (README, "One database"): `npm start`, the clients its shell creates and every
 * `omero` command run from a checkout share one OMERO directory, the checkout's `.omero/` (and its
 * `sessions/`), unless OMERO_USERDIR says otherwise. Sets only what `env` leaves unset.
 */
export function applyCheckoutDefaults(env: NodeJS.ProcessEnv, checkout: string): void {
  if (env.OMERO_USERDIR) return;
  env.OMERO_USERDIR = join(checkout, '.omero');
  if (!env.OMERO_SESSIONDIR && existsSync(join(checkout, 'sessions'))) env.OMERO_SESSIONDIR = join(checkout, 'sessions');
}
