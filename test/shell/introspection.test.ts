import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Delete2, ProjectI } from '../../src/model/index.js';
import { dirNames, helpText, methodNames, wrapList } from '../../src/shell/introspection.js';

class AdminServicePrx {
  lookupGroup(name: string, ctx?: unknown): unknown {
    return [name, ctx];
  }
  getEventContext(): unknown {
    return null;
  }
}

describe('help and dir', () => {
  it('help(x) names the class and gives each method its one-line summary', () => {
    const text = helpText(new AdminServicePrx(), 'admin_service');
    assert.match(text, /^admin_service: AdminServicePrx — IAdmin: /);
    assert.match(text, /\n {4}getEventContext +who you are in this session/);
    assert.match(text, /\n {4}lookupGroup +a group by name/);
  });

  it('x.method? shows the signature and the summary', () => {
    const admin = new AdminServicePrx();
    assert.equal(helpText(admin.lookupGroup, 'admin_service.lookupGroup', admin), 'admin_service.lookupGroup(name, ctx) — a method of AdminServicePrx\n  a group by name');
  });

  it('help of a class lists its Ice members or fields, and its methods', () => {
    assert.match(helpText(Delete2, 'Delete2'), /Ice type ::omero::cmd::Delete2; new Delete2\(\{targetObjects, childOptions, dryRun, typesToIgnore\}\)/);
    assert.match(helpText(ProjectI, 'ProjectI'), /fields: .*name/);
    assert.equal(helpText(null, 'x'), 'x: None');
  });

  it('dir(x) lists own data and the methods of the class chain, sorted, without internals', () => {
    const names = dirNames(new ProjectI());
    assert.ok(names.includes('name') && names.includes('getName') && names.includes('unload'));
    assert.ok(!names.includes('constructor'));
    assert.deepEqual(methodNames(new AdminServicePrx()), ['getEventContext', 'lookupGroup']);
    assert.deepEqual(dirNames(undefined), []);
  });

  it('wraps long lists at 100 columns under their label', () => {
    const lines = wrapList('  methods: ', Array.from({ length: 30 }, (_, i) => `method${i}`));
    assert.ok(lines.length > 1 && lines.every((l) => l.length <= 100));
    assert.ok(lines.slice(1).every((l) => l.startsWith(' '.repeat('  methods: '.length))));
  });
});
