// `@lead-orders/sdk/pg`: node-postgres for server-side workers (lead importers assigning leads) and
// for testing on a real server. Each call checks out a connection, acts as the identity in one
// transaction (role and JWT claims, as PostgREST does) and returns it.
import type { Pool } from 'pg';
import type { Identity } from '@lead-orders/db';
import { fromPgPool } from '@lead-orders/db/pg';
import { createSqlTransport, type SqlTransport } from './transports/sql.js';
import { prepareDatabase, type SetupOptions, type DemoUsers } from './transports/setup.js';

export { createOrderTracking } from './client.js';
export type { Identity, SqlTransport };
export type { DemoDataOptions, DemoUser, DemoUserKey, DemoUsers } from './transports/setup.js';

export interface PgTransportOptions {
  pool: Pool;
  /**
   * Who calls run as. A worker usually acts as `{ role: 'service_role' }` or as an admin user;
   * a test as each user in turn (`setIdentity`).
   */
  identity: Identity;
  /** How often subscriptions look for changes, in ms (default 1000); node-postgres has no push here. */
  pollIntervalMs?: number;
}

/**
 * A transport over a node-postgres pool, acting as `identity`.
 *
 * A connection lost mid-call (the server restarted, `pg_terminate_backend`, a network cut) rejects
 * that call with `network` (the server rolled its transaction back; reads are retried) or, when it
 * went while COMMIT was in flight, `outcome_unknown`. The broken connection is dropped from the
 * pool and the host process keeps running: the transport listens for the pool's and each
 * checked-out client's `'error'` events (it adds one listener to `pool`).
 */
export function createPgTransport(options: PgTransportOptions): SqlTransport {
  return createSqlTransport({
    db: fromPgPool(options.pool),
    identity: options.identity,
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
  });
}

/**
 * Brings the pool's database to the current schema (fixtures, migrations and demo data on an empty
 * database; pending migrations otherwise) and returns the demo users. For tests and local servers;
 * a Supabase project applies the migrations with `lead-orders-migrate` instead.
 */
export function preparePgDatabase(pool: Pool, options: SetupOptions = {}): Promise<DemoUsers | null> {
  return prepareDatabase(fromPgPool(pool), options);
}
