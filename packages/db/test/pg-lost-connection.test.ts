// `fromPgPool` (the migration CLI, the demo server, the benchmarks, the tests) on a real
// PostgreSQL 17 server whose connections the server ends (pg_terminate_backend from another
// connection, as a restart or a failover would). An unhandled 'error' event ends the host
// process; node:test would report it in-process without failing the right test, so the
// between-statements case runs in a process of its own and its exit code is the proof.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { fromPgPool, startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';

let server: EmbeddedServer;

before(async () => {
  server = await startEmbeddedPostgres({ version: 17 });
});
after(async () => {
  await server?.stop();
});

describe('node-postgres pool adapter: connections ended by the server', () => {
  test('a connection terminated between two statements of a transaction rejects it, the process lives and the pool keeps serving', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./support/terminate-between-statements.ts', import.meta.url))],
      { env: { ...process.env, DATABASE_URL: server.url }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, `the process ended: ${err}`);
    assert.deepEqual(JSON.parse(out.trim()), { rejected: true, next: 1, inTransaction: 1 });
  });

  test('idle pool connections terminated by the server do not end the process; the next call reconnects', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 3, application_name: 'adapter-under-test' });
    const owner = new pg.Client({ connectionString: server.url });
    await owner.connect();
    try {
      const db = fromPgPool(pool);
      await Promise.all([1, 2, 3].map(() => db.transaction((tx) => tx.query('select pg_sleep(0)'))));
      const { rows } = await owner.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'adapter-under-test'`,
      );
      assert.ok(rows[0].n >= 1, 'some idle connections were terminated');
      // Wait for the pool to see the closed sockets (a state, not a time).
      while (pool.idleCount > 0) await new Promise((r) => setTimeout(r, 10));
      assert.equal((await db.query<{ one: number }>('select 1 as one')).rows[0].one, 1);
    } finally {
      await owner.end();
      await pool.end();
    }
  });
});
