import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addOrder, rpc, seedWorld, type World } from './support/world.js';

onEveryBackend('get_order_forecast', (backend) => {
  let w: World;
  /** Days from today as 'YYYY-MM-DD', by the database's calendar. */
  const day = async (offset: number) =>
    (await backend().db.query<{ d: string }>('select (current_date + $1::int)::text as d', [offset])).rows[0]!.d;

  /** `count` delivered leads in the order, delivered at `atSql` (an SQL timestamptz expression). */
  async function deliver(orderId: string, clientId: string, count: number, atSql: string): Promise<void> {
    await backend().db.query(
      `insert into public.leads (company_name, status, client_id, order_id, delivered_at)
       select 'Delivered ' || g, 'Approved', $1, $2, ${atSql} from generate_series(1, $3) g`,
      [clientId, orderId, count],
    );
  }
  const setStatus = (orderId: string, status: string) =>
    rpc(backend().db, w.admin, 'update_order', { p_order_id: orderId, p_changes: { status } });

  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('projects completion at the last 14 days\' rate and compares it with the target', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 100, { p_start_date: await day(-30), p_target_delivery_date: await day(20) });
    await deliver(order.id, w.clientIdA, 10, `current_date - 30 + time '12:00'`);
    await deliver(order.id, w.clientIdA, 28, `now() - interval '2 days'`);
    const forecast = await rpc(db, w.clientA, 'get_order_forecast', { p_order_id: order.id });
    assert.deepEqual(forecast, {
      order_id: order.id,
      status: 'Active',
      window_days: 14,
      delivered_in_window: 28,
      recent_per_day: 2,
      leads_remaining: 62,
      // 62 leads at 2 a day: 31 days.
      projected_completion_date: await day(31),
      target_delivery_date: await day(20),
      on_track: false,
      needed_per_day: 3.1,
      days_to_target: 20,
    });
  });

  test('the window is today and the 13 days before it', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 100, { p_target_delivery_date: await day(100) });
    await deliver(order.id, w.clientIdA, 7, `(current_date - 13)::timestamptz + interval '1 second'`);
    await deliver(order.id, w.clientIdA, 5, `(current_date - 13)::timestamptz - interval '1 second'`);
    const forecast = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: order.id });
    assert.equal(forecast.delivered_in_window, 7);
    assert.equal(forecast.recent_per_day, 0.5);
    assert.equal(forecast.projected_completion_date, await day(176), '88 leads at 0.5 a day');
    assert.equal(forecast.on_track, false);
    assert.equal(forecast.needed_per_day, 0.88);
  });

  test('on track when the projection lands on or before the target', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 30, { p_target_delivery_date: await day(10) });
    await deliver(order.id, w.clientIdA, 14, `now() - interval '1 hour'`);
    const forecast = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: order.id });
    assert.equal(forecast.projected_completion_date, await day(16));
    assert.equal(forecast.on_track, false);
    await deliver(order.id, w.clientIdA, 6, `now() - interval '1 hour'`);
    const sooner = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: order.id });
    // 10 left at 20/14 a day: 7 days.
    assert.equal(sooner.projected_completion_date, await day(7));
    assert.equal(sooner.on_track, true);
    assert.equal(sooner.needed_per_day, 1);
  });

  test('no rate, no target, a paused, draft, completed or cancelled order', async () => {
    const { db } = backend();
    const idle = await addOrder(db, w, w.clientIdB, 10, { p_target_delivery_date: await day(4) });
    assert.deepEqual(
      (({ recent_per_day, projected_completion_date, on_track, needed_per_day, days_to_target }) => ({ recent_per_day, projected_completion_date, on_track, needed_per_day, days_to_target }))(
        await rpc(db, w.clientB, 'get_order_forecast', { p_order_id: idle.id })),
      { recent_per_day: 0, projected_completion_date: null, on_track: null, needed_per_day: 2.5, days_to_target: 4 },
    );

    const untargeted = await addOrder(db, w, w.clientIdB, 10);
    await deliver(untargeted.id, w.clientIdB, 7, `now() - interval '1 hour'`);
    const open = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: untargeted.id });
    assert.equal(open.projected_completion_date, await day(6));
    assert.equal(open.on_track, null);
    assert.equal(open.needed_per_day, null);
    assert.equal(open.days_to_target, null);

    await setStatus(untargeted.id, 'Paused');
    assert.equal((await rpc(db, w.admin, 'get_order_forecast', { p_order_id: untargeted.id })).projected_completion_date, await day(6));

    const overdue = await addOrder(db, w, w.clientIdB, 10, { p_target_delivery_date: await day(-3), p_start_date: await day(-20) });
    const late = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: overdue.id });
    assert.equal(late.days_to_target, -3);
    assert.equal(late.needed_per_day, 10, 'past the target everything remaining is needed at once');

    const draft = await addOrder(db, w, w.clientIdB, 10, { p_status: 'Draft', p_target_delivery_date: await day(5) });
    const planned = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: draft.id });
    assert.equal(planned.projected_completion_date, null);
    assert.equal(planned.needed_per_day, 2);

    await setStatus(untargeted.id, 'Completed');
    const closed = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: untargeted.id });
    assert.equal(closed.status, 'Completed');
    assert.equal(closed.projected_completion_date, null);
    assert.equal(closed.needed_per_day, null);
    await setStatus(idle.id, 'Cancelled');
    assert.equal((await rpc(db, w.admin, 'get_order_forecast', { p_order_id: idle.id })).needed_per_day, null);
  });

  test('a full order has nothing left to forecast', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5, { p_target_delivery_date: await day(5) });
    await deliver(order.id, w.clientIdA, 5, `now() - interval '1 hour'`);
    const done = await rpc(db, w.admin, 'get_order_forecast', { p_order_id: order.id });
    assert.equal(done.status, 'Completed');
    assert.equal(done.leads_remaining, 0);
    assert.equal(done.projected_completion_date, null);
    assert.equal(done.needed_per_day, null);
  });

  test('another client\'s order is order_not_found; a missing id is invalid_input', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    await rejectsWith(rpc(db, w.clientB, 'get_order_forecast', { p_order_id: order.id }), 'order_not_found');
    await rejectsWith(rpc(db, w.admin, 'get_order_forecast', { p_order_id: '00000000-0000-4000-8000-00000000000c' }), 'order_not_found');
    await rejectsWith(rpc(db, w.admin, 'get_order_forecast', { p_order_id: null }), 'invalid_input');
  });
});
