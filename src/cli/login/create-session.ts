import { PermissionDeniedException } from '../../model/index.js';
import { CliError } from '../cli-error.js';
import { err } from '../cli-io.js';
import { applyLoginTimeout, finishLogin, sessionProps } from './attach-session.js';
import type { Connection, LoginScope, LoginTarget } from './login-scope.js';
import { loginFailure } from './login-errors.js';

/**
 * Creates a session with a password from `-w`, OMERO_PASSWORD, `--password-stdin` or a hidden
 * prompt; a prompt is asked again after a wrong password, three times in all (rc 524).
 */
export async function createSession(scope: LoginScope, target: LoginTarget, user: string): Promise<Connection> {
  const { args, io } = scope;
  const { readPassword } = await import('../input/index.js');
  const fromPrompt = !args.password && !io.env.OMERO_PASSWORD && !args.passwordStdin;
  for (let attempt = 1; ; attempt++) {
    let password: string;
    try {
      password = await readPassword({
        passwordFlag: args.password,
        env: io.env,
        passwordStdin: args.passwordStdin,
        stdin: io.stdin,
        stderr: io.stderr,
        ...(args.sudo ? { prompt: `Password for ${args.sudo}:` } : {}),
      });
    } catch (e) {
      throw loginFailure(e);
    }
    const client = scope.newClient(target.host, target.explicitPort);
    try {
      await client.createSession(user, password);
    } catch (e) {
      if (e instanceof PermissionDeniedException && fromPrompt && attempt < 3) {
        err(io, e.message);
        continue;
      }
      if (e instanceof PermissionDeniedException) {
        throw new CliError(524, fromPrompt ? '3 incorrect password attempts' : e.message);
      }
      throw loginFailure(e);
    }
    const timeout = scope.timeoutSeconds;
    const newProps = sessionProps(args.group, target.host, user, target.explicitPort, timeout, args.sudo);
    const idleMs = timeout === null ? null : await applyLoginTimeout(client, timeout, io);
    return { ...(await finishLogin(scope, client, { action: 'Created', host: target.host, port: target.port, newProps, idleMs })), password };
  }
}
