import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { actAs } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { addOrder, rpc, seedWorld, type World } from './support/world.js';

/**
 * lead_orders.delivery_hours (folded) plus lead_orders.delivery_hours_log hold, per UTC hour, the
 * leads whose delivered_at falls in it; the admin's get_order_stats adds whole hours from them and
 * counts the rest of the window's first hour from the leads. Around both window edges, after
 * inserts, moves, unassignments, deletions, folds and a load that bypassed the triggers, the
 * numbers must equal a plain count of the leads, at the same now().
 */
onEveryBackend('delivered leads per hour for the dashboard', (backend) => {
  let w: World;
  let order: { id: string };
  before(async () => {
    w = await seedWorld(backend().db);
    order = await addOrder(backend().db, w, w.clientIdA, 10_000);
  });

  /** get_order_stats as admin and the count from the leads, in one transaction (one now()). */
  async function both(): Promise<{ stats: { last7: number; last30: number }; count: { last7: number; last30: number } }> {
    return actAs(backend().db, w.admin, async (tx) => {
      const { rows: [s] } = await tx.query<{ s: { delivered_last_7_days: number; delivered_last_30_days: number } }>(
        'select public.get_order_stats() as s',
      );
      const { rows: [c] } = await tx.query<{ last7: number; last30: number }>(
        `select count(*) filter (where delivered_at >= now() - interval '7 days')::int as last7,
                count(*) filter (where delivered_at >= now() - interval '30 days')::int as last30
           from public.leads`,
      );
      return { stats: { last7: s!.s.delivered_last_7_days, last30: s!.s.delivered_last_30_days }, count: c! };
    });
  }

  /** Hours whose folded rows plus log differ from the leads. */
  async function driftedHours(): Promise<number> {
    const { rows } = await backend().db.query<{ n: number }>(
      `select count(*)::int as n
         from (select hour, sum(delivered) as delivered
                 from (select hour, delivered from lead_orders.delivery_hours
                       union all select hour, delivered from lead_orders.delivery_hours_log) t group by hour) s
         full join (select date_bin('1 hour', delivered_at, '2000-01-01 00:00:00+00'::timestamptz) as hour, count(*) as delivered
                      from public.leads where delivered_at is not null group by 1) r on r.hour = s.hour
        where coalesce(s.delivered, 0) <> coalesce(r.delivered, 0)`,
    );
    return rows[0]!.n;
  }

  /** Leads delivered every 5 minutes through the hours around each window's start, and some later. */
  async function deliverAroundEdges(): Promise<string[]> {
    const { rows } = await backend().db.query<{ id: string }>(
      `insert into public.leads (company_name, status, client_id, order_id, delivered_at)
       select 'Edge ' || g, 'Approved', $1, $2, at
         from (select e.edge + k * interval '5 minutes' as at, row_number() over () as g
                 from (values (date_bin('1 hour', now() - interval '7 days', '2000-01-01 00:00:00+00'::timestamptz)),
                              (date_bin('1 hour', now() - interval '30 days', '2000-01-01 00:00:00+00'::timestamptz))) e(edge)
                cross join generate_series(-14, 26) k
               union all
               select now() - k * interval '1 day', 1000 + k from generate_series(0, 40, 3) k) x
       returning id`,
      [w.clientIdA, order.id],
    );
    return rows.map((r) => r.id);
  }

  test('the admin\'s last 7 and 30 days equal a count of the leads around both window edges, through every change', async () => {
    const { db } = backend();
    const leads = await deliverAroundEdges();
    let now = await both();
    assert.ok(now.count.last7 > 0 && now.count.last30 > now.count.last7, `deliveries on both sides of the edges (${JSON.stringify(now.count)})`);
    assert.deepEqual(now.stats, now.count, 'after the inserts');
    assert.equal(await driftedHours(), 0);

    // Unassigned (delivered_at cleared), moved back, status changed, deleted: each an update or
    // delete of leads across many hours.
    await db.query('update public.leads set order_id = null where id = any ($1)', [leads.filter((_, i) => i % 3 === 0)]);
    now = await both();
    assert.deepEqual(now.stats, now.count, 'after unassigning a third');
    await db.query(`update public.leads set status = 'New' where id = any ($1)`, [leads.filter((_, i) => i % 3 === 1)]);
    now = await both();
    assert.deepEqual(now.stats, now.count, 'after undelivering a third');
    await db.query('delete from public.leads where id = any ($1)', [leads.filter((_, i) => i % 5 === 2)]);
    now = await both();
    assert.deepEqual(now.stats, now.count, 'after deleting a fifth');
    await db.query(`update public.leads set delivered_at = delivered_at - interval '2 hours' where id = any ($1) and delivered_at is not null`, [leads]);
    now = await both();
    assert.deepEqual(now.stats, now.count, 'after moving delivery times back two hours');
    assert.equal(await driftedHours(), 0);

    // Folded or not, the same numbers.
    const { rows: [folded] } = await db.query<{ n: number | null }>('select lead_orders.compact_delivery_hours() as n');
    assert.ok((folded!.n ?? 0) > 0, 'the log held rows to fold');
    now = await both();
    assert.deepEqual(now.stats, now.count, 'after folding the log');
    const { rows: [log] } = await db.query<{ n: number }>('select count(*)::int as n from lead_orders.delivery_hours_log');
    assert.equal(log!.n, 0);
    assert.equal(await driftedHours(), 0);
  });

  test('a load that bypassed the triggers is repaired by rebuild_delivery_days, hours included', async () => {
    const { db } = backend();
    await db.transaction(async (tx) => {
      await tx.exec('set local session_replication_role = replica');
      await tx.query(
        `insert into public.leads (company_name, status, client_id, order_id, delivered_at)
         select 'Loaded ' || g, 'Approved', $1, $2, now() - g * interval '37 minutes' from generate_series(1, 30) g`,
        [w.clientIdA, order.id],
      );
    });
    assert.ok((await driftedHours()) > 0, 'the load left hours uncounted');
    await rpc(db, w.admin, 'rebuild_delivery_days');
    assert.equal(await driftedHours(), 0);
    const now = await both();
    assert.deepEqual(now.stats, now.count);
    const { rows: [again] } = await db.query<{ n: number }>('select lead_orders.rebuild_delivery_hours() as n');
    assert.equal(again!.n, 0, 'nothing left to repair');
  });

  test('the hour tally is out of reach of every API role', async () => {
    const { db } = backend();
    for (const who of [w.clientA, w.admin]) {
      for (const table of ['lead_orders.delivery_hours', 'lead_orders.delivery_hours_log']) {
        await assert.rejects(actAs(db, who, (tx) => tx.query(`select * from ${table}`)), /permission denied/);
      }
      await assert.rejects(actAs(db, who, (tx) => tx.query('select lead_orders.rebuild_delivery_hours()')), /permission denied/);
    }
  });
});
