// A node-postgres pool behind the `SqlDatabase` interface, made to survive lost connections.
//
// node-postgres reports a connection the server closed (`pg_terminate_backend`, a restart, a
// network cut) as an `'error'` event on the client. While a pool client is checked out the pool
// removes its own listener, so an event nobody listens to would throw and end the host process
// (the migration CLI, the demo server). Here every checked-out client has a listener for as long
// as it is out, a broken client is destroyed instead of going back to the pool, and the pool
// itself has one listener for its idle clients (the pool discards those by itself).
import type { Pool, PoolClient } from 'pg';
import type { SqlDatabase, SqlSession } from '../sql-database.js';
import { commitOutcomeUnknown, isConnectionFailure } from '../connection-errors.js';

export { commitOutcomeUnknown, isCommitOutcomeUnknown, isConnectionFailure } from '../connection-errors.js';

const guardedPools = new WeakSet<Pool>();

function session(client: Pool | PoolClient): SqlSession {
  return {
    query: async (sql, params) => {
      const result = await client.query(sql, params ? [...params] : undefined);
      return { rows: result.rows };
    },
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

/**
 * Wraps a node-postgres pool. Plain queries use any pooled connection; each transaction checks out
 * its own connection, sends BEGIN, runs `fn`, then COMMIT (or ROLLBACK when `fn` throws).
 *
 * A connection the server ends mid-transaction rejects the transaction with node-postgres's error
 * (the server has rolled it back; no ROLLBACK is attempted on the dead connection) and is
 * destroyed rather than returned to the pool, so the next call gets a fresh one. When it breaks
 * while COMMIT is in flight the server may have committed first: the error then carries the
 * {@link commitOutcomeUnknown} mark. Adds one
 * `'error'` listener to `pool`, once per pool, so that idle connections the server ends do not end
 * the process.
 */
export function fromPgPool(pool: Pool): SqlDatabase {
  if (!guardedPools.has(pool)) {
    guardedPools.add(pool);
    // The pool has already dropped the idle client; without a listener its re-emitted 'error'
    // would be thrown.
    pool.on('error', () => undefined);
  }
  return {
    ...session(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // Set when the connection fails, by the client's 'error' event or by a query's error.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost ??= error;
      };
      client.on('error', onError);
      let committing = false;
      try {
        await client.query('begin');
        const result = await fn(session(client));
        committing = true;
        await client.query('commit');
        return result;
      } catch (error) {
        if (isConnectionFailure(error)) lost ??= error as Error;
        // Before COMMIT a lost connection means the server rolled back; during it, nobody knows.
        if (committing && lost && typeof error === 'object' && error !== null) {
          Object.defineProperty(error, commitOutcomeUnknown, { value: true });
        }
        if (!lost) await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        // release(error) destroys the client instead of handing a broken one to the next caller.
        client.release(lost);
      }
    },
  };
}
