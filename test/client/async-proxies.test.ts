/**
 * The async proxies are the blocking proxy classes over an AsyncRemoteSession (async-proxies.ts):
 * that holds only while every proxy method hands the session's answer back. This calls every
 * method of every contract through them and checks each answers a promise of the server's reply
 * for that very method, and that a refusal rejects (a method that dropped its call's promise
 * would answer undefined and lose the refusal).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asyncServiceFactory } from '../../src/client/async-proxies.js';
import { AsyncRemoteSession } from '../../src/client/remote.js';
import type { AsyncTransport } from '../../src/client/transport/async-transport.js';
import { SERVICE_METHODS, type InvokeRequest, type ServerRequest, type ServiceName } from '../../src/contract/index.js';
import { ApiUsageException, CmdError, ERR, OK, toWire } from '../../src/model/index.js';

/** Which getter of the service factory gives each service (the factory's own methods: itself). */
const GETTERS: Record<ServiceName, string | null> = {
  IAdmin: 'getAdminService',
  IQuery: 'getQueryService',
  IUpdate: 'getUpdateService',
  IContainer: 'getContainerService',
  ISession: 'getSessionService',
  ILdap: 'getLdapService',
  ServiceFactory: null,
};

function fakeTransport(answer: (r: InvokeRequest) => unknown, refuse = false): AsyncTransport {
  return {
    request: async (r: ServerRequest) => {
      const invoke = r as InvokeRequest;
      if (refuse) return { ok: false, error: toWire(new ApiUsageException(`refused ${invoke.method}`)) };
      return { ok: true, value: toWire(answer(invoke)) };
    },
    close: () => undefined,
  };
}

function proxyOf(sf: object, service: ServiceName): Record<string, (...a: unknown[]) => unknown> {
  const getter = GETTERS[service];
  return (getter ? (sf as Record<string, () => object>)[getter]!() : sf) as Record<string, (...a: unknown[]) => unknown>;
}

describe('async proxies', () => {
  it('every contract method answers a promise of its own reply', async () => {
    const sf = asyncServiceFactory(new AsyncRemoteSession(fakeTransport((r) => (r.method === 'submit' ? { response: new OK(), status: null } : r.method === 'updateTimeToIdle' ? new OK() : `${r.service}.${r.method}`)), 'key'));
    let checked = 0;
    for (const [service, methods] of Object.entries(SERVICE_METHODS) as Array<[ServiceName, Record<string, unknown>]>) {
      const proxy = proxyOf(sf, service);
      for (const method of Object.keys(methods)) {
        const result = proxy[method]!.call(proxy);
        assert.ok(result instanceof Promise, `${service}.${method} answered ${String(result)}`);
        const value = await result;
        if (method === 'submit') assert.ok((value as { getResponse(): unknown }).getResponse() instanceof OK);
        else if (method === 'updateTimeToIdle') assert.equal(value, undefined);
        else assert.equal(value, `${service}.${method}`, `${service}.${method}`);
        checked++;
      }
    }
    assert.ok(checked > 60, `${checked} methods`);
  });

  it('every contract method rejects with the server refusal', async () => {
    const sf = asyncServiceFactory(new AsyncRemoteSession(fakeTransport(() => null, true), 'key'));
    for (const [service, methods] of Object.entries(SERVICE_METHODS) as Array<[ServiceName, Record<string, unknown>]>) {
      const proxy = proxyOf(sf, service);
      for (const method of Object.keys(methods)) {
        await assert.rejects(async () => proxy[method]!.call(proxy), (e: unknown) => e instanceof ApiUsageException && e.message === `refused ${method}`, `${service}.${method}`);
      }
    }
  });

  it('updateTimeToIdle rejects with CmdError when the server answers an ERR, as the blocking proxy throws', async () => {
    const sf = asyncServiceFactory(new AsyncRemoteSession(fakeTransport(() => new ERR({ name: 'non-admin-increase' })), 'key'));
    await assert.rejects(sf.getSessionService().updateTimeToIdle(null, 1000), CmdError);
  });
});
