import { homedir } from 'node:os';
import { join } from 'node:path';

/** The directories OMERO's environment variables select (reference cli §8). */
export interface OmeroDirs {
  /** `$OMERO_USERDIR`, default `~/omero`. */
  readonly userDir: string;
  /** `$OMERO_SESSIONDIR`, else `$OMERO_SESSION_DIR/omero/sessions` (deprecated), else `<userDir>/sessions`. */
  readonly sessionDir: string;
  /** `$OMERO_TMPDIR`, default `<userDir>/tmp`. */
  readonly tmpDir: string;
  /** Where the embedded database lives: `<userDir>/db`. */
  readonly dbDir: string;
}

/** Resolves the OMERO directories from an environment (defaults to `process.env`). */
export function omeroDirs(env: NodeJS.ProcessEnv = process.env): OmeroDirs {
  const userDir = env.OMERO_USERDIR ? env.OMERO_USERDIR : join(homedir(), 'omero');
  let sessionDir = join(userDir, 'sessions');
  if (env.OMERO_SESSIONDIR) sessionDir = env.OMERO_SESSIONDIR;
  else if (env.OMERO_SESSION_DIR) sessionDir = join(env.OMERO_SESSION_DIR, 'omero', 'sessions');
  const tmpDir = env.OMERO_TMPDIR ? env.OMERO_TMPDIR : join(userDir, 'tmp');
  return { userDir, sessionDir, tmpDir, dbDir: join(userDir, 'db') };
}
