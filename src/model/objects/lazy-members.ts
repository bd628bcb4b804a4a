/**
 * Model classes whose prototype members (field accessors, collection methods) are installed when
 * the class is first needed rather than when it is declared (define-model-class.ts): setting up
 * every class's accessors was a third of loading the model (~5 ms), and most processes use a few
 * classes (a command listing users; the shell's connection thread, none). "Needed" is: an instance
 * is constructed (IObject's constructor) or decoded from the wire (from-wire.ts), or code lists
 * the methods of classes (the shell: `installAllModelMembers`). A class's ancestors are installed
 * before it, as declaration order did.
 */

/** Declared classes not installed yet, with what installs each one's own members. */
const pending = new Map<unknown, () => void>();

/** Notes that `install` sets up `cls`'s own members once the class is needed. */
export function deferMembers(cls: unknown, install: () => void): void {
  pending.set(cls, install);
}

/** Installs the members of `cls` and of its ancestors, root first, where not done yet. */
export function installModelMembers(cls: unknown): void {
  if (pending.size === 0) return;
  const chain: unknown[] = [];
  for (let c = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  for (let i = chain.length - 1; i >= 0; i--) {
    const install = pending.get(chain[i]);
    if (!install) continue;
    pending.delete(chain[i]);
    install();
  }
}

/** Installs the members of every declared model class. */
export function installAllModelMembers(): void {
  for (const cls of [...pending.keys()]) installModelMembers(cls);
}
