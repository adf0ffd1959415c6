import type { SqlDatabase, SqlSession } from './sql-database.js';

/** Who a request runs as, in the terms PostgREST uses. */
export type Identity =
  | { role: 'anon' }
  | { role: 'authenticated'; userId: string; email?: string }
  | { role: 'service_role' };

export function claimsFor(identity: Identity): Record<string, unknown> {
  switch (identity.role) {
    case 'anon':
      return { role: 'anon' };
    case 'service_role':
      return { role: 'service_role' };
    case 'authenticated':
      return { role: 'authenticated', sub: identity.userId, email: identity.email, aud: 'authenticated' };
  }
}

/**
 * Runs `fn` in one transaction exactly as PostgREST runs a request: the database role switched
 * with SET LOCAL ROLE and the JWT claims set transaction-locally in `request.jwt.claims`.
 * Nothing leaks past the transaction, which matters on PGlite's single shared session.
 */
export function actAs<T>(db: SqlDatabase, identity: Identity, fn: (tx: SqlSession) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The role comes from a closed union, never from user text, so interpolating it is safe.
    await tx.query(`set local role ${identity.role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor(identity))]);
    return fn(tx);
  });
}
