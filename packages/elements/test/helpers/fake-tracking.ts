import type { Tracking } from '../../src/shared/tracking.js';

/**
 * A hand-driven stand-in for the SDK, for the states a real database cannot be made to show on
 * demand (a request that never settles, a network error). Tests on the real SDK over PGlite live
 * in the *.pglite.test.ts files.
 */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function codedError(code: string, message = code) {
  return Object.assign(new Error(message), { code });
}

type Stub<F extends (...args: never[]) => unknown> = (...args: Parameters<F>) => Promise<unknown>;

export function stubTracking(parts: Partial<{
  get: Stub<Tracking['orders']['get']>;
  list: Stub<Tracking['orders']['list']>;
  stats: Stub<Tracking['stats']>;
}>): Tracking & { emit(): void } {
  const listeners = new Set<(change: unknown) => void>();
  const missing = () => Promise.reject(new Error('not stubbed'));
  const stub = {
    orders: { get: parts.get ?? missing, list: parts.list ?? missing },
    stats: parts.stats ?? missing,
    subscribe(_target: unknown, onChange: (change: unknown) => void) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    emit() {
      for (const listener of listeners) listener({ type: 'update', id: 'stub' });
    },
  };
  return stub as unknown as Tracking & { emit(): void };
}
