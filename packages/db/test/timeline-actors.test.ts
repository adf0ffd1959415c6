import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { addLeads, addOrder, rpc, seedWorld, type World } from './support/world.js';

/**
 * The timeline of get_order_details names who made each change for admins (the profile's
 * full_name as actor_name) and never for clients, who read the same events with actor_name null.
 */
onEveryBackend('who made each change in the timeline', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  test("an admin reads each event's actor by name; the order's client reads the same events without names", async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    const [lead] = await addLeads(db, w.clientIdA, 1);
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id });

    const asAdmin = (await rpc(db, w.admin, 'get_order_details', { p_order_id: order.id })).timeline;
    assert.ok(asAdmin.length >= 2, 'created and assigned');
    for (const event of asAdmin) {
      assert.equal(event.actor_id, w.adminId);
      assert.equal(event.actor_name, 'Ada Admin', event.event_type);
    }
    const asService = (await rpc(db, w.service, 'get_order_details', { p_order_id: order.id })).timeline;
    assert.deepEqual(asService.map((e: { actor_name: string }) => e.actor_name), asAdmin.map(() => 'Ada Admin'));

    const asClient = (await rpc(db, w.clientA, 'get_order_details', { p_order_id: order.id })).timeline;
    assert.deepEqual(asClient.map((e: { id: number }) => e.id), asAdmin.map((e: { id: number }) => e.id), 'the same events');
    assert.ok(asClient.every((e: { actor_name: unknown }) => e.actor_name === null), 'no names for a client');
  });

  test('an event without an acting user (written by the owner, or a deleted user) has no name', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    // As the owner, outside any request: no auth.uid().
    const [lead] = await addLeads(db, w.clientIdA, 1, { orderId: order.id });
    const timeline = (await rpc(db, w.admin, 'get_order_details', { p_order_id: order.id })).timeline;
    const assigned = timeline.find((e: { lead_id: string }) => e.lead_id === lead);
    assert.equal(assigned.actor_id, null);
    assert.equal(assigned.actor_name, null);
  });
});
