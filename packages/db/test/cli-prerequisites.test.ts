import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';

// The migration CLI on a plain PostgreSQL database (no Supabase, no agency schema): it says what is
// missing and what to do, before applying anything. The CLI only talks to a server, so this runs on
// PostgreSQL alone.

const cliPath = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('lead-orders-migrate on a plain PostgreSQL database (postgres 17)', () => {
  let server: EmbeddedServer;
  let admin: pg.Pool;
  before(async () => {
    server = await startEmbeddedPostgres({ version: 17 });
    admin = new pg.Pool({ connectionString: server.url, max: 1 });
  });
  after(async () => {
    await admin?.end();
    await server?.stop();
  });

  test('names the missing Supabase pieces and suggests a Supabase project or --with-fixtures, applying nothing', async () => {
    await admin.query('create database plain_trial');
    const url = server.url.replace(/\/postgres$/, '/plain_trial');
    const result = await cli(['--url', url]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not a Supabase project/);
    assert.match(result.stderr, /schema "auth"/);
    assert.match(result.stderr, /roles? .*authenticated/);
    assert.match(result.stderr, /public\.clients/);
    assert.match(result.stderr, /--with-fixtures/);
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    const check = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const { rows } = await check.query(`select to_regnamespace('lead_orders') as s`);
      assert.equal(rows[0].s, null, 'nothing was applied');
    } finally {
      await check.end();
    }
  });
});
