/**
 * A value a test file names at the top of its `describe` but that only exists once a `beforeAll`
 * has made it (a started stack, a launched browser). The returned stand-in forwards every property
 * to the value once it is set, and says plainly when it is used too early (at collection time,
 * outside tests and hooks). Methods are bound to the real value, so classes work through it.
 */
export function late<T extends object>(what: string): { readonly value: T; set(value: T | undefined): void; get(): T | undefined } {
  let current: T | undefined;
  const real = (): T => {
    if (current === undefined) throw new Error(`${what} is not started: use it inside tests and hooks (it starts in beforeAll)`);
    return current;
  };
  const value = new Proxy({} as T, {
    get(_target, property) {
      // Not a promise: `await` and Jest's checks for thenables must not start the stand-in.
      if (property === 'then') return undefined;
      const target = real();
      const member = Reflect.get(target, property, target) as unknown;
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
    },
    has: (_target, property) => Reflect.has(real(), property),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor(_target, property) {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), property);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
  return {
    value,
    set: (next) => {
      current = next;
    },
    get: () => current,
  };
}
