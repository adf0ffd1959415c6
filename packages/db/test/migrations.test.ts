import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import {
  applyMigrations,
  databaseErrors,
  MigrationChecksumError,
  MigrationFailedError,
  migrations,
  type SqlDatabase,
} from '../src/index.js';
import { fromPgPool, startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';
import { renderSqlBundle } from '../src/sql-bundle-source.js';
import { setupDatabase } from './support/setup-database.js';

for (const version of [15, 17] as const) {
  describe(`migrations on PostgreSQL ${version}`, () => {
    let server: EmbeddedServer;
    let pool: pg.Pool;
    let db: SqlDatabase;
    before(async () => {
      server = await startEmbeddedPostgres({ version });
      pool = new pg.Pool({ connectionString: server.url });
      db = fromPgPool(pool);
    });
    after(async () => {
      await pool.end();
      await server.stop();
    });

    test('apply cleanly on the fixture schema, in order, and record each once', async () => {
      await setupDatabase(db);
      const { rows } = await db.query<{ version: string }>('select version from lead_orders.schema_migrations order by version');
      assert.deepEqual(rows.map((r) => r.version), migrations.map((m) => m.version));
      const serverVersion = (await db.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
      assert.ok(serverVersion.startsWith(String(version)), serverVersion);
    });

    test('a second run applies nothing', async () => {
      assert.deepEqual(await applyMigrations(db, migrations), []);
    });

    test('an applied migration that was edited afterwards is refused', async () => {
      const edited = migrations.map((m, i) => (i === 2 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await assert.rejects(applyMigrations(db, edited), MigrationChecksumError);
    });

    test('a failing migration leaves nothing behind and names itself', async () => {
      const broken = [...migrations, { version: '29991231000000', name: 'broken', sql: 'create table public.half_done (id int); select 1/0;' }];
      await assert.rejects(applyMigrations(db, broken), (e: any) => e instanceof MigrationFailedError && /29991231000000_broken/.test(e.message));
      const { rows } = await db.query(`select to_regclass('public.half_done') as t, (select count(*)::int from lead_orders.schema_migrations where version = '29991231000000') as n`);
      assert.deepEqual(rows[0], { t: null, n: 0 });
    });

    test('every function follows the Supabase linter: fixed search_path, no anon execute', async () => {
      const { rows } = await db.query<{ name: string; config: string[] | null; anon: boolean; public: boolean }>(`
        select n.nspname || '.' || p.proname as name, p.proconfig as config,
               has_function_privilege('anon', p.oid, 'execute') as anon,
               exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where (n.nspname = 'lead_orders' or (n.nspname = 'public' and p.proname not in ('is_admin', 'update_updated_at_column')))`);
      assert.ok(rows.length >= 30, `found ${rows.length} functions`);
      for (const fn of rows) {
        assert.ok(fn.config?.includes('search_path=""'), `${fn.name} sets search_path = ''`);
        assert.equal(fn.anon, false, `${fn.name} is not executable by anon`);
        assert.equal(fn.public, false, `${fn.name} is not executable by public`);
      }
    });

    test('SECURITY DEFINER is used only where needed', async () => {
      const { rows } = await db.query<{ name: string }>(`
        select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and n.nspname in ('public', 'lead_orders') and p.proname <> 'is_admin' order by 1`);
      assert.deepEqual(rows.map((r) => r.name), [
        // Triggers that keep counts and history right whoever changes a lead or an order.
        'lead_orders.leads_after_statement',
        'lead_orders.leads_before_write',
        // Keeps the per-day delivery counts behind the delivery chart, in a table no API role may write.
        // Keeps the n-grams behind short lead searches, in a table no API role may read or write.
        'lead_orders.leads_keep_search_ngrams',
        'lead_orders.leads_tally_delivery_days',
        'lead_orders.orders_after_insert',
        'lead_orders.orders_before_update',
        'lead_orders.orders_drop_delivery_days',
        // Keep the dashboard totals and sort keys, in tables no API role may write.
        'lead_orders.orders_progress_after_write',
        'lead_orders.orders_totals_after_write',
        // Records which profile names an admin set, in a table nobody else may touch.
        'lead_orders.record_client_name_setter',
        // Writes: the explicit admin check first, then the tables as their owner, so the agency's
        // per-row policies on clients and leads never run inside them.
        'public.assign_lead_to_client',
        'public.assign_lead_to_order',
        'public.assign_leads_to_order',
        'public.backfill_default_orders',
        'public.create_order',
        // Scope explicitly: every client for admins, the caller's own otherwise.
        'public.get_delivery_series',
        'public.get_order_forecast',
        'public.get_order_stats',
        'public.get_orders',
        // Checks is_order_admin() first: the client picker and order-number checks are admin tools.
        'public.is_order_number_available',
        'public.link_clients_to_profiles',
        'public.list_clients',
        // Scopes explicitly, like get_orders, and returns only the columns the caller may see.
        'public.list_leads',
        // Reads clients.profile_id for policies without recursing into clients' own policies.
        'public.my_client_ids',
        // Checks is_order_admin() first; draws from a counter table nobody else may touch.
        'public.next_order_number',
        'public.preview_order_number',
        // Checks is_order_admin() first; rewrites counts nobody else may touch.
        'public.rebuild_delivery_days',
        'public.rebuild_lead_search_ngrams',
        'public.rebuild_order_counts',
        // Checks is_order_admin() first; rewrites the totals nobody else may touch.
        'public.rebuild_order_totals',
        // Checks is_order_admin() first; the settings table is writable by nobody else.
        'public.set_agency_time_zone',
        'public.update_order',
      ]);
    });

    test('orders and their history are published to Realtime; the summary view is security_invoker', async () => {
      const { rows } = await db.query<{ t: string }>(`select tablename as t from pg_publication_tables where pubname = 'supabase_realtime' order by 1`);
      assert.deepEqual(rows.map((r) => r.t), ['order_events', 'orders']);
      const view = await db.query<{ options: string[] }>(`select reloptions as options from pg_class where oid = 'public.order_summary'::regclass`);
      assert.deepEqual(view.rows[0]!.options, ['security_invoker=true']);
    });

    test('the error codes in SQL, in TypeScript and in the README are the same list', async () => {
      const { rows } = await db.query<{ sqlstate: string; code: string }>('select sqlstate, code from lead_orders.error_codes order by sqlstate');
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.sqlstate, r.code])),
        Object.fromEntries(Object.entries(databaseErrors).map(([state, e]) => [state, e.code])));
      const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
      for (const [state, e] of Object.entries(databaseErrors)) {
        assert.ok(readme.includes(`| ${state} | ${e.code} | ${e.when} |`), `README documents ${state}`);
      }
    });
  });
}

test('src/generated/sql.ts matches the SQL files (run `npm run generate -w packages/db`)', () => {
  const onDisk = readFileSync(new URL('../src/generated/sql.ts', import.meta.url), 'utf8');
  assert.equal(onDisk, renderSqlBundle());
});
