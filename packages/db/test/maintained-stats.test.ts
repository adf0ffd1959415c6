import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import pg from 'pg';
import { actAs, type SqlDatabase } from '../src/index.js';
import { fromPgPool, startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';
import { setupDatabase } from './support/setup-database.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, queryAs, rpc, seedWorld, type World } from './support/world.js';

// get_order_stats reads maintained totals (a log of differences folded now and then) and the
// open_orders mirror instead of scanning orders. Random sequences of everything that changes an
// order — created, re-quantified, re-dated, moved through its statuses, filled and emptied by
// leads, deleted, several at once, rolled back — must leave the numbers equal to a recount from
// order_summary after every step, for the admin and for each client; a rebuild must find nothing
// to repair.

const RUNS = Number(process.env.STATS_RUNS ?? 25);
const MAX_STEPS = 25;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The numbers get_order_stats returns, recounted from order_summary and leads (the definitions). */
async function recountStats(db: SqlDatabase, clients: string[] | null): Promise<Record<string, unknown>> {
  const { rows } = await db.query<{ r: Record<string, unknown> }>(
    `select jsonb_build_object(
       'orders_total', count(*),
       'by_status', jsonb_build_object(
         'Draft', count(*) filter (where s.status = 'Draft'), 'Active', count(*) filter (where s.status = 'Active'),
         'Paused', count(*) filter (where s.status = 'Paused'), 'Completed', count(*) filter (where s.status = 'Completed'),
         'Cancelled', count(*) filter (where s.status = 'Cancelled')),
       'active', count(*) filter (where s.status = 'Active'),
       'overdue', count(*) filter (where s.is_overdue),
       'needs_attention', count(*) filter (where s.needs_attention),
       'leads_purchased', coalesce(sum(s.leads_purchased), 0),
       'leads_delivered', coalesce(sum(s.leads_delivered), 0),
       'leads_remaining', coalesce(sum(s.leads_remaining), 0),
       'delivered_last_7_days', (select count(*) from public.leads l where l.delivered_at >= now() - interval '7 days'
                                  and ($1::uuid[] is null or l.client_id = any ($1))),
       'delivered_last_30_days', (select count(*) from public.leads l where l.delivered_at >= now() - interval '30 days'
                                  and ($1::uuid[] is null or l.client_id = any ($1)))) as r
     from public.order_summary s where $1::uuid[] is null or s.client_id = any ($1)`,
    [clients],
  );
  return rows[0]!.r;
}

/** Maintained numbers equal the recount: as admin over everything, per client, and as each client. */
async function assertStatsExact(db: SqlDatabase, w: World, step: string): Promise<void> {
  assert.deepEqual(await rpc(db, w.admin, 'get_order_stats'), await recountStats(db, null), `admin, after ${step}`);
  for (const clientId of [w.clientIdA, w.clientIdB, w.clientIdC]) {
    assert.deepEqual(await rpc(db, w.admin, 'get_order_stats', { p_client_id: clientId }), await recountStats(db, [clientId]),
      `admin for one client, after ${step}`);
  }
  assert.deepEqual(await rpc(db, w.clientA, 'get_order_stats'), await recountStats(db, [w.clientIdA]), `client A, after ${step}`);
}

type Step =
  | { kind: 'create'; client: 0 | 1 | 2; purchased: number; status: 'Draft' | 'Active' | 'Paused'; start: number | null; target: number | null }
  | { kind: 'status'; order: number; to: 'Draft' | 'Active' | 'Paused' | 'Completed' | 'Cancelled' }
  | { kind: 'quantity'; order: number; purchased: number }
  | { kind: 'dates'; order: number; start: number | null; target: number | null }
  | { kind: 'fill'; order: number; leads: number; status: 'Approved' | 'Lead' | 'New' }
  | { kind: 'unassign'; order: number }
  | { kind: 'leadStatus'; order: number; status: 'Approved' | 'New' }
  | { kind: 'deleteOrder'; order: number }
  | { kind: 'bulkRedate'; client: 0 | 1 | 2; target: number }
  | { kind: 'rolledBack'; order: number }
  | { kind: 'compact' };

const orderRef = fc.nat({ max: 7 });
// Days from today; yesterday, today and tomorrow often, where the flags turn and where the agency's
// date and the server's part.
const nearDay = fc.oneof(fc.integer({ min: -1, max: 1 }), fc.integer({ min: -40, max: 40 }));
const offset = fc.option(nearDay, { nil: null });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), client: fc.constantFrom(0 as const, 1 as const, 2 as const),
    purchased: fc.integer({ min: 1, max: 12 }), status: fc.constantFrom('Draft' as const, 'Active' as const, 'Paused' as const), start: offset, target: offset }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), order: orderRef,
    to: fc.constantFrom('Draft' as const, 'Active' as const, 'Paused' as const, 'Completed' as const, 'Cancelled' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('quantity' as const), order: orderRef, purchased: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dates' as const), order: orderRef, start: offset, target: offset }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fill' as const), order: orderRef, leads: fc.integer({ min: 1, max: 6 }),
    status: fc.constantFrom('Approved' as const, 'Lead' as const, 'New' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unassign' as const), order: orderRef }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leadStatus' as const), order: orderRef, status: fc.constantFrom('Approved' as const, 'New' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteOrder' as const), order: orderRef }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bulkRedate' as const), client: fc.constantFrom(0 as const, 1 as const, 2 as const), target: nearDay }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rolledBack' as const), order: orderRef }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
);

