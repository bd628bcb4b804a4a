/**
 * How one service contract becomes the three things that implement or call it. A contract is an
 * interface of methods as a Python caller sees them (arguments, then the result); the mapped
 * types below derive the server's async methods and the clients' blocking and async proxies from
 * it, so renaming a method or changing a parameter fails to compile on both sides.
 */

/** An Ice-style call context: string keys and values, e.g. `{'omero.group': '-1'}`. */
export type Ctx = Readonly<Record<string, string | number>>;

/** A contract's method names (its function-valued keys). */
export type MethodName<C> = { [K in keyof C]: C[K] extends (...args: never[]) => unknown ? K : never }[keyof C] & string;

/** The arguments of a contract method. */
export type ArgsOf<C, K extends MethodName<C>> = C[K] extends (...args: infer A) => unknown ? A : never;

/** The result of a contract method. */
export type ResultOf<C, K extends MethodName<C>> = C[K] extends (...args: never[]) => infer R ? R : never;

/**
 * The server's side of contract `C`: every method takes the call (session, transaction, caller)
 * first and answers a promise. `Call` is a parameter so that this layer does not depend on the
 * server's CallContext.
 */
export type Served<C, Call> = { [K in MethodName<C>]: (call: Call, ...args: ArgsOf<C, K>) => Promise<ResultOf<C, K>> };

/** A blocking proxy of `C`, as Ice calls block in Python: the same arguments, then an optional call context. */
export type Blocking<C> = { [K in MethodName<C>]: (...args: [...ArgsOf<C, K>, ctx?: Ctx | null]) => ResultOf<C, K> };

/** An asynchronous proxy of `C` (the command line's calls need no second thread). */
export type Async<C> = { [K in MethodName<C>]: (...args: [...ArgsOf<C, K>, ctx?: Ctx | null]) => Promise<ResultOf<C, K>> };
