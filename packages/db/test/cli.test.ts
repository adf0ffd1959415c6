import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { agencyFixtureSql, migrations, supabaseFixtureSql } from '../src/index.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';

// The migration CLI, run as a separate process against an embedded server.

const cliPath = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const names = migrations.map((m) => `${m.version}_${m.name}`);

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI through Node with tsx, or (`direct`) as an executable through its shebang. */
function cli(args: string[], options: { direct?: boolean; env?: Record<string, string> } = {}): Promise<CliResult> {
  const [command, argv] = options.direct ? [cliPath, args] : [process.execPath, ['--import', 'tsx', cliPath, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: packageDir, env: { ...process.env, DATABASE_URL: '', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('lead-orders-migrate (postgres 17)', () => {
  let server: EmbeddedServer;
  let admin: pg.Pool;

  /** A new empty database on the server, and its URL. */
  async function newDatabase(): Promise<string> {
    const name = `cli_${randomUUID().slice(0, 8)}`;
    await admin.query(`create database ${name}`);
    return server.url.replace(/\/postgres$/, `/${name}`);
  }

  async function withDatabase<T>(url: string, fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      return await fn(pool);
    } finally {
      await pool.end();
    }
  }

  before(async () => {
    server = await startEmbeddedPostgres({ version: 17 });
    admin = new pg.Pool({ connectionString: server.url, max: 2 });
  });
  after(async () => {
    await admin?.end();
    await server?.stop();
  });

  describe('on an empty database for a local trial', () => {
    let url: string;
    before(async () => {
      url = await newDatabase();
    });

    test('--with-fixtures loads the stand-in, applies every migration in order and lists each', async () => {
      const result = await cli(['--url', url, '--with-fixtures']);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n');
      assert.ok(lines.includes('Loaded the local Supabase stand-in and the agency fixture.'));
      assert.deepEqual(lines.filter((l) => l.startsWith('applied ')), names.map((n) => `applied ${n}`));
      assert.ok(lines.includes(`Applied ${names.length} migrations.`));
      assert.match(result.stdout, /Clients linked to profiles by name \(.+\): 0 linked, 0 ambiguous, 0 without a profile\./);
      const recorded = await withDatabase(url, async (pool) =>
        (await pool.query('select version from lead_orders.schema_migrations order by version')).rows.map((r) => r.version),
      );
      assert.deepEqual(recorded, migrations.map((m) => m.version));
    });

    test('a second run applies nothing and says the database is up to date', async () => {
      const result = await cli(['--url', url]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^Database is up to date \\(${names.length} migrations applied\\)\\.$`, 'm'));
      assert.doesNotMatch(result.stdout, /^applied /m);
    });

    test('--status lists every migration as applied and none pending', async () => {
      const result = await cli(['--status', '--url', url]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^Applied \\(${names.length}\\):$`, 'm'));
      for (const name of names) assert.match(result.stdout, new RegExp(`^  ${name}  \\d{4}-\\d\\d-\\d\\dT`, 'm'));
      assert.match(result.stdout, /^Pending \(0\):\n  none$/m);
    });

    test('--with-fixtures is refused once auth.users exists, and changes nothing', async () => {
      const result = await cli(['--url', url, '--with-fixtures']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /auth\.users already exists/);
      assert.doesNotMatch(result.stdout, /Loaded/);
    });
  });

  test('--status on a database that never ran them lists all as pending and creates nothing', async () => {
    const url = await newDatabase();
    const result = await cli(['--url', url, '--status']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Applied \(0\):\n  none$/m);
    assert.match(result.stdout, new RegExp(`^Pending \\(${names.length}\\):$`, 'm'));
    for (const name of names) assert.match(result.stdout, new RegExp(`^  ${name}$`, 'm'));
    const ledger = await withDatabase(url, async (pool) => (await pool.query(`select to_regnamespace('lead_orders') as s`)).rows[0].s);
    assert.equal(ledger, null);
  });

  test("on an existing project it prints the clients an admin must link by hand", async () => {
    const url = await newDatabase();
    const [unique, twinA, twinB] = [randomUUID(), randomUUID(), randomUUID()];
    await withDatabase(url, async (pool) => {
      await pool.query(supabaseFixtureSql);
      await pool.query(agencyFixtureSql);
      await pool.query('insert into auth.users (id) values ($1), ($2), ($3)', [unique, twinA, twinB]);
      await pool.query(
        `insert into public.profiles (id, client_name) values ($1, 'Umbrella'), ($2, 'Hooli'), ($3, 'Hooli')`,
        [unique, twinA, twinB],
      );
      await pool.query(`insert into public.clients (client_name) values ('Umbrella'), ('Hooli'), ('Nobody')`);
    });
    const result = await cli(['--url', url]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes(`Applied ${names.length} migrations.`));
    assert.match(result.stdout, /: 1 linked, 1 ambiguous, 1 without a profile\./);
    assert.match(result.stdout, /^Link these by hand/m);
    assert.match(result.stdout, new RegExp(`^  ambiguous: Hooli \\(client [0-9a-f-]{36}\\): profiles ${[twinA, twinB].sort().join(', ')}$`, 'm'));
    assert.match(result.stdout, /^  missing: +Nobody \(client [0-9a-f-]{36}\)/m);
    assert.doesNotMatch(result.stdout, /Umbrella \(client/);
    const linked = await withDatabase(url, async (pool) =>
      (await pool.query(`select client_name, profile_id from public.clients order by client_name`)).rows,
    );
    assert.deepEqual(linked, [
      { client_name: 'Hooli', profile_id: null },
      { client_name: 'Nobody', profile_id: null },
      { client_name: 'Umbrella', profile_id: unique },
    ]);
  });

  test('a failing migration exits 1 naming it, keeps the earlier ones, and --status shows the rest pending', async () => {
    const url = await newDatabase();
    await withDatabase(url, async (pool) => {
      await pool.query(supabaseFixtureSql);
      await pool.query(agencyFixtureSql);
      // Something in the way: a table the orders migration wants to create.
      await pool.query('create table public.orders (id int)');
    });
    const result = await cli(['--url', url]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`Migration ${names[1]} failed: relation "orders" already exists`));
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    const status = await cli(['--url', url, '--status']);
    assert.match(status.stdout, new RegExp(`^Applied \\(1\\):\\n  ${names[0]}  `, 'm'));
    assert.match(status.stdout, new RegExp(`^Pending \\(${names.length - 1}\\):$`, 'm'));
  });

  test('an unreachable server: exit 1 and one readable line, without the password', async () => {
    const result = await cli(['--url', 'postgres://postgres:s3cret@127.0.0.1:1/postgres']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.trim(),
      'lead-orders-migrate: Could not connect to postgres://postgres:***@127.0.0.1:1/postgres: connection refused (is the server running, and is the port right?).',
    );
    assert.equal(result.stdout, '');
  });

  test('a malformed or missing URL is a usage error (exit 2) with the usage text', async () => {
    for (const args of [['--url', 'not a url'], [], ['--url', server.url, '--bogus']]) {
      const result = await cli(args);
      assert.equal(result.code, 2, `args ${args.join(' ')}`);
      assert.match(result.stderr, /^lead-orders-migrate: /);
      assert.match(result.stderr, /Usage: lead-orders-migrate --url <postgres-url>/);
    }
  });

  test('DATABASE_URL stands in for --url', async () => {
    const url = await newDatabase();
    const result = await cli(['--status'], { env: { DATABASE_URL: url } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Pending \\(${names.length}\\):$`, 'm'));
  });

  test('runs as an executable through its shebang', async () => {
    const result = await cli(['--help'], { direct: true });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Usage: lead-orders-migrate --url <postgres-url> \[--status\] \[--with-fixtures\]/);
  });
});
