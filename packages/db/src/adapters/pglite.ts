import type { SqlDatabase, SqlSession } from '../sql-database.js';

/** The part of a PGlite instance (or its transaction) we use; typed structurally so PGlite stays optional. */
interface PgliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}
interface PgliteLike extends PgliteQueryable {
  transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
}

function session(q: PgliteQueryable): SqlSession {
  return {
    query: (sql, params) => q.query(sql, params ? [...params] : undefined),
    exec: async (sql) => {
      await q.exec(sql);
    },
  };
}

/**
 * Wraps a PGlite instance. PGlite has one session for everyone, so acting as a user must happen
 * inside `transaction` (see actAs); inside it, only the transaction handle may be used.
 */
export function fromPglite(db: PgliteLike): SqlDatabase {
  return {
    ...session(db),
    transaction: (fn) => db.transaction((tx) => fn(session(tx))),
  };
}