/** Runs one step; refusals (full, wrong status, illegal transition) are part of the sequence. */
async function apply(db: SqlDatabase, w: World, orders: string[], step: Step): Promise<void> {
  const clients = [w.clientIdA, w.clientIdB, w.clientIdC];
  const order = 'order' in step ? orders[step.order % Math.max(orders.length, 1)] : undefined;
  const refusals = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error: any) {
      if (!/^LO\d{3}$/.test(error.code)) throw error;
    }
  };
  switch (step.kind) {
    case 'create': {
      const created = await addOrder(db, w, clients[step.client]!, step.purchased, {
        p_status: step.status,
        p_start_date: step.start === null || step.target === null ? (step.start === null ? null : day(step.start)) : day(Math.min(step.start, step.target)),
        p_target_delivery_date: step.target === null ? null : step.start === null ? day(step.target) : day(Math.max(step.start, step.target)),
      });
      orders.push(created.id);
      return;
    }
    case 'status':
      if (order) await refusals(rpc(db, w.admin, 'update_order', { p_order_id: order, p_changes: { status: step.to } }));
      return;
    case 'quantity':
      if (order) await refusals(rpc(db, w.admin, 'update_order', { p_order_id: order, p_changes: { leads_purchased: step.purchased } }));
      return;
    case 'dates':
      if (order) {
        await refusals(rpc(db, w.admin, 'update_order', {
          p_order_id: order,
          p_changes: { start_date: step.start === null ? null : day(step.start), target_delivery_date: step.target === null ? null : day(step.target) },
        }));
      }
      return;
    case 'fill': {
      if (!order) return;
      const { rows } = await db.query<{ client_id: string }>('select client_id from public.orders where id = $1', [order]);
      const leads = await addLeads(db, rows[0]!.client_id, step.leads, { status: step.status });
      await refusals(rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: leads, p_order_id: order }));
      return;
    }
    case 'unassign':
      if (order) await db.query('update public.leads set order_id = null where id = (select id from public.leads where order_id = $1 limit 1)', [order]);
      return;
    case 'leadStatus':
      if (order) {
        await refusals(db.query('update public.leads set status = $2 where id = (select id from public.leads where order_id = $1 order by id limit 1)', [order, step.status]));
      }
      return;
    case 'deleteOrder':
      if (order) {
        await db.query('delete from public.orders where id = $1', [order]);
        orders.splice(orders.indexOf(order), 1);
      }
      return;
    case 'bulkRedate':
      // Several orders in one statement (owner, as a data fix would be).
      await db.query(`update public.orders set target_delivery_date = $2::date, start_date = least(start_date, $2::date)
                       where client_id = $1 and status in ('Active', 'Paused', 'Draft')`, [clients[step.client], day(step.target)]);
      return;
    case 'rolledBack':
      if (!order) return;
      await assert.rejects(db.transaction(async (tx) => {
        await tx.query(`update public.orders set leads_purchased = leads_purchased + 5, target_delivery_date = $2::date,
                                                start_date = least(start_date, $2::date) where id = $1`, [order, day(-3)]);
        await tx.query('delete from public.orders where id = $1', [order]);
        throw new Error('roll back');
      }), /roll back/);
      return;
    case 'compact':
      await db.query('select lead_orders.compact_order_totals()');
      return;
  }
}

