import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { OmeroClient } from '../../src/client/omero-client.js';
import { RemovedSessionException, SessionTimeoutException, SecurityViolation } from '../../src/model/index.js';
import { isSessionEnded, SessionKeeper } from '../../src/shell/session-keeper.js';

/** A client whose session answers keepAlive, or fails once `dead`. */
function fakeClient(timeToIdleMs: number) {
  const state = { pings: 0, dead: false };
  const client = {
    getSessionInfo: () => ({ timeToIdleMs }),
    getSession: () => ({
      keepAlive: () => {
        if (state.dead) throw new RemovedSessionException('Session has been closed');
        state.pings++;
        return true;
      },
    }),
  } as unknown as OmeroClient;
  return { client, state };
}

describe('the session keeper', () => {
  it('pings every half idle timeout (at most every 5 minutes) until stopped', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      const { client, state } = fakeClient(600_000);
      const keeper = new SessionKeeper(client);
      keeper.start();
      mock.timers.tick(299_999);
      assert.equal(state.pings, 0);
      mock.timers.tick(1);
      assert.equal(state.pings, 1);
      mock.timers.tick(600_000);
      assert.equal(state.pings, 3);
      keeper.stop();
      mock.timers.tick(600_000);
      assert.equal(state.pings, 3);
      const short = fakeClient(60_000);
      new SessionKeeper(short.client).start();
      mock.timers.tick(30_000);
      assert.equal(short.state.pings, 1);
    } finally {
      mock.timers.reset();
    }
  });

  it('reports a dead session instead of throwing', () => {
    const { client, state } = fakeClient(600_000);
    const keeper = new SessionKeeper(client);
    assert.equal(keeper.ping(), true);
    state.dead = true;
    assert.equal(keeper.ping(), false);
  });

  it('knows the session-ended exceptions by name', () => {
    assert.equal(isSessionEnded(new SessionTimeoutException('Session timed out (idle)')), true);
    assert.equal(isSessionEnded(new RemovedSessionException('No session with the given key')), true);
    assert.equal(isSessionEnded(new SecurityViolation('no')), false);
  });
});
