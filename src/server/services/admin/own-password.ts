import { SecurityViolation } from '../../../model/index.js';
import { loginThrottle } from '../../auth/login-throttle.js';
import { verifyPassword } from '../../auth/password-hash.js';
import type { CallContext } from '../../call/call-context.js';

/**
 * Checks the calling user's own password (`setSecurityPassword`, `changePasswordWithOldPassword`)
 * under the same throttle as logins, keyed on the login and the call's address: whoever holds a
 * session key cannot guess its user's password at full speed. A failure is counted after the
 * call's rollback; `refusal` is the message of the SecurityViolation.
 */
export async function checkOwnPassword(call: CallContext, password: string, refusal: (login: string) => string): Promise<void> {
  const user = await call.trx('experimenter').select('omename').where({ id: call.caller.userId }).first();
  const key = { name: String(user?.omename ?? call.caller.userId), address: call.address };
  await loginThrottle.check(call.trx, key);
  const row = await call.trx('password').select('hash').where({ experimenter_id: call.caller.userId }).first();
  if (!row?.hash || !password || !(await verifyPassword(password, row.hash))) {
    call.afterRollback.push((db) => loginThrottle.fail(db, key));
    throw new SecurityViolation(refusal(key.name));
  }
  await loginThrottle.succeed(call.trx, key);
}
