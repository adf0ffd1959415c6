/**
 * The smallest surface the migration runner, the tests and the SDK's embedded transports need
 * from a Postgres connection. node-postgres pools and PGlite both fit behind it.
 */
export interface SqlResult<Row> {
  rows: Row[];
}

export interface SqlSession {
  /** One statement, with `$1`-style parameters. */
  query<Row = Record<string, any>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** Many statements, no parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlSession {
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
}
