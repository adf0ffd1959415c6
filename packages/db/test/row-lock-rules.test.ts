import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { databaseErrors, type DatabaseErrorCode, type Identity } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { openSession, waitUntilBlocked } from './support/sessions.js';
import { addLeads, addOrder, orderRow, queryAs, rpc, seedWorld, type World } from './support/world.js';

/**
 * Every rule that depends on the order's state (status, capacity, quantity, client) is decided
 * under the order's row lock, on the row as it is after waiting for whoever holds it.
 *
 * On PostgreSQL two real connections are interleaved step by step: the first changes the order
 * and holds its lock without committing; the second writes a lead and must wait; the first
 * commits; the second must then be refused on the order's new state. PGlite has one session, so
 * nothing can wait there: the same two steps run one after the other and must end the same way.
 */
onEveryBackend('rules decided under the order\'s row lock', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  const sqlState = (code: DatabaseErrorCode) => Object.entries(databaseErrors).find(([, e]) => e.code === code)![0];

  /**
   * `change` (SQL run as the admin) holds the order while `write` (SQL run as `writer`) starts;
   * after `change` commits, `write` must be refused with `code`.
   */
  async function refusedAfterWaiting(change: [string, unknown[]], write: [string, unknown[]], code: DatabaseErrorCode, writer: Identity = w.admin) {
    const { db, pool } = backend();
    if (!pool) {
      await queryAs(db, w.admin, change[0], change[1]);
      const error = await queryAs(db, writer, write[0], write[1]).then(() => undefined, (e) => e);
      assert.equal(error?.code, sqlState(code), `expected ${code}, got ${error?.code} ${error?.message}`);
      return;
    }
    const first = await openSession(pool, w.admin);
    const second = await openSession(pool, writer);
    try {
      await first.query(change[0], change[1]);
      const pending = second.start(write[0], write[1]);
      await waitUntilBlocked(pool, second.pid, pending);
      await first.commit();
      const outcome = await pending;
      assert.equal(outcome.error?.code, sqlState(code),
        `expected ${code} after waiting, got ${outcome.error ? `${outcome.error.code} ${outcome.error.message}` : 'success'}`);
      await second.rollback();
    } finally {
      await first.rollback().catch(() => undefined);
      await second.rollback().catch(() => undefined);
      first.release();
      second.release();
    }
  }

  async function activeOrder(purchased = 5, delivered = 1) {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, purchased);
    if (delivered > 0) await addLeads(db, w.clientIdA, delivered, { orderId: order.id });
    return order;
  }

  async function unchanged(orderId: string, delivered: number, leadIds: string[]) {
    const { db } = backend();
    assert.equal((await orderRow(db, orderId)).leads_delivered, delivered);
    const { rows } = await db.query('select count(*)::int as n from public.leads where id = any ($1) and order_id is not distinct from $2', [leadIds, orderId]);
    assert.equal(rows[0].n, 0, 'no lead joined the order');
  }

  const pause = (orderId: string): [string, unknown[]] => [`select public.update_order($1, '{"status": "Paused"}')`, [orderId]];

  test('assign_lead_to_order waiting for an order being paused is refused with order_not_active once the pause commits', async () => {
    const order = await activeOrder();
    const [lead] = await addLeads(backend().db, w.clientIdA, 1);
    await refusedAfterWaiting(pause(order.id), ['select public.assign_lead_to_order($1, $2)', [lead, order.id]], 'order_not_active');
    await unchanged(order.id, 1, [lead!]);
  });

  test('a direct update of leads.order_id waiting for an order being paused is refused with order_not_active', async () => {
    const order = await activeOrder();
    const [lead] = await addLeads(backend().db, w.clientIdA, 1);
    await refusedAfterWaiting(pause(order.id), ['update public.leads set order_id = $2 where id = $1', [lead, order.id]], 'order_not_active');
    await unchanged(order.id, 1, [lead!]);
  });

  test('a lead that does not count yet (status New) also waits for the order and is refused once it is paused', async () => {
    const order = await activeOrder();
    const [lead] = await addLeads(backend().db, w.clientIdA, 1, { status: 'New' });
    await refusedAfterWaiting(pause(order.id), ['select public.assign_lead_to_order($1, $2)', [lead, order.id]], 'order_not_active');
    await unchanged(order.id, 1, [lead!]);
  });

  test('assign_leads_to_order waiting for an order being cancelled by a direct update is refused with order_not_active', async () => {
    const order = await activeOrder();
    const leads = await addLeads(backend().db, w.clientIdA, 3);
    await refusedAfterWaiting([`update public.orders set status = 'Cancelled' where id = $1`, [order.id]],
      ['select public.assign_leads_to_order($1, $2)', [leads, order.id]], 'order_not_active');
    await unchanged(order.id, 1, leads);
  });

  test('assign_lead_to_client with an order being paused is refused with order_not_active', async () => {
    const order = await activeOrder();
    const [lead] = await addLeads(backend().db, w.clientIdB, 1);
    await refusedAfterWaiting(pause(order.id), ['select public.assign_lead_to_client($1, $2, $3)', [lead, w.clientIdA, order.id]], 'order_not_active');
    await unchanged(order.id, 1, [lead!]);
  });

  test('an assignment waiting for a quantity cut that fills the order is refused on the order as it is after the cut', async () => {
    const order = await activeOrder(5, 2);
    const [lead] = await addLeads(backend().db, w.clientIdA, 1, { status: 'New' });
    // Cutting the quantity to the delivered count completes the order automatically.
    await refusedAfterWaiting([`select public.update_order($1, '{"leads_purchased": 2}')`, [order.id]],
      ['update public.leads set order_id = $2 where id = $1', [lead, order.id]], 'order_not_active');
    await unchanged(order.id, 2, [lead!]);
    assert.equal((await orderRow(backend().db, order.id)).status, 'Completed');
  });

  test('a lead approved inside an order while the order\'s quantity is cut to its delivered count is refused with order_full', async () => {
    const order = await activeOrder(5, 2);
    const [lead] = await addLeads(backend().db, w.clientIdA, 1, { status: 'New', orderId: order.id });
    await refusedAfterWaiting([`select public.update_order($1, '{"leads_purchased": 2}')`, [order.id]],
      [`update public.leads set status = 'Approved' where id = $1`, [lead]], 'order_full');
    assert.equal((await orderRow(backend().db, order.id)).leads_delivered, 2);
  });
});
