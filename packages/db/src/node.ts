// Node-only entry: connections to a real server and reading the SQL files from disk.
export { fromPgPool, isConnectionFailure, isCommitOutcomeUnknown, commitOutcomeUnknown } from './adapters/pg.js';
export { startEmbeddedPostgres, type EmbeddedServer } from './embedded-server.js';
export { readMigrationsDir, readFixture } from './sql-bundle-source.js';
