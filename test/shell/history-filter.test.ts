import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HistoryFilter, isSecretLine } from '../../src/shell/history-filter.js';

const PASSWORD = 'hunter2-Xq';
const KEY = '213adc46-2c5f-449b-81fc-fe24dec38b58';

describe('history filter', () => {
  it('drops lines whose words handle a secret', () => {
    assert.equal(isSecretLine("client.createSession('user-2', 'pw')"), true);
    assert.equal(isSecretLine("admin_service.changeUserPassword('x', rstring('y'))"), true);
    assert.equal(isSecretLine('c.joinSession("213adc46-2c5f-449b-81fc-fe24dec38b58")'), true);
    assert.equal(isSecretLine('ec = admin_service.getEventContext()'), false);
  });

  it("drops every line holding the shell's own password or key, in any form", () => {
    const filter = new HistoryFilter(() => [PASSWORD, 'a0b1c2d3e4f5']);
    for (const line of [
      `pw = '${PASSWORD}'`,
      `pw = "${PASSWORD}"`,
      `pw = \`${PASSWORD}\``,
      `let pw: string = '${PASSWORD}'`,
      "x = 'hunter' + '2-Xq'",
      `pw = 'hun\\x74er2-Xq'`,
      `pw = 'hunter\\u0032-Xq'`,
      `p = '${PASSWORD.toUpperCase()}'`,
      `k = 'a0b1c2d3e4f5'`,
      `${PASSWORD}`,
      `f('${PASSWORD}'`,
    ]) {
      assert.equal(filter.isSecret(line), true, line);
    }
  });

  it('the control: the same lines without the secret are kept, and a filter that knows no secret keeps the assignment', () => {
    const filter = new HistoryFilter(() => [PASSWORD]);
    assert.equal(filter.isSecret("pw = 'hunter3-Xq'"), false);
    assert.equal(filter.isSecret("x = 'hunter' + '3-Xq'"), false);
    assert.equal(filter.isSecret('ec = admin_service.getEventContext()'), false);
    // Patterns alone miss it: this is the leak the known secrets close.
    assert.equal(new HistoryFilter().isSecret(`pw = '${PASSWORD}'`), false);
  });

  it('learns a secret that appears later (a new session key) and keeps it after it changes', () => {
    let current: string | null = null;
    const filter = new HistoryFilter(() => [current]);
    assert.equal(filter.isSecret(`k = '${KEY.replaceAll('-', '')}'`), false);
    current = KEY;
    assert.equal(filter.isSecret(`k = '${KEY.replaceAll('-', '')}'`), true, 'the key without its dashes');
    current = 'another-key-value';
    assert.equal(filter.isSecret(`old = '${KEY.replaceAll('-', '')}'`), true);
  });
});