onEveryBackend('maintained dashboard totals', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  // UTC, and an agency zone on another date than the server's UTC session at the time of the run
  // (UTC+14 is a day ahead from 10:00 UTC, UTC−11 a day behind until 11:00 UTC), so the overdue
  // and pace flags are counted from a date current_date does not give.
  const otherDateZone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  for (const zone of ['UTC', otherDateZone]) {
    test(`get_order_stats equals a recount from order_summary after every step of random sequences (agency zone ${zone})`, async () => {
      const { db } = backend();
      await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: zone });
      try {
        if (zone !== 'UTC') {
          const { rows } = await db.query<{ differs: boolean }>(
            `select lead_orders.agency_today() <> (now() at time zone 'UTC')::date as differs`);
          assert.ok(rows[0]!.differs, `${zone} is on another date than UTC`);
        }
        await fc.assert(
          fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: MAX_STEPS }), async (steps) => {
            const orders: string[] = [];
            for (const [i, step] of steps.entries()) {
              await apply(db, w, orders, step);
              await assertStatsExact(db, w, `step ${i + 1} (${step.kind})`);
            }
          }),
          { numRuns: RUNS },
        );
      } finally {
        await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'UTC' });
      }
    });
  }

  test('rebuild_order_totals finds the maintained totals, open orders and progress keys equal to a recount', async () => {
    const { db } = backend();
    const report = await rpc(db, w.admin, 'rebuild_order_totals');
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.orders');
    assert.deepEqual(report, { orders_checked: rows[0]!.n, drifted: [], open_orders_drifted: 0, progress_drifted: 0 });
  });

  test('rebuild_order_totals reports and repairs totals changed behind the triggers', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdB, 9, { p_target_delivery_date: day(-5), p_start_date: day(-30) });
    // A bulk load with triggers off, as the benchmark's loader does.
    await db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query('update public.orders set leads_purchased = 20, leads_delivered = 3, status = $2 where id = $1', [order.id, 'Paused']);
    });
    const before = await rpc(db, w.admin, 'get_order_stats', { p_client_id: w.clientIdB });
    assert.notDeepEqual(before, await recountStats(db, [w.clientIdB]), 'the change bypassed the triggers');
    const report = await rpc(db, w.admin, 'rebuild_order_totals');
    assert.deepEqual(report.drifted.map((d: any) => [d.client_id, d.status]).sort(),
      [[w.clientIdB, 'Active'], [w.clientIdB, 'Paused']].sort());
    assert.equal(report.open_orders_drifted, 1);
    assert.equal(report.progress_drifted, 1);
    await assertStatsExact(db, w, 'the rebuild');
    const again = await rpc(db, w.admin, 'rebuild_order_totals');
    assert.deepEqual([again.drifted, again.open_orders_drifted, again.progress_drifted], [[], 0, 0]);
  });

  test('folding the log changes no number, and a rolled-back change leaves no difference behind', async () => {
    const { db } = backend();
    // Away from a multiple of 64, where the trigger would fold by itself.
    await db.query(`select setval('lead_orders.order_totals_log_seq', 1)`);
    const order = await addOrder(db, w, w.clientIdA, 4);
    const expected = await recountStats(db, null);
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('update public.orders set leads_purchased = 40 where id = $1', [order.id]);
      throw new Error('roll back');
    }));
    const { rows } = await db.query<{ folded: number | null }>('select lead_orders.compact_order_totals() as folded');
    assert.ok(rows[0]!.folded! >= 1, 'the log held this test\'s differences');
    const { rows: log } = await db.query<{ n: number }>('select count(*)::int as n from lead_orders.order_totals_log');
    assert.equal(log[0]!.n, 0);
    assert.deepEqual(await rpc(db, w.admin, 'get_order_stats'), expected);
  });

  test('the totals, the log and open_orders are out of reach of every API role; only admins rebuild', async () => {
    const { db } = backend();
    for (const table of ['lead_orders.order_totals', 'lead_orders.order_totals_all', 'lead_orders.order_totals_log',
      'lead_orders.open_orders', 'lead_orders.order_progress']) {
      for (const who of [w.anon, w.clientA, w.admin, w.service]) {
        await assert.rejects(queryAs(db, who, `select * from ${table}`), (e: any) => e.code === '42501', `${table} as ${who.role}`);
      }
      await assert.rejects(queryAs(db, w.admin, `insert into lead_orders.order_totals_log values ($1, 'Active', 1, 1, 1)`, [w.clientIdA]),
        (e: any) => e.code === '42501');
    }
    for (const fn of ['lead_orders.compact_order_totals()', 'lead_orders.order_totals_for(null)', `lead_orders.estimated_rows('select 1')`]) {
      await assert.rejects(queryAs(db, w.admin, `select ${fn}`), (e: any) => e.code === '42501', fn);
    }
    await rejectsWith(rpc(db, w.clientA, 'rebuild_order_totals'), 'forbidden');
    await assert.rejects(rpc(db, w.anon, 'rebuild_order_totals'), (e: any) => e.code === '42501');
    const report = await rpc(db, w.service, 'rebuild_order_totals');
    assert.deepEqual(report.drifted, []);
  });
});

