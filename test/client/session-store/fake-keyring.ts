import type { KeyringEntry, KeyringModule } from '../../../src/client/session-store/keyring-store.js';

/** What a fake keyring does on each call. */
export type FakeBehaviour = 'ok' | 'reject' | 'hang' | 'throw-in-constructor' | 'wrong-value';

/** An in-memory stand-in for `@napi-rs/keyring`, recording every entry it creates. */
export function fakeKeyring(behaviour: FakeBehaviour = 'ok'): {
  module: KeyringModule;
  secrets: Map<string, string>;
  entries: { service: string; account: string; options: unknown }[];
} {
  const secrets = new Map<string, string>();
  const entries: { service: string; account: string; options: unknown }[] = [];
  const act = <T>(value: () => T): Promise<T> => {
    if (behaviour === 'reject') return Promise.reject(new Error('Platform failure: DBus error'));
    if (behaviour === 'hang') return new Promise<T>(() => undefined);
    return Promise.resolve().then(value);
  };
  class AsyncEntry implements KeyringEntry {
    readonly #key: string;
    constructor(service: string, account: string, options?: unknown) {
      if (behaviour === 'throw-in-constructor') throw new Error('Using X11 for dbus-daemon autolaunch was disabled');
      entries.push({ service, account, options });
      this.#key = `${service}\u0000${account}`;
    }
    setPassword(password: string): Promise<void> {
      return act(() => void secrets.set(this.#key, password));
    }
    getPassword(): Promise<string | null> {
      return act(() => (behaviour === 'wrong-value' ? 'something else' : (secrets.get(this.#key) ?? null)));
    }
    deletePassword(): Promise<boolean> {
      return act(() => secrets.delete(this.#key));
    }
  }
  return { module: { AsyncEntry }, secrets, entries };
}
