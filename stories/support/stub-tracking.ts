import type { OrderTracking } from '@lead-orders/sdk';

/**
 * Stand-ins for states a healthy database never shows on demand: a request that never settles
 * (loading) and one that always fails (error). Everything else in the stories uses real data.
 */
function tracking(call: () => Promise<never>): OrderTracking {
  return {
    orders: {
      get: call,
      list: call,
      // eslint-disable-next-line require-yield
      pages: async function* () {
        await call();
      },
    },
    stats: call,
    subscribe: () => () => undefined,
  } as unknown as OrderTracking;
}

export const neverLoads = () => tracking(() => new Promise<never>(() => undefined));

export const alwaysFails = () =>
  tracking(() => Promise.reject(Object.assign(new Error('The network is unreachable.'), { code: 'network' })));
