import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, queryAs, rpc, seedWorld, type World } from './support/world.js';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

onEveryBackend('reading orders', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('get_orders pages through every order once, in priority, target date, id order', async () => {
    const { db } = backend();
    const created: string[] = [];
    for (let i = 0; i < 13; i++) {
      const order = await addOrder(db, w, w.clientIdB, 5, {
        p_priority: i % 3,
        p_target_delivery_date: i % 4 === 0 ? null : day(10 + (i % 5)),
      });
      created.push(order.id);
    }
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await rpc(db, w.clientB, 'get_orders', { p_limit: 5, p_cursor: cursor });
      assert.ok(page.items.length <= 5);
      seen.push(...page.items);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen.map((o) => o.id).sort(), [...created].sort());
    const key = (o: any) => [-o.priority, o.target_delivery_date ?? '9999-99-99', o.id];
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [key(seen[i - 1]), key(seen[i])];
      assert.ok(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))), `order at ${i}`);
    }
  });

  test('get_orders filters by client, status, target date range and search text', async () => {
    const { db } = backend();
    const tag = `Zebra-${Date.now()}`;
    const a = await addOrder(db, w, w.clientIdA, 5, { p_name: `${tag} hiring`, p_target_delivery_date: day(30) });
    const b = await addOrder(db, w, w.clientIdA, 5, { p_name: `${tag} 100%_done`, p_status: 'Paused', p_target_delivery_date: day(60) });
    const ids = (r: any) => r.items.map((o: any) => o.id).sort();
    assert.deepEqual(ids(await rpc(db, w.admin, 'get_orders', { p_search: tag })), [a.id, b.id].sort());
    assert.deepEqual(ids(await rpc(db, w.admin, 'get_orders', { p_search: tag, p_status: '{Paused}' })), [b.id]);
    assert.deepEqual(ids(await rpc(db, w.admin, 'get_orders', { p_search: tag, p_target_from: day(40), p_target_to: day(70) })), [b.id]);
    assert.deepEqual(ids(await rpc(db, w.admin, 'get_orders', { p_search: `${tag} 100%_` })), [b.id], '% and _ match literally');
    assert.deepEqual(ids(await rpc(db, w.admin, 'get_orders', { p_search: tag, p_client_id: w.clientIdB })), []);
    const byNumber = await rpc(db, w.admin, 'get_orders', { p_search: a.order_number.toLowerCase() });
    assert.ok(byNumber.items.some((o: any) => o.id === a.id));
  });

  test('get_orders refuses a forged cursor, a bad limit and an inverted date range', async () => {
    const { db } = backend();
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_cursor: 'bm90IGEgY3Vyc29y' }), 'invalid_cursor');
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_cursor: '%%%' }), 'invalid_cursor');
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_limit: 0 }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_limit: 501 }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_target_from: day(5), p_target_to: day(1) }), 'invalid_dates');
  });

  test('order_summary computes overdue, pace, nearly full and needs attention', async () => {
    const { db } = backend();
    const overdue = await addOrder(db, w, w.clientIdA, 10, { p_start_date: day(-30), p_target_delivery_date: day(-1) });
    const behind = await addOrder(db, w, w.clientIdA, 100, { p_start_date: day(-50), p_target_delivery_date: day(50) });
    const onTrack = await addOrder(db, w, w.clientIdA, 10, { p_start_date: day(-5), p_target_delivery_date: day(5) });
    const ahead = await addOrder(db, w, w.clientIdA, 100, { p_start_date: day(-10), p_target_delivery_date: day(90) });
    const nearlyFull = await addOrder(db, w, w.clientIdA, 10);
    await addLeads(db, w.clientIdA, 5, { orderId: onTrack.id });
    await addLeads(db, w.clientIdA, 40, { orderId: ahead.id });
    await addLeads(db, w.clientIdA, 9, { orderId: nearlyFull.id });
    const rows = await queryAs(db, w.admin, 'select * from public.order_summary where id = any($1)',
      [[overdue.id, behind.id, onTrack.id, ahead.id, nearlyFull.id]]);
    const by = Object.fromEntries(rows.map((r: any) => [r.id, r]));
    assert.equal(by[overdue.id].is_overdue, true);
    assert.equal(by[overdue.id].days_remaining, -1);
    assert.equal(by[overdue.id].needs_attention, true);
    assert.equal(by[behind.id].expected_delivered, 50);
    assert.equal(by[behind.id].pace, 'behind');
    assert.equal(by[onTrack.id].pace, 'on_track');
    assert.equal(by[ahead.id].pace, 'ahead');
    assert.equal(by[ahead.id].needs_attention, false);
    assert.equal(by[nearlyFull.id].is_nearly_full, true);
    assert.equal(by[nearlyFull.id].needs_attention, true);
    assert.equal(by[nearlyFull.id].pace, null);
    assert.equal(Number(by[nearlyFull.id].completion_percentage), 90);
  });

  test('get_order_details returns the order, its leads newest delivery first, and its timeline', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const leads = await addLeads(db, w.clientIdA, 3, { orderId: order.id });
    await addLeads(db, w.clientIdA, 1, { orderId: order.id, status: 'New' });
    const details = await rpc(db, w.admin, 'get_order_details', { p_order_id: order.id });
    assert.equal(details.order.id, order.id);
    assert.equal(details.order.leads_delivered, 3);
    assert.equal(details.leads.length, 4);
    assert.equal(details.leads[3].delivered_at, null, 'undelivered leads come last');
    assert.ok(leads.every((id) => details.leads.some((l: any) => l.id === id)));
    assert.equal(details.timeline[details.timeline.length - 1].event_type, 'created');
    assert.equal(details.timeline.length, 5);
    const limited = await rpc(db, w.admin, 'get_order_details', { p_order_id: order.id, p_lead_limit: 2, p_timeline_limit: 1 });
    assert.equal(limited.leads.length, 2);
    assert.equal(limited.timeline.length, 1);
    await rejectsWith(rpc(db, w.admin, 'get_order_details', { p_order_id: '00000000-0000-4000-8000-00000000000c' }), 'order_not_found');
    await rejectsWith(rpc(db, w.admin, 'get_order_details', { p_order_id: null }), 'invalid_input');
  });

  test('get_order_stats adds up statuses, quantities and recent deliveries', async () => {
    const { db } = backend();
    const before = await rpc(db, w.clientA, 'get_order_stats');
    const order = await addOrder(db, w, w.clientIdA, 4);
    await addOrder(db, w, w.clientIdA, 6, { p_status: 'Draft' });
    await addLeads(db, w.clientIdA, 3, { orderId: order.id });
    const old = await addLeads(db, w.clientIdA, 1, { orderId: order.id });
    await db.query(`update public.leads set delivered_at = now() - interval '10 days' where id = $1`, [old[0]]);
    const after = await rpc(db, w.clientA, 'get_order_stats');
    assert.equal(after.orders_total - before.orders_total, 2);
    assert.equal(after.by_status.Draft - before.by_status.Draft, 1);
    assert.equal(after.by_status.Completed - before.by_status.Completed, 1, 'the order of 4 filled up');
    assert.equal(after.leads_purchased - before.leads_purchased, 10);
    assert.equal(after.leads_delivered - before.leads_delivered, 4);
    assert.equal(after.leads_remaining - before.leads_remaining, 6);
    assert.equal(after.delivered_last_7_days - before.delivered_last_7_days, 3);
    assert.equal(after.delivered_last_30_days - before.delivered_last_30_days, 4);
    await assert.rejects(rpc(db, w.anon, 'get_order_stats'), (e: any) => e.code === '42501');
  });
});

