import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { addLeads, addOrder, rpc, seedWorld, type World } from './support/world.js';

/**
 * No reference from order tracking to auth.users or profiles blocks deleting a user (as
 * Supabase Auth does: `delete from auth.users`). Orders and their history stay; the actor is
 * forgotten (null), the event is kept.
 */
onEveryBackend('deleting a user', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('an admin who created orders and assigned leads can be deleted; the orders and their history stay without the actor', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [lead] = await addLeads(db, w.clientIdA, 1);
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: order.id });
    const events = (await db.query('select count(*)::int as n from public.order_events where order_id = $1', [order.id])).rows[0].n;
    assert.ok(events >= 2);

    await db.query('delete from auth.users where id = $1', [w.adminId]);

    const row = (await db.query('select created_by, leads_delivered from public.orders where id = $1', [order.id])).rows[0];
    assert.deepEqual([row.created_by, row.leads_delivered], [null, 1]);
    const kept = (await db.query('select count(*)::int as n, count(actor_id)::int as actors from public.order_events where order_id = $1', [order.id])).rows[0];
    assert.deepEqual([kept.n, kept.actors], [events, 0]);
  });

  test('a client user can be deleted; the client keeps its orders, now without a linked profile', async () => {
    const { db } = backend();
    const { rows } = await db.query('select count(*)::int as n from public.orders where client_id = $1', [w.clientIdA]);
    await db.query('delete from auth.users where id = $1', [w.userA]);
    const client = (await db.query('select profile_id from public.clients where id = $1', [w.clientIdA])).rows[0];
    assert.equal(client.profile_id, null);
    assert.equal((await db.query('select count(*)::int as n from public.orders where client_id = $1', [w.clientIdA])).rows[0].n, rows[0].n);
  });
});
