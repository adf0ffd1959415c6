import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { agencyFixtureSql, migrations, supabaseFixtureSql } from '../src/index.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';

// `lead-orders-migrate export`: our migrations written into a Supabase CLI project's migrations
// folder, then applied as `supabase db push` applies a folder (each file, in name order, in its
// own transaction) on a real PostgreSQL 17.

const cliPath = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// The CLI runs in the project's folder, where tsx cannot be found by name.
const tsx = import.meta.resolve('tsx');
const files = migrations.map((m) => `${m.version}_${m.name}.sql`).sort();

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, cliPath, ...args], { cwd, env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A Supabase CLI project: `supabase/migrations` with one migration of the host's own. */
function supabaseProject(): { project: string; dir: string } {
  const project = mkdtempSync(join(tmpdir(), 'lo-supabase-project-'));
  const dir = join(project, 'supabase', 'migrations');
  return { project, dir };
}

describe('lead-orders-migrate export', () => {
  test('writes every migration under its own file name and timestamp into a new folder', async () => {
    const { project, dir } = supabaseProject();
    const result = await cli(['export', '--dir', 'supabase/migrations'], project);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(dir).sort(), files);
    for (const m of migrations) {
      const text = readFileSync(join(dir, `${m.version}_${m.name}.sql`), 'utf8');
      assert.ok(text.startsWith(m.sql.trimEnd()), `${m.name} starts with the migration as it is`);
      assert.match(text, new RegExp(`insert into lead_orders\\.schema_migrations .*'${m.version}', '${m.name}'`));
    }
    assert.match(result.stdout, new RegExp(`^Wrote ${files.length} migrations to supabase/migrations \\(0 already there\\)`, 'm'));
    rmSync(project, { recursive: true });
  });

  test('a second run writes nothing and leaves the files untouched', async () => {
    const { project, dir } = supabaseProject();
    assert.equal((await cli(['export', '--dir', dir], project)).code, 0);
    const before = new Map(files.map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    const again = await cli(['export', '--dir', dir], project);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`already has all ${files.length} migrations; nothing written\\.`));
    for (const f of files) assert.equal(statSync(join(dir, f)).mtimeMs, before.get(f), f);
    rmSync(project, { recursive: true });
  });

  test('--dir defaults to supabase/migrations and only missing files are added', async () => {
    const { project, dir } = supabaseProject();
    assert.equal((await cli(['export'], project)).code, 0);
    rmSync(join(dir, files.at(-1)!));
    const result = await cli(['export'], project);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^wrote supabase/migrations/${files.at(-1)}$`, 'm'));
    assert.match(result.stdout, new RegExp(`\\(${files.length - 1} already there\\)`));
    rmSync(project, { recursive: true });
  });

  test('an edited file of ours is refused by name and nothing is written', async () => {
    const { project, dir } = supabaseProject();
    assert.equal((await cli(['export'], project)).code, 0);
    writeFileSync(join(dir, files[0]!), '-- edited\n');
    rmSync(join(dir, files[1]!));
    const result = await cli(['export'], project);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`${files[0]} is already there with other contents`));
    assert.deepEqual(readdirSync(dir).includes(files[1]!), false, 'the missing file was not written');
    assert.equal(readFileSync(join(dir, files[0]!), 'utf8'), '-- edited\n');
    rmSync(project, { recursive: true });
  });

  test("another migration on one of our timestamps is refused", async () => {
    const { project, dir } = supabaseProject();
    assert.equal((await cli(['export'], project)).code, 0);
    const version = files[2]!.slice(0, 14);
    rmSync(join(dir, files[2]!));
    writeFileSync(join(dir, `${version}_host_table.sql`), 'create table public.host_table (id int);\n');
    const result = await cli(['export'], project);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`${version}_host_table\\.sql already uses the timestamp of ${files[2]}`));
    rmSync(project, { recursive: true });
  });

  test('options that belong to migrating are usage errors (exit 2)', async () => {
    const cwd = tmpdir();
    for (const args of [['export', '--url', 'postgres://u@h/db'], ['export', '--status'], ['--dir', 'x', '--url', 'postgres://u@h/db'], ['exprot']]) {
      const result = await cli(args, cwd);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Usage: lead-orders-migrate/);
    }
  });

  describe('applied by `supabase db push` on PostgreSQL 17', () => {
    let server: EmbeddedServer;
    let pool: pg.Pool;
    let url: string;
    let project: string;
    before(async () => {
      server = await startEmbeddedPostgres({ version: 17 });
      url = server.url;
      pool = new pg.Pool({ connectionString: url, max: 1 });
      await pool.query(supabaseFixtureSql);
      await pool.query(agencyFixtureSql);
      ({ project } = supabaseProject());
      assert.equal((await cli(['export'], project)).code, 0);
      // What `supabase db push` does with the folder: every file in name order, each in a transaction.
      const dir = join(project, 'supabase', 'migrations');
      for (const file of readdirSync(dir).sort()) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query(readFileSync(join(dir, file), 'utf8'));
          await client.query('commit');
        } finally {
          client.release();
        }
      }
    });
    after(async () => {
      await pool?.end();
      await server?.stop();
      if (project) rmSync(project, { recursive: true });
    });

    test('the schema is there and lead-orders-migrate sees every migration as applied', async () => {
      const { rows } = await pool.query(`select to_regclass('public.orders') is not null as orders`);
      assert.equal(rows[0].orders, true);
      const status = await cli(['--status', '--url', url], project);
      assert.equal(status.code, 0, status.stderr);
      assert.match(status.stdout, new RegExp(`^Applied \\(${files.length}\\):$`, 'm'));
      assert.match(status.stdout, /^Pending \(0\):\n {2}none$/m);
      const run = await cli(['--url', url], project);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Database is up to date \\(${files.length} migrations applied\\)\\.$`, 'm'));
    });
  });
});
