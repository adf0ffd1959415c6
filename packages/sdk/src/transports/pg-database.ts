// A node-postgres pool behind the `SqlDatabase` interface, made to survive lost connections.
//
// node-postgres reports a connection the server closed (`pg_terminate_backend`, a restart, a
// network cut) as an `'error'` event on the client. While a pool client is checked out the pool
// removes its own listener, so an event nobody listens to would throw and end the host process.
// Here every checked-out client has a listener for as long as it is out, a broken client is
// destroyed instead of going back to the pool, and the pool itself has a listener for its idle
// clients (the pool discards those by itself).
import type { Pool, PoolClient } from 'pg';
import type { SqlDatabase, SqlSession } from '@lead-orders/db';
import { commitOutcomeUnknown, isConnectionFailure } from './connection-errors.js';

const pools = new WeakSet<Pool>();

function session(client: Pool | PoolClient): SqlSession {
  return {
    query: async (sql, params) => ({ rows: (await client.query(sql, params ? [...params] : undefined)).rows }),
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

/**
 * Wraps a node-postgres pool. Each transaction checks out its own connection; a connection that
 * breaks mid-transaction rejects the transaction with node-postgres's error (the server rolls the
 * transaction back) and is removed from the pool. Adds one `'error'` listener to the pool, once.
 */
export function pgDatabase(pool: Pool): SqlDatabase {
  if (!pools.has(pool)) {
    pools.add(pool);
    // An idle client whose connection closed: the pool has already dropped it. Without a
    // listener, the pool's re-emitted 'error' would end the process.
    pool.on('error', () => undefined);
  }
  return {
    ...session(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // Set when the connection fails: by the client's 'error' event or by a query's error.
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
        // COMMIT was sent and no answer came back: the server may have committed before the
        // connection went. Before COMMIT, a lost connection means the server rolled back.
        if (committing && lost) Object.defineProperty(error, commitOutcomeUnknown, { value: true });
        if (!lost) await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        // A client whose connection failed is destroyed rather than handed to the next caller.
        client.release(lost);
      }
    },
  };
}
