// The contract suite on PGlite (PostgreSQL in WASM) in Node, prepared and driven by the SDK's own
// PGlite transport: fixtures, migrations and demo data applied by createPgliteTransport.
import { createPgliteTransport } from '../src/pglite.js';
import { contractSuite } from './contract/suite.js';

contractSuite(
  'PGlite',
  async () => {
    const main = await createPgliteTransport({ as: 'admin' });
    return {
      users: main.users!,
      // Another transport on the same instance (already prepared): each acts as its own user.
      transportAs: (identity) => createPgliteTransport({ pglite: main.pglite, setup: false, as: identity }),
      owner: async (sql, params) => (await main.pglite.query<Record<string, unknown>>(sql, params)).rows,
      // PGlite runs one transaction at a time: a query queued now runs after every open one.
      settled: async () => void (await main.pglite.query('select 1')),
      close: () => main.close(),
    };
  },
  { network: false },
);