// Many connections at once on a real server (PGlite has a single session, so it cannot race).
describe('maintained dashboard totals under concurrent writers (postgres 17)', () => {
  let server: EmbeddedServer;
  let pool: pg.Pool;
  let db: SqlDatabase;
  let w: World;

  before(async () => {
    server = await startEmbeddedPostgres({ version: 17 });
    pool = new pg.Pool({ connectionString: server.url, max: 30 });
    db = fromPgPool(pool);
    await setupDatabase(db);
    w = await seedWorld(db);
  });
  after(async () => {
    await pool?.end();
    await server?.stop();
  });

  test('a writer holding one order of a client never makes a writer of another order of that client wait', async () => {
    const x = await addOrder(db, w, w.clientIdA, 10);
    const y = await addOrder(db, w, w.clientIdA, 10);
    const [first, second] = [await pool.connect(), await pool.connect()];
    try {
      await first.query('begin');
      await first.query('update public.orders set leads_purchased = 11 where id = $1', [x.id]);
      // A shared per-client counter row would be locked by the first writer until it commits:
      // this update would wait for it, and the first writer's next update would then deadlock.
      await second.query('begin');
      await second.query(`set local lock_timeout = '20s'`);
      await second.query('update public.orders set leads_purchased = 12 where id = $1', [y.id]);
      await second.query('commit');
      await first.query('update public.orders set leads_purchased = 13 where id = $1', [y.id]);
      await first.query('commit');
    } finally {
      first.release();
      second.release();
    }
    await assertStatsExact(db, w, 'the interleaved writers');
  });

  test('parallel assignments, moves between orders and quantity changes lose no difference and never deadlock', async () => {
    const orders: string[] = [];
    for (const client of [w.clientIdA, w.clientIdA, w.clientIdA, w.clientIdB]) orders.push((await addOrder(db, w, client, 60)).id);
    const leadsA = await addLeads(db, w.clientIdA, 120, { status: 'Approved' });
    const leadsB = await addLeads(db, w.clientIdB, 40, { status: 'Lead' });
    const jobs: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < 120; i++) {
      // Each lead goes to one order of its client, then half of them move to another, in both directions.
      jobs.push(async () => {
        await actAs(db, w.admin, (tx) => tx.query('select public.assign_lead_to_order($1, $2)', [leadsA[i], orders[i % 3]]));
        if (i % 2 === 0) await actAs(db, w.admin, (tx) => tx.query('select public.assign_lead_to_order($1, $2)', [leadsA[i], orders[(i + 1) % 3]]));
      });
    }
    for (let i = 0; i < 40; i++) jobs.push(() => actAs(db, w.admin, (tx) => tx.query('select public.assign_lead_to_order($1, $2)', [leadsB[i], orders[3]])));
    for (let i = 0; i < 20; i++) {
      jobs.push(() => actAs(db, w.admin, (tx) => tx.query(`select public.update_order($1, jsonb_build_object('leads_purchased', 70 + $2::int))`, [orders[i % 4], i])));
    }
    // Interleave the kinds of work (a fixed shuffle), 25 at a time.
    const order = jobs.map((job, i) => ({ job, at: (i * 37) % jobs.length })).sort((a, b) => a.at - b.at).map((x) => x.job);
    const results: PromiseSettledResult<unknown>[] = [];
    for (let i = 0; i < order.length; i += 25) results.push(...(await Promise.allSettled(order.slice(i, i + 25).map((job) => job()))));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => `${r.reason.code} ${r.reason.message}`);
    assert.deepEqual(failures, []);
    await assertStatsExact(db, w, 'the parallel writers');
    const report = await rpc(db, w.admin, 'rebuild_order_totals');
    assert.deepEqual([report.drifted, report.open_orders_drifted, report.progress_drifted], [[], 0, 0]);
  });
});
