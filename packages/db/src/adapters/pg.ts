import type { Pool, PoolClient } from 'pg';
import type { SqlDatabase, SqlSession } from '../sql-database.js';

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

/** Wraps a node-postgres pool; each transaction checks out its own connection. */
export function fromPgPool(pool: Pool): SqlDatabase {
  return {
    ...session(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(session(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
