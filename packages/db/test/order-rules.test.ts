import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, orderRow, queryAs, rpc, seedWorld, type World } from './support/world.js';

const statuses = ['Draft', 'Active', 'Paused', 'Completed', 'Cancelled'] as const;
const legal = new Set([
  'Draft>Active', 'Draft>Cancelled',
  'Active>Paused', 'Active>Completed', 'Active>Cancelled',
  'Paused>Active', 'Paused>Completed', 'Paused>Cancelled',
  'Completed>Active',
]);

onEveryBackend('order rules', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  /** An order of 10 in `status`, reached through legal transitions, with one delivered lead. */
  async function orderIn(status: (typeof statuses)[number]): Promise<string> {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    await addLeads(db, w.clientIdA, 1, { orderId: order.id });
    const path: Record<string, string[]> = {
      Draft: [], Active: [], Paused: ['Paused'], Completed: ['Completed'], Cancelled: ['Cancelled'],
    };
    if (status === 'Draft') {
      const draft = await addOrder(db, w, w.clientIdA, 10, { p_status: 'Draft' });
      return draft.id;
    }
    for (const step of path[status]!) await rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { status: step } });
    return order.id;
  }

  test('create_order returns the summary row with an automatic ORD-<year>-NNN number', async () => {
    const { db } = backend();
    const order = await rpc(db, w.admin, 'create_order', {
      p_client_id: w.clientIdA, p_leads_purchased: 100, p_name: 'Q1 Hiring Blitz',
      p_start_date: '2026-01-01', p_target_delivery_date: '2026-03-31', p_priority: 2,
    });
    assert.match(order.order_number, new RegExp(`^ORD-${new Date().getUTCFullYear()}-\\d{3,}$`));
    assert.equal(order.status, 'Draft');
    assert.equal(order.leads_remaining, 100);
    assert.equal(order.client_name.startsWith('Acme'), true);
    assert.equal(order.created_by, w.adminId);
    const created = (await db.query(`select data from public.order_events where order_id = $1 and event_type = 'created'`, [order.id])).rows;
    assert.equal(created[0].data.leads_purchased, 100);
  });

  test('automatic numbers skip a number already chosen by hand', async () => {
    const { db } = backend();
    const first = await addOrder(db, w, w.clientIdA, 1);
    const [, year, n] = /^ORD-(\d+)-(\d+)$/.exec(first.order_number)!;
    const next = `ORD-${year}-${String(Number(n) + 1).padStart(3, '0')}`;
    await addOrder(db, w, w.clientIdA, 1, { p_order_number: next });
    const after = await addOrder(db, w, w.clientIdA, 1);
    assert.equal(after.order_number, `ORD-${year}-${String(Number(n) + 2).padStart(3, '0')}`);
  });

  test('automatic numbers keep counting past 999', async () => {
    const { db } = backend();
    const year = new Date().getUTCFullYear();
    await db.query('update public.order_number_counters set last_value = 998 where year = $1', [year]);
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await addOrder(db, w, w.clientIdA, 1)).order_number);
    assert.deepEqual(numbers, [`ORD-${year}-999`, `ORD-${year}-1000`, `ORD-${year}-1001`]);
  });

  test('create_order validates its input', async () => {
    const { db } = backend();
    await addOrder(db, w, w.clientIdA, 5, { p_order_number: 'Order 1' });
    await rejectsWith(addOrder(db, w, w.clientIdB, 5, { p_order_number: 'Order 1' }), 'order_number_taken');
    await rejectsWith(addOrder(db, w, w.clientIdA, 0), 'invalid_quantity');
    await rejectsWith(addOrder(db, w, w.clientIdA, -3), 'invalid_quantity');
    await rejectsWith(addOrder(db, w, '00000000-0000-4000-8000-00000000000a', 5), 'client_not_found');
    await rejectsWith(addOrder(db, w, w.clientIdA, 5, { p_start_date: '2026-05-01', p_target_delivery_date: '2026-04-01' }), 'invalid_dates');
    await rejectsWith(addOrder(db, w, w.clientIdA, 5, { p_order_number: '   ' }), 'invalid_input');
    await rejectsWith(addOrder(db, w, w.clientIdA, 5, { p_status: 'Completed' }), 'invalid_status_transition');
    await rejectsWith(rpc(db, w.clientA, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5 }), 'forbidden');
    const count = await db.query(`select count(*)::int as n from public.orders where order_number = 'Order 1'`);
    assert.equal(count.rows[0].n, 1);
  });

  test('every status transition is allowed or refused as documented', async () => {
    const { db } = backend();
    for (const from of statuses) {
      for (const to of statuses) {
        if (from === to) continue;
        const id = await orderIn(from);
        const call = rpc(db, w.admin, 'update_order', { p_order_id: id, p_changes: { status: to } });
        if (legal.has(`${from}>${to}`)) {
          const order = await call;
          assert.equal(order.status, to, `${from} -> ${to}`);
          assert.equal(order.completion_date !== null, to === 'Completed', `completion_date for ${from} -> ${to}`);
        } else {
          const error = await rejectsWith(call, 'invalid_status_transition');
          assert.deepEqual([JSON.parse(error.detail).from, JSON.parse(error.detail).to], [from, to]);
          assert.equal((await orderRow(db, id)).status, from);
        }
      }
    }
  });

  test('an Active order that fills up completes itself, and reopens when a lead leaves', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 2);
    const [a] = await addLeads(db, w.clientIdA, 2, { orderId: order.id });
    let row = await orderRow(db, order.id);
    assert.equal(row.status, 'Completed');
    assert.ok(row.completion_date);
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: a, p_order_id: null });
    row = await orderRow(db, order.id);
    assert.equal(row.status, 'Active');
    assert.equal(row.completion_date, null);
    const changes = (await db.query(`select data from public.order_events where order_id = $1 and event_type = 'status_changed' order by id`, [order.id])).rows.map((r: any) => r.data);
    assert.deepEqual(changes, [
      { from: 'Active', to: 'Completed', automatic: true },
      { from: 'Completed', to: 'Active', automatic: true },
    ]);
  });

  test('an order completed by hand below 100% stays completed when a lead leaves', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [a] = await addLeads(db, w.clientIdA, 2, { orderId: order.id });
    await rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { status: 'Completed' } });
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: a, p_order_id: null });
    assert.equal((await orderRow(db, order.id)).status, 'Completed');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { status: 'Draft' } }), 'invalid_status_transition');
  });

  test('a full Completed order cannot be reopened until its quantity grows, and growing it reopens it', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 1);
    await addLeads(db, w.clientIdA, 1, { orderId: order.id });
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { status: 'Active' } }), 'invalid_status_transition', /full/);
    const grown = await rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { leads_purchased: 3 } });
    assert.equal(grown.status, 'Active');
    assert.equal(grown.leads_remaining, 2);
  });

  test('update_order refuses unknown keys, wrong types and quantities below delivered, changing nothing', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5, { p_name: 'Spring' });
    await addLeads(db, w.clientIdA, 3, { orderId: order.id });
    const unknown = await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { name: 'X', leads_delivered: 0, client_id: w.clientIdB } }), 'unknown_field');
    assert.deepEqual(JSON.parse(unknown.detail).fields, ['client_id', 'leads_delivered']);
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { leads_purchased: 2 } }), 'quantity_below_delivered');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { leads_purchased: 0 } }), 'invalid_quantity');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { leads_purchased: '7' } }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { priority: 1.5 } }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { target_delivery_date: '31/12/2026' } }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { target_delivery_date: '2026-02-30' } }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { status: 'Done' } }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: JSON.stringify(['name']) }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { start_date: '2027-01-02', target_delivery_date: '2027-01-01' } }), 'invalid_dates');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: '00000000-0000-4000-8000-00000000000b', p_changes: { name: 'x' } }), 'order_not_found');
    const row = await orderRow(db, order.id);
    assert.deepEqual([row.name, row.leads_purchased, row.leads_delivered, row.status], ['Spring', 5, 3, 'Active']);
  });

  test('update_order changes the given fields and records the quantity change', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const updated = await rpc(db, w.admin, 'update_order', {
      p_order_id: order.id,
      p_changes: { name: 'Renamed', description: null, leads_purchased: 8, priority: 3, target_delivery_date: '2027-06-30', order_number: `Custom ${order.id.slice(0, 6)}` },
    });
    assert.deepEqual([updated.name, updated.description, updated.leads_purchased, updated.priority, updated.target_delivery_date],
      ['Renamed', null, 8, 3, '2027-06-30']);
    const change = (await db.query(`select data from public.order_events where order_id = $1 and event_type = 'quantity_changed'`, [order.id])).rows[0];
    assert.deepEqual(change.data, { from: 5, to: 8 });
  });

  test('direct writes through PostgREST obey the same rules', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    await addLeads(db, w.clientIdA, 2, { orderId: order.id });
    await rejectsWith(queryAs(db, w.admin, 'update public.orders set leads_delivered = 0 where id = $1', [order.id]), 'delivered_count_read_only');
    await rejectsWith(queryAs(db, w.admin, 'update public.orders set client_id = $2 where id = $1', [order.id, w.clientIdB]), 'order_client_immutable');
    await rejectsWith(queryAs(db, w.admin, 'update public.orders set leads_purchased = 1 where id = $1', [order.id]), 'quantity_below_delivered');
    await rejectsWith(queryAs(db, w.admin, `update public.orders set status = 'Draft' where id = $1`, [order.id]), 'invalid_status_transition');
    const inserted = await queryAs(db, w.admin,
      `insert into public.orders (client_id, leads_purchased, leads_delivered, status) values ($1, 4, 4, 'Active') returning leads_delivered, order_number`, [w.clientIdA]);
    assert.equal(inserted[0].leads_delivered, 0, 'a new order starts with no deliveries whatever is sent');
    assert.match(inserted[0].order_number, /^ORD-/);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 2);
  });
});
