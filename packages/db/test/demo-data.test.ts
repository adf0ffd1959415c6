import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { actAs, buildDemoData, fromPglite, type SqlDatabase } from '../src/index.js';
import { demoLeadStatuses, demoOrderStatuses } from '../src/demo-data.js';
import { setupDatabase } from './support/setup-database.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function freshDatabase(): Promise<SqlDatabase> {
  const db = fromPglite(new PGlite());
  await setupDatabase(db);
  return db;
}

describe('buildDemoData: the SQL text', () => {
  test('the same options give the same SQL and users', () => {
    assert.deepEqual(buildDemoData({ seed: 7 }), buildDemoData({ seed: 7 }));
    assert.deepEqual(buildDemoData({ seed: 7, clients: 3, today: '2025-03-01' }), buildDemoData({ seed: 7, clients: 3, today: '2025-03-01' }));
  });

  test('another seed gives other data and other ids', () => {
    const a = buildDemoData({ seed: 1 });
    const b = buildDemoData({ seed: 2 });
    assert.notEqual(a.sql, b.sql);
    assert.notEqual(a.users.admin.id, b.users.admin.id);
    assert.notEqual(a.users.clientA.client_id, b.users.clientA.client_id);
  });

  test('defaults are 10 clients and seed 1', () => {
    assert.deepEqual(buildDemoData(), buildDemoData({ clients: 10, seed: 1 }));
    assert.match(buildDemoData().sql, /^-- Demo data: 10 clients, seed 1\./);
  });

  test('users: one admin and two distinct clients with well-formed ids', () => {
    const { users } = buildDemoData();
    assert.equal(users.admin.role, 'admin');
    assert.equal(users.admin.client_id, undefined);
    for (const user of [users.clientA, users.clientB]) {
      assert.equal(user.role, 'client');
      assert.match(user.client_id ?? '', uuidPattern);
    }
    const ids = [users.admin.id, users.clientA.id, users.clientB.id];
    for (const id of ids) assert.match(id, uuidPattern);
    assert.equal(new Set(ids).size, 3);
    assert.notEqual(users.clientA.client_id, users.clientB.client_id);
  });

  test('with `today` every date is a literal; without it dates follow the database clock', () => {
    const fixed = buildDemoData({ today: '2025-06-15' }).sql;
    assert.doesNotMatch(fixed, /current_date|now\(\)/);
    assert.match(fixed, /date '2025-06-1\d'/);
    assert.match(buildDemoData().sql, /current_date/);
  });

  test('names with apostrophes are quoted for SQL', () => {
    const sql = buildDemoData({ seed: 3, clients: 40 }).sql;
    assert.match(sql, /O''Brien/);
  });

  test('refuses options it cannot honour', () => {
    assert.throws(() => buildDemoData({ clients: 1 }), RangeError);
    assert.throws(() => buildDemoData({ clients: 2.5 }), RangeError);
    assert.throws(() => buildDemoData({ seed: 0.5 }), RangeError);
    assert.throws(() => buildDemoData({ today: '2025-02-30' }), RangeError);
    assert.throws(() => buildDemoData({ today: '15/06/2025' }), RangeError);
  });
});

