import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, rpc, seedWorld, type World } from './support/world.js';

onEveryBackend('get_delivery_series', (backend) => {
  let w: World;
  /** Days from today as 'YYYY-MM-DD', by the database's calendar. */
  const day = async (offset: number) =>
    (await backend().db.query<{ d: string }>('select (current_date + $1::int)::text as d', [offset])).rows[0]!.d;

  /** `count` delivered leads in the order, delivered at midday of `date` (history imported with its times). */
  async function deliver(orderId: string, clientId: string, count: number, date: string): Promise<void> {
    await backend().db.query(
      `insert into public.leads (company_name, status, client_id, order_id, delivered_at)
       select 'Delivered ' || g, 'Approved', $1, $2, $3::date + time '12:00' from generate_series(1, $4) g`,
      [clientId, orderId, date, count],
    );
  }

  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('per day: every day from the first delivery to the last, zeros included, cumulative ending at the delivered count', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 20, { p_start_date: '2025-03-01', p_target_delivery_date: '2025-03-31' });
    await deliver(order.id, w.clientIdA, 2, '2025-03-03');
    await deliver(order.id, w.clientIdA, 1, '2025-03-05');
    await deliver(order.id, w.clientIdA, 3, '2025-03-06');
    await addLeads(db, w.clientIdA, 2, { orderId: order.id, status: 'New' });
    const series = await rpc(db, w.clientA, 'get_delivery_series', { p_order_id: order.id, p_bucket: 'day' });
    assert.deepEqual(series, {
      order_id: order.id,
      bucket: 'day',
      start_date: '2025-03-01',
      target_delivery_date: '2025-03-31',
      leads_purchased: 20,
      leads_delivered: 6,
      points: [
        { date: '2025-03-03', delivered: 2, cumulative: 2 },
        { date: '2025-03-04', delivered: 0, cumulative: 2 },
        { date: '2025-03-05', delivered: 1, cumulative: 3 },
        { date: '2025-03-06', delivered: 3, cumulative: 6 },
      ],
    });
  });

  test('per week: buckets start on Monday', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 20);
    await deliver(order.id, w.clientIdA, 2, '2025-03-03'); // Monday
    await deliver(order.id, w.clientIdA, 4, '2025-03-09'); // Sunday, same week
    await deliver(order.id, w.clientIdA, 1, '2025-03-18'); // Tuesday, two weeks on
    const series = await rpc(db, w.admin, 'get_delivery_series', { p_order_id: order.id, p_bucket: 'week' });
    assert.equal(series.bucket, 'week');
    assert.deepEqual(series.points, [
      { date: '2025-03-03', delivered: 6, cumulative: 6 },
      { date: '2025-03-10', delivered: 0, cumulative: 6 },
      { date: '2025-03-17', delivered: 1, cumulative: 7 },
    ]);
  });

  test('auto picks days for a short order and weeks when the order spans more than 90 days', async () => {
    const { db } = backend();
    const short = await addOrder(db, w, w.clientIdA, 10, { p_start_date: await day(-10), p_target_delivery_date: await day(20) });
    await deliver(short.id, w.clientIdA, 1, await day(-9));
    const long = await addOrder(db, w, w.clientIdA, 10, { p_start_date: await day(-10), p_target_delivery_date: await day(120) });
    const started = await addOrder(db, w, w.clientIdA, 10, { p_start_date: await day(-100) });
    assert.equal((await rpc(db, w.admin, 'get_delivery_series', { p_order_id: short.id })).bucket, 'day');
    assert.equal((await rpc(db, w.admin, 'get_delivery_series', { p_order_id: short.id, p_bucket: 'auto' })).bucket, 'day');
    assert.equal((await rpc(db, w.admin, 'get_delivery_series', { p_order_id: long.id })).bucket, 'week');
    assert.equal((await rpc(db, w.admin, 'get_delivery_series', { p_order_id: started.id })).bucket, 'week', 'no target: spans to today');
    assert.equal((await rpc(db, w.admin, 'get_delivery_series', { p_order_id: short.id, p_bucket: 'week' })).bucket, 'week');
  });

  test('an order without deliveries has no points', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdB, 10);
    const series = await rpc(db, w.clientB, 'get_delivery_series', { p_order_id: order.id });
    assert.deepEqual(series.points, []);
    assert.equal(series.leads_delivered, 0);
  });

  test('another client\'s order is order_not_found; bad input is invalid_input', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    await rejectsWith(rpc(db, w.clientB, 'get_delivery_series', { p_order_id: order.id }), 'order_not_found');
    await rejectsWith(rpc(db, w.admin, 'get_delivery_series', { p_order_id: '00000000-0000-4000-8000-00000000000c' }), 'order_not_found');
    await rejectsWith(rpc(db, w.admin, 'get_delivery_series', { p_order_id: null }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'get_delivery_series', { p_order_id: order.id, p_bucket: 'month' }), 'invalid_input');
  });
});
