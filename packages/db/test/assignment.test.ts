import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, orderRow, queryAs, recount, rpc, seedWorld, type World } from './support/world.js';

onEveryBackend('assigning leads to orders', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('assigning a delivered lead counts it, stamps delivered_at and records the event', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [lead] = await addLeads(db, w.clientIdA, 1);
    const result = await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id });
    assert.equal(result.lead.order_id, order.id);
    assert.ok(result.lead.delivered_at, 'delivered_at is set');
    assert.equal(result.order.leads_delivered, 1);
    assert.equal(result.order.leads_remaining, 4);
    assert.equal(result.previous_order, null);
    const events = await db.query(`select event_type, lead_id, actor_id from public.order_events where order_id = $1 order by id`, [order.id]);
    assert.deepEqual(events.rows.map((e: any) => e.event_type), ['created', 'lead_assigned']);
    assert.equal(events.rows[1].actor_id, w.adminId);
  });

  test('a lead that is not delivered yet joins without counting, and counts once approved', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 3);
    const [lead] = await addLeads(db, w.clientIdA, 1, { status: 'New' });
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 0);
    await queryAs(db, w.admin, `update public.leads set status = 'Lead' where id = $1`, [lead]);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 1);
    await queryAs(db, w.admin, `update public.leads set status = 'Rejected' where id = $1`, [lead]);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 0);
    const types = (await db.query(`select event_type from public.order_events where order_id = $1 order by id`, [order.id])).rows.map((r: any) => r.event_type);
    assert.deepEqual(types, ['created', 'lead_assigned', 'lead_delivered', 'lead_undelivered']);
  });

  test('moving a lead between orders changes both counts and records the move on both', async () => {
    const { db } = backend();
    const from = await addOrder(db, w, w.clientIdA, 5);
    const to = await addOrder(db, w, w.clientIdA, 5);
    const [lead] = await addLeads(db, w.clientIdA, 1, { orderId: from.id });
    const result = await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: to.id });
    assert.equal(result.order.leads_delivered, 1);
    assert.equal(result.previous_order.leads_delivered, 0);
    for (const id of [from.id, to.id]) {
      const moved = await db.query(`select data from public.order_events where order_id = $1 and event_type = 'lead_moved'`, [id]);
      assert.equal(moved.rows.length, 1);
      assert.equal(moved.rows[0].data.from_order_id, from.id);
      assert.equal(moved.rows[0].data.to_order_id, to.id);
    }
  });

  test('unassigning (null order) takes the lead out and clears delivered_at', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [lead] = await addLeads(db, w.clientIdA, 1, { orderId: order.id });
    const result = await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: null });
    assert.equal(result.lead.order_id, null);
    assert.equal(result.lead.delivered_at, null);
    assert.equal(result.order, null);
    assert.equal(result.previous_order.leads_delivered, 0);
  });

  test('deleting a lead or handing it to another client takes it out of the order', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [gone, handed] = await addLeads(db, w.clientIdA, 2, { orderId: order.id });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 2);
    await queryAs(db, w.admin, 'delete from public.leads where id = $1', [gone]);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 1);
    await queryAs(db, w.admin, 'update public.leads set client_id = $2 where id = $1', [handed, w.clientIdB]);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 0);
    const lead = (await db.query('select order_id from public.leads where id = $1', [handed])).rows[0];
    assert.equal(lead.order_id, null);
    const reasons = (await db.query(`select data->>'reason' as reason from public.order_events where order_id = $1 and event_type = 'lead_unassigned' order by id`, [order.id])).rows.map((r: any) => r.reason);
    assert.deepEqual(reasons, ['lead_deleted', 'client_changed']);
  });

  test('a lead of another client is refused with lead_client_mismatch', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [lead] = await addLeads(db, w.clientIdB, 1);
    await rejectsWith(rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id }), 'lead_client_mismatch');
    assert.equal((await db.query('select order_id from public.leads where id = $1', [lead])).rows[0].order_id, null);
  });

  test('only Active orders take leads', async () => {
    const { db } = backend();
    const [lead] = await addLeads(db, w.clientIdA, 1);
    for (const status of ['Draft', 'Paused']) {
      const order = await addOrder(db, w, w.clientIdA, 5, { p_status: status });
      const error = await rejectsWith(rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id }), 'order_not_active', new RegExp(status));
      assert.equal(JSON.parse(error.detail).status, status);
    }
  });

  test('a full order refuses more delivered leads, also through a direct update of leads.order_id', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 2);
    const leads = await addLeads(db, w.clientIdA, 3);
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: leads[0], p_order_id: order.id });
    // Two of two turns the order Completed, so the third is refused as not active ...
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: leads[1], p_order_id: order.id });
    assert.equal((await orderRow(db, order.id)).status, 'Completed');
    await rejectsWith(queryAs(db, w.admin, 'update public.leads set order_id = $2 where id = $1', [leads[2], order.id]), 'order_not_active');
    // ... and a pending lead already inside a Paused full order cannot be approved past capacity.
    const paused = await addOrder(db, w, w.clientIdA, 1);
    const [pending] = await addLeads(db, w.clientIdA, 1, { status: 'New', orderId: paused.id });
    const [approved] = await addLeads(db, w.clientIdA, 1, { orderId: paused.id });
    assert.equal((await orderRow(db, paused.id)).status, 'Completed');
    const error = await rejectsWith(queryAs(db, w.admin, `update public.leads set status = 'Approved' where id = $1`, [pending]), 'order_full', /full/);
    assert.equal(JSON.parse(error.detail).leads_remaining, 0);
    assert.equal(await recount(db, paused.id), 1);
    assert.ok(approved);
  });

  test('assign_leads_to_order is all or nothing and explains a shortfall', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 3);
    const leads = await addLeads(db, w.clientIdA, 4);
    const error = await rejectsWith(rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: leads, p_order_id: order.id }), 'order_full', /3 places left; these leads need 4/);
    assert.deepEqual(JSON.parse(error.detail).leads_needed, 4);
    const stillFree = await db.query('select count(*)::int as n from public.leads where id = any($1) and order_id is null', [leads]);
    assert.equal(stillFree.rows[0].n, 4);
    const ok = await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [...leads.slice(0, 3), leads[0]], p_order_id: order.id });
    assert.equal(ok.leads.length, 3);
    assert.equal(ok.order.leads_delivered, 3);
    assert.equal(ok.order.status, 'Completed');
  });

  test('assign_leads_to_order refuses unknown ids and empty lists', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 3);
    const [lead] = await addLeads(db, w.clientIdA, 1);
    const missing = '00000000-0000-4000-8000-000000000001';
    const error = await rejectsWith(rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [lead, missing], p_order_id: order.id }), 'lead_not_found');
    assert.deepEqual(JSON.parse(error.detail).lead_ids, [missing]);
    await rejectsWith(rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [], p_order_id: order.id }), 'invalid_input');
    assert.equal((await orderRow(db, order.id)).leads_delivered, 0);
  });

  test('assign_lead_to_client sets client and order together, or the client alone', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdB, 3);
    const [lead, other] = await addLeads(db, null, 2);
    const result = await rpc(db, w.admin, 'assign_lead_to_client', { p_lead_id: lead, p_client_id: w.clientIdB, p_order_id: order.id });
    assert.equal(result.lead.client_id, w.clientIdB);
    assert.equal(result.lead.order_id, order.id);
    assert.equal(result.order.leads_delivered, 1);
    const alone = await rpc(db, w.admin, 'assign_lead_to_client', { p_lead_id: other, p_client_id: w.clientIdB });
    assert.equal(alone.lead.order_id, null);
    assert.equal(alone.order, null);
    await rejectsWith(rpc(db, w.admin, 'assign_lead_to_client', { p_lead_id: other, p_client_id: '00000000-0000-4000-8000-000000000002' }), 'client_not_found');
    await rejectsWith(rpc(db, w.admin, 'assign_lead_to_client', { p_lead_id: '00000000-0000-4000-8000-000000000003', p_client_id: w.clientIdB }), 'lead_not_found');
  });

  test('writers other than admins and the service role are refused with forbidden', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 3);
    const [lead] = await addLeads(db, w.clientIdA, 1);
    await rejectsWith(rpc(db, w.clientA, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id }), 'forbidden');
    const viaService = await rpc(db, w.service, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id });
    assert.equal(viaService.order.leads_delivered, 1);
  });

  test('an order being deleted releases its leads without history errors', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 3);
    const leads = await addLeads(db, w.clientIdA, 2, { orderId: order.id });
    await queryAs(db, w.admin, 'delete from public.orders where id = $1', [order.id]);
    const rows = await db.query('select order_id, delivered_at from public.leads where id = any($1)', [leads]);
    assert.ok(rows.rows.every((r: any) => r.order_id === null && r.delivered_at === null));
  });
});