describe('buildDemoData on PGlite after the fixtures and migrations', () => {
  let db: SqlDatabase;
  const demo = buildDemoData();

  before(async () => {
    db = await freshDatabase();
    await db.transaction((tx) => tx.exec(demo.sql));
  });

  test('orders exist in every status', async () => {
    const { rows } = await db.query<{ status: string }>('select distinct status::text as status from public.orders order by 1');
    assert.deepEqual(rows.map((r) => r.status).sort(), [...demoOrderStatuses].sort());
  });

  test('leads exist in every status, in orders, outside orders, and without a client', async () => {
    const { rows } = await db.query<{ status: string }>('select distinct status from public.leads');
    assert.deepEqual(rows.map((r) => r.status).sort(), [...demoLeadStatuses].sort());
    const { rows: [shape] } = await db.query<{ in_order: number; client_only: number; unrouted: number }>(`
      select count(*) filter (where order_id is not null)::int as in_order,
             count(*) filter (where order_id is null and client_id is not null)::int as client_only,
             count(*) filter (where client_id is null)::int as unrouted
      from public.leads`);
    assert.ok(shape!.in_order > 0 && shape!.client_only > 0 && shape!.unrouted > 0, JSON.stringify(shape));
  });

  test('leads_delivered equals a recount of delivered leads for every order', async () => {
    const { rows } = await db.query(`
      select o.order_number, o.leads_delivered, count(l.id) filter (where public.is_delivered_status(l.status))::int as actual
      from public.orders o left join public.leads l on l.order_id = o.id
      group by o.id
      having o.leads_delivered <> count(l.id) filter (where public.is_delivered_status(l.status))`);
    assert.deepEqual(rows, []);
  });

  test('rebuild_order_counts finds no drift', async () => {
    const { rows } = await db.query<{ report: { orders_checked: number; drifted: unknown[] } }>(
      'select public.rebuild_order_counts() as report',
    );
    assert.ok(rows[0]!.report.orders_checked > 0);
    assert.deepEqual(rows[0]!.report.drifted, []);
  });

  test('the dashboard states are all represented: overdue, behind pace, nearly full, full, open-ended', async () => {
    const { rows: [flags] } = await db.query<Record<string, number>>(`
      select count(*) filter (where is_overdue)::int as overdue,
             count(*) filter (where pace = 'behind')::int as behind,
             count(*) filter (where pace = 'ahead')::int as ahead,
             count(*) filter (where pace = 'on_track')::int as on_track,
             count(*) filter (where is_nearly_full)::int as nearly_full,
             count(*) filter (where leads_remaining = 0 and status = 'Completed')::int as full,
             count(*) filter (where status = 'Completed' and leads_remaining > 0)::int as closed_early,
             count(*) filter (where target_delivery_date is null)::int as open_ended
      from public.order_summary`);
    for (const [name, count] of Object.entries(flags!)) assert.ok(count > 0, `no ${name} order in ${JSON.stringify(flags)}`);
  });

  test('history is recorded by the triggers and never lies in the future', async () => {
    const { rows } = await db.query<{ event_type: string }>('select distinct event_type from public.order_events');
    const types = rows.map((r) => r.event_type);
    for (const type of ['created', 'lead_assigned', 'status_changed']) assert.ok(types.includes(type), type);
    const { rows: [future] } = await db.query<{ n: number }>(`
      select (select count(*) from public.order_events where created_at > now())
           + (select count(*) from public.leads where created_at > now() or delivered_at > now()) as n`);
    assert.equal(Number(future!.n), 0);
  });

  test('the delivery counts fill the last 7 and 30 days', async () => {
    const { rows: [recent] } = await db.query<{ week: number; month: number }>(`
      select count(*) filter (where delivered_at >= now() - interval '7 days')::int as week,
             count(*) filter (where delivered_at >= now() - interval '30 days')::int as month
      from public.leads`);
    assert.ok(recent!.week > 0 && recent!.month > recent!.week, JSON.stringify(recent));
  });

  test('the three users sign in as what they are: admin sees all, each client only its own', async () => {
    const { admin, clientA, clientB } = demo.users;
    const total = Number((await db.query<{ n: string }>('select count(*) as n from public.orders')).rows[0]!.n);
    const visible = (userId: string) =>
      actAs(db, { role: 'authenticated', userId }, async (tx) =>
        (await tx.query<{ client_id: string }>('select client_id from public.orders')).rows.map((r) => r.client_id),
      );
    assert.equal((await visible(admin.id)).length, total);
    for (const user of [clientA, clientB]) {
      const seen = await visible(user.id);
      assert.ok(seen.length > 0, `${user.email} sees no orders`);
      assert.deepEqual([...new Set(seen)], [user.client_id]);
    }
  });

  test('one legacy client has purchased leads on its profile and no orders, for the backfill', async () => {
    const { rows } = await db.query(`
      select c.id from public.clients c join public.profiles p on p.id = c.profile_id
      where p.leads_purchased > 0 and not exists (select 1 from public.orders o where o.client_id = c.id)`);
    assert.equal(rows.length, 1);
    const { rows: [run] } = await db.query<{ report: { orders_created: number; leads_assigned: number } }>(
      'select public.backfill_default_orders() as report',
    );
    assert.equal(run!.report.orders_created, 1);
    assert.ok(run!.report.leads_assigned > 0);
  });
});

describe('buildDemoData with the fewest clients', () => {
  test('two clients still get every order status, applied cleanly', async () => {
    const db = await freshDatabase();
    const demo = buildDemoData({ clients: 2, seed: 42, today: '2025-01-20' });
    await db.transaction((tx) => tx.exec(demo.sql));
    const { rows } = await db.query<{ status: string }>('select distinct status::text as status from public.orders');
    assert.deepEqual(rows.map((r) => r.status).sort(), [...demoOrderStatuses].sort());
    const { rows: owners } = await db.query<{ n: number }>(
      'select count(*)::int as n from public.clients where profile_id in ($1, $2)',
      [demo.users.clientA.id, demo.users.clientB.id],
    );
    assert.equal(owners[0]!.n, 2);
  });
});
