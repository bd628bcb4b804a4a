/** The small formats `login` and `sessions` print: timeouts (Python's `%.f`) and times (local time). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTimeout, loginBanner } from '../../../src/cli/login/banner.js';
import { pyCtime, pyLocalTimestamp } from '../../../src/cli/sessions/py-time.js';

describe('timeouts and times', () => {
  it('formatTimeout: minutes from 5 min up, seconds below, rounded half to even, empty for 0', () => {
    assert.equal(formatTimeout(600_000), '10 min.');
    assert.equal(formatTimeout(300_000), '5 min.');
    assert.equal(formatTimeout(299_000), '299 s.');
    assert.equal(formatTimeout(120_000), '120 s.');
    assert.equal(formatTimeout(2_500), '2 s.');
    assert.equal(formatTimeout(3_500), '4 s.');
    assert.equal(formatTimeout(330_000), '6 min.');
    assert.equal(formatTimeout(390_000), '6 min.');
    assert.equal(formatTimeout(0), '');
  });

  it('loginBanner: OMERO words, timeouts only when set, no key', () => {
    assert.equal(loginBanner('Created', 'root', 'localhost', '4064', 600_000, 'system'), 'Created session for root@localhost:4064. Idle timeout: 10 min. Current group: system');
    assert.equal(loginBanner('Reconnected to', 'u', 'h', '1', 0, 'g'), 'Reconnected to session for u@h:1. Current group: g');
    assert.equal(loginBanner('Joined', 'u', 'h', '1', 60_000, 'g', 3_600_000), 'Joined session for u@h:1. Idle timeout: 60 s. Expires in : 60 min. Current group: g');
  });

  it('pyCtime and pyLocalTimestamp in local time, as time.ctime and strftime print them', () => {
    const before = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      const ms = Date.UTC(2012, 10, 3, 4, 5, 6);
      assert.equal(pyCtime(ms), 'Sat Nov  3 04:05:06 2012');
      assert.equal(pyCtime(Date.UTC(2012, 10, 23, 14, 55, 25)), 'Fri Nov 23 14:55:25 2012');
      assert.equal(pyLocalTimestamp(ms), '2012-11-03 04:05:06');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