onEveryBackend('order_summary flags are never null', (backend) => {
  test('needs_attention, is_overdue and is_nearly_full are true or false for orders without dates', async () => {
    const { db } = backend();
    const w = await seedWorld(db);
    const order = await addOrder(db, w, w.clientIdA, 10);
    const [row] = await queryAs(db, w.admin, 'select needs_attention, is_overdue, is_nearly_full, pace from public.order_summary where id = $1', [order.id]);
    assert.deepEqual(row, { needs_attention: false, is_overdue: false, is_nearly_full: false, pace: null });
  });
});

onEveryBackend('get_orders sorts', (backend) => {
  test('each sort pages through every order once, in its own order, and its cursor fits no other sort', async () => {
    const { db } = backend();
    const w = await seedWorld(db);
    for (let i = 0; i < 11; i++) {
      const order = await addOrder(db, w, w.clientIdA, 4 + (i % 3), {
        p_priority: i % 2,
        p_target_delivery_date: i % 3 === 0 ? null : day(5 + (i % 4)),
      });
      if (i % 4 > 0) await addLeads(db, w.clientIdA, i % 4, { orderId: order.id });
    }
    const comparators: Record<string, (a: any, b: any) => number> = {
      priority: (a, b) => b.priority - a.priority || (a.target_delivery_date ?? '9999').localeCompare(b.target_delivery_date ?? '9999'),
      target: (a, b) => (a.target_delivery_date ?? '9999').localeCompare(b.target_delivery_date ?? '9999') || b.priority - a.priority,
      progress: (a, b) => a.leads_delivered / a.leads_purchased - b.leads_delivered / b.leads_purchased,
      newest: (a, b) => b.created_at.localeCompare(a.created_at),
    };
    let firstCursor: string | null = null;
    for (const [sort, compare] of Object.entries(comparators)) {
      const seen: any[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await rpc(db, w.clientA, 'get_orders', { p_limit: 4, p_cursor: cursor, p_sort: sort });
        seen.push(...page.items);
        cursor = page.next_cursor;
        if (cursor) assert.doesNotMatch(cursor, /\s/);
        if (sort === 'priority' && cursor && !firstCursor) firstCursor = cursor;
      } while (cursor);
      assert.equal(new Set(seen.map((o) => o.id)).size, 11, `${sort}: every order once`);
      assert.equal(seen.length, 11);
      for (let i = 1; i < seen.length; i++) assert.ok(compare(seen[i - 1], seen[i]) <= 0, `${sort}: order at ${i}`);
    }
    await rejectsWith(rpc(db, w.clientA, 'get_orders', { p_cursor: firstCursor, p_sort: 'newest' }), 'invalid_cursor');
    await rejectsWith(rpc(db, w.clientA, 'get_orders', { p_sort: 'cheapest' }), 'invalid_input');
  });
});
