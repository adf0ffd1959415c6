import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, queryAs, rpc, seedWorld, type World } from './support/world.js';

/**
 * lead_orders.order_delivery_days holds, per order and agency day, the leads whose delivered_at
 * falls on that day; get_delivery_series reads it. After every kind of lead write it must equal
 * the count from the leads themselves.
 */
onEveryBackend('delivery days kept per order', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  /** Stored (order, day) counts that differ from the leads, for the given orders. */
  async function drift(orderIds: string[]): Promise<unknown[]> {
    const { rows } = await backend().db.query(
      `with truth as (
         select l.order_id, (l.delivered_at at time zone lead_orders.agency_time_zone())::date as day, count(*)::int as delivered
           from public.leads l where l.order_id = any ($1) and l.delivered_at is not null group by 1, 2)
       select coalesce(t.order_id, d.order_id) as order_id, coalesce(t.day, d.day) as day, t.delivered as truth, d.delivered as stored
         from truth t
         full join (select * from lead_orders.order_delivery_days where order_id = any ($1)) d on d.order_id = t.order_id and d.day = t.day
        where coalesce(t.delivered, 0) <> coalesce(d.delivered, 0)`,
      [orderIds],
    );
    return rows;
  }

  async function deliverOn(orderId: string, clientId: string, count: number, at: string): Promise<string[]> {
    const { rows } = await backend().db.query<{ id: string }>(
      `insert into public.leads (company_name, status, client_id, order_id, delivered_at)
       select 'Delivered ' || g, 'Approved', $1, $2, $3::timestamptz from generate_series(1, $4) g returning id`,
      [clientId, orderId, at, count],
    );
    return rows.map((r) => r.id);
  }

  test('every kind of lead write keeps the day counts equal to the leads', async () => {
    const { db } = backend();
    const one = await addOrder(db, w, w.clientIdA, 100);
    const two = await addOrder(db, w, w.clientIdA, 100);
    const other = await addOrder(db, w, w.clientIdB, 100);
    const orders = [one.id, two.id, other.id];
    const steps: [string, () => Promise<unknown>][] = [];
    let imported: string[] = [];
    const loose = await addLeads(db, w.clientIdA, 6);
    steps.push(['import delivered history into two orders', async () => {
      imported = await deliverOn(one.id, w.clientIdA, 3, '2025-03-03T12:00:00Z');
      await deliverOn(two.id, w.clientIdA, 2, '2025-03-04T23:30:00Z');
    }]);
    steps.push(['assign one lead', () => rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: loose[0], p_order_id: one.id })]);
    steps.push(['assign leads in bulk', () => rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: loose.slice(1, 4), p_order_id: two.id })]);
    steps.push(['move leads in bulk between orders', () => rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [imported[0], loose[1]], p_order_id: two.id })]);
    steps.push(['undeliver by status', () => db.query(`update public.leads set status = 'Rejected' where id = $1`, [loose[2]])]);
    steps.push(['deliver again by status', () => db.query(`update public.leads set status = 'Approved' where id = $1`, [loose[2]])]);
    steps.push(['edit the delivery time', () => db.query(`update public.leads set delivered_at = '2025-02-01T08:00:00Z' where id = $1`, [imported[1]])]);
    steps.push(['edit names of every lead (no delivery change)', () => db.query(`update public.leads set contact_name = 'Renamed' where client_id = $1`, [w.clientIdA])]);
    steps.push(['unassign', () => rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [loose[3]], p_order_id: null })]);
    steps.push(['hand a lead to another client', () => rpc(db, w.admin, 'assign_lead_to_client', { p_lead_id: loose[0], p_client_id: w.clientIdB, p_order_id: other.id })]);
    steps.push(['delete a delivered lead', () => db.query('delete from public.leads where id = $1', [imported[2]])]);
    for (const [name, step] of steps) {
      await step();
      assert.deepEqual(await drift(orders), [], `after: ${name}`);
    }
    const { rows } = await db.query<{ n: number }>('select sum(delivered)::int as n from lead_orders.order_delivery_days where order_id = any ($1)', [orders]);
    const { rows: counted } = await db.query<{ n: number }>('select sum(leads_delivered)::int as n from public.orders where id = any ($1)', [orders]);
    assert.equal(rows[0]!.n, counted[0]!.n, 'the days add up to the orders\' delivered counts');
  });

  test('a deleted order leaves no day counts behind', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    await deliverOn(order.id, w.clientIdA, 2, '2025-05-05T10:00:00Z');
    await db.query('delete from public.orders where id = $1', [order.id]);
    const { rows } = await db.query('select * from lead_orders.order_delivery_days where order_id = $1', [order.id]);
    assert.deepEqual(rows, []);
  });

  test('a new agency time zone moves deliveries to its days, in the counts and in the chart', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    // 23:30 UTC on 4 March is already 5 March in Auckland.
    await deliverOn(order.id, w.clientIdA, 2, '2025-03-04T23:30:00Z');
    const days = async () =>
      (await rpc(db, w.admin, 'get_delivery_series', { p_order_id: order.id, p_bucket: 'day' })).points.map((p: { date: string }) => p.date);
    assert.deepEqual(await days(), ['2025-03-04']);
    await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'Pacific/Auckland' });
    try {
      assert.deepEqual(await days(), ['2025-03-05']);
      assert.deepEqual(await drift([order.id]), []);
    } finally {
      await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'UTC' });
    }
    assert.deepEqual(await days(), ['2025-03-04']);
  });

  test('rebuild_delivery_days repairs counts a trigger-less load left wrong, and reports them', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    await db.transaction(async (tx) => {
      // As a bulk load does: triggers off for this transaction.
      await tx.exec(`set local session_replication_role = replica`);
      await tx.query(
        `insert into public.leads (company_name, status, client_id, order_id, delivered_at) values ('Loaded', 'Approved', $1, $2, '2025-06-01T09:00:00Z')`,
        [w.clientIdA, order.id],
      );
    });
    assert.equal((await drift([order.id])).length, 1);
    const report = await rpc(db, w.admin, 'rebuild_delivery_days');
    assert.ok(report.drifted >= 1);
    assert.deepEqual(await drift([order.id]), []);
    assert.deepEqual(await rpc(db, w.admin, 'rebuild_delivery_days'), { drifted: 0 });
  });

  test('concurrent assignments, moves and delivery-time edits of one order keep its days exact, without deadlock', async () => {
    const { db, pool } = backend();
    const order = await addOrder(db, w, w.clientIdA, 500);
    const spare = await addOrder(db, w, w.clientIdA, 500);
    const delivered = await deliverOn(order.id, w.clientIdA, 40, '2025-07-01T10:00:00Z');
    const loose = await addLeads(db, w.clientIdA, 40);
    // PGlite has one session: the same writes run one after the other there.
    const writes = Array.from({ length: 20 }, (_, i) => () => {
      switch (i % 4) {
        case 0:
          return rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: loose.slice(i * 2, i * 2 + 2), p_order_id: order.id });
        case 1:
          return rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [delivered[i], loose[i * 2]], p_order_id: spare.id });
        case 2:
          // Several days of the order in one statement, in the opposite order of their ids.
          return queryAs(db, w.admin, `update public.leads set delivered_at = delivered_at + interval '1 day' * (1 + $2::int % 3)
                                        where id = any ($1)`, [delivered.slice(i, i + 6).reverse(), i]);
        default:
          // Leads no other write touches: with the per-row order locks of a status change, two
          // statements sharing leads would be the direct-write case the lead triggers order.
          return queryAs(db, w.admin, `update public.leads set status = 'Rejected' where id = any ($1)`, [delivered.slice(30 + (i - 3) / 2, 32 + (i - 3) / 2)]);
      }
    });
    const results = pool ? await Promise.allSettled(writes.map((write) => write())) : [];
    if (!pool) for (const write of writes) results.push(await Promise.allSettled([write()]).then(([r]) => r!));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    assert.deepEqual(refused.filter((e) => /deadlock/i.test(e)), [], 'no deadlock');
    assert.deepEqual(await drift([order.id, spare.id]), []);
  });

  test('only admins rebuild, and no API role reads the table', async () => {
    const { db } = backend();
    await rejectsWith(rpc(db, w.clientA, 'rebuild_delivery_days'), 'forbidden');
    for (const who of [w.clientA, w.admin, w.anon]) {
      await assert.rejects(queryAs(db, who, 'select * from lead_orders.order_delivery_days'), /permission denied/);
    }
  });
});
