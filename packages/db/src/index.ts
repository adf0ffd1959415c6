// Browser-safe entry: nothing here touches the file system or Node built-ins.
export type { SqlDatabase, SqlResult, SqlSession } from './sql-database.js';
export { fromPglite } from './adapters/pglite.js';
export { actAs, claimsFor, type Identity } from './act-as.js';
export {
  applyMigrations,
  checksum,
  MigrationChecksumError,
  MigrationFailedError,
  parseMigrationFileName,
  type AppliedMigration,
  type Migration,
} from './migration-runner.js';
export { migrations, supabaseFixtureSql, agencyFixtureSql } from './generated/sql.js';
export { databaseErrors, databaseErrorCode, type DatabaseErrorCode, type DatabaseErrorSqlState } from './errors.js';
export { buildDemoData, type DemoData, type DemoDataOptions, type DemoUser } from './demo-data.js';
