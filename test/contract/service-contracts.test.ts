import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SERVICE_METHODS, callKindOf, type ServiceName } from '../../src/contract/index.js';
import { ServiceFactoryPrx } from '../../src/client/service-factory-prx.js';
import { AdminServicePrx } from '../../src/client/services/admin-service-prx.js';
import { ContainerServicePrx } from '../../src/client/services/container-service-prx.js';
import { LdapServicePrx } from '../../src/client/services/ldap-service-prx.js';
import { QueryServicePrx } from '../../src/client/services/query-service-prx.js';
import { SessionServicePrx } from '../../src/client/services/session-service-prx.js';
import { UpdateServicePrx } from '../../src/client/services/update-service-prx.js';
import { ApiUsageException, fromWire, toWire } from '../../src/model/index.js';
import { createServices } from '../../src/server/services/index.js';
import { openEngine, type EngineFixture } from '../helpers/engine-client.js';

const PROXIES: Record<ServiceName, { prototype: object }> = {
  IAdmin: AdminServicePrx,
  IQuery: QueryServicePrx,
  IUpdate: UpdateServicePrx,
  IContainer: ContainerServicePrx,
  ISession: SessionServicePrx,
  ILdap: LdapServicePrx,
  ServiceFactory: ServiceFactoryPrx,
};

describe('the service contracts', () => {
  const served = createServices(null) as unknown as Record<string, Record<string, unknown>>;

  it('every contract method is served by the server and offered by the blocking proxy', () => {
    let count = 0;
    for (const [service, methods] of Object.entries(SERVICE_METHODS)) {
      for (const method of Object.keys(methods)) {
        assert.equal(typeof served[service]![method], 'function', `server ${service}.${method}`);
        assert.equal(typeof (PROXIES[service as ServiceName].prototype as Record<string, unknown>)[method], 'function', `proxy ${service}.${method}`);
        count++;
      }
    }
    assert.ok(count > 60, `only ${count} methods`);
  });

  it('query services and the IAdmin lookups run on the pool, everything else in a transaction', () => {
    assert.equal(callKindOf('IQuery', 'findAllByQuery'), 'query');
    assert.equal(callKindOf('IContainer', 'getImages'), 'query');
    assert.equal(callKindOf('IAdmin', 'lookupExperimenters'), 'read');
    assert.equal(callKindOf('IAdmin', 'getEventContext'), 'read');
    // Refusals of these are audited, and LDAP lookups ask the directory: in a transaction.
    assert.equal(callKindOf('IAdmin', 'requireAdminPrivileges'), 'transaction');
    assert.equal(callKindOf('IAdmin', 'lookupLdapAuthExperimenters'), 'transaction');
    assert.equal(callKindOf('IAdmin', 'createGroup'), 'transaction');
    assert.equal(callKindOf('ServiceFactory', 'submit'), 'transaction');
  });

  it('names outside the contracts are not dispatched, inherited ones included', () => {
    for (const [service, method] of [
      ['IAdmin', 'constructor'],
      ['IAdmin', '__proto__'],
      ['IAdmin', 'toString'],
      ['IAdmin', 'hasOwnProperty'],
      ['IQuery', 'REMOTE'],
      ['__proto__', 'getEventContext'],
      ['IFoo', 'getEventContext'],
      ['constructor', 'name'],
    ]) {
      assert.equal(callKindOf(service!, method!), undefined, `${service}.${method}`);
    }
  });
});

describe('the server dispatches contract methods only (pglite)', () => {
  let fx: EngineFixture;
  before(async () => {
    fx = await openEngine('pglite');
  });
  after(async () => fx?.close());

  it('refuses a method of the service class that is not in the contract', () => {
    const key = fx.login().getSessionId();
    for (const method of ['constructor', 'toString', '__defineGetter__']) {
      const reply = fx.transport.request({ op: 'invoke', key, service: 'IAdmin', method, args: toWire([]) });
      assert.equal(reply.ok, false, method);
      const e = fromWire((reply as { error: unknown }).error);
      assert.ok(e instanceof ApiUsageException, `${method}: ${String(e)}`);
      assert.match((e as ApiUsageException).message, /Unknown method IAdmin\./);
    }
    // The control: the same request for a contract method is answered.
    const ok = fx.transport.request({ op: 'invoke', key, service: 'IAdmin', method: 'getEventContext', args: toWire([]) });
    assert.equal(ok.ok, true);
  });
});
