/**
 * Client logic written once for blocking and async proxies alike: a generator that yields each
 * remote call's result (`yield* step(admin.getEventContext())`) and gets the value back. Run by
 * `runBlocking` with blocking proxies (the shell) or by `runAsync` with async ones (the CLI's
 * commands); a call's failure is thrown at its `yield`, so the generator's try/catch sees it.
 */
export type Steps<R> = Generator<unknown, R, unknown>;

/** One remote call's result, as a value (blocking) or a promise (async). */
export function* step<T>(result: T | Promise<T>): Generator<unknown, T, unknown> {
  return (yield result) as T;
}

/** Runs steps whose calls block: every yielded value is already the result. */
export function runBlocking<R>(steps: Steps<R>): R {
  let r = steps.next();
  while (!r.done) r = steps.next(r.value);
  return r.value;
}

/** Runs steps whose calls answer promises, awaiting each. */
export async function runAsync<R>(steps: Steps<R>): Promise<R> {
  let r = steps.next();
  while (!r.done) {
    let value: unknown;
    try {
      value = await r.value;
    } catch (e) {
      r = steps.throw(e);
      continue;
    }
    r = steps.next(value);
  }
  return r.value;
}
