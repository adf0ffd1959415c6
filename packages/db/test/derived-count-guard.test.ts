import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { actAs } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, orderRow, queryAs, recount, rpc, seedWorld, type World } from './support/world.js';

/**
 * orders.leads_delivered is written only by the code that derives it from the leads. That code
 * proves itself with a one-time token stored in a private table for its transaction; a custom
 * setting set by hand (anyone can set_config one) proves nothing.
 */
onEveryBackend('the delivered count is written only by its derivation', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('an admin or the service role who sets the derived-write setting and writes leads_delivered is refused with delivered_count_read_only', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    await addLeads(db, w.clientIdA, 2, { orderId: order.id });
    for (const who of [w.admin, w.service]) {
      for (const value of ['on', 'true', '1', crypto.randomUUID()]) {
        await rejectsWith(
          actAs(db, who, async (tx) => {
            await tx.query(`select set_config('lead_orders.derived_write', $1, true)`, [value]);
            await tx.query('update public.orders set leads_delivered = 5 where id = $1', [order.id]);
          }),
          'delivered_count_read_only',
        );
      }
    }
    assert.equal((await orderRow(db, order.id)).leads_delivered, 2);
  });

  test('no API role can read or write the derived-write tokens or call the functions that issue them', async () => {
    const { db } = backend();
    for (const who of [w.admin, w.clientA, w.anon, w.service]) {
      await assert.rejects(queryAs(db, who, `insert into lead_orders.derived_writes (token, txid) values ('t', txid_current())`),
        (e: any) => e.code === '42501');
      await assert.rejects(queryAs(db, who, 'select * from lead_orders.derived_writes'), (e: any) => e.code === '42501');
      for (const call of ['select lead_orders.begin_derived_write()', `select lead_orders.end_derived_write('t')`,
        'select lead_orders.is_derived_write()', `select lead_orders.shift_delivered(gen_random_uuid(), 1)`]) {
        await assert.rejects(queryAs(db, who, call), (e: any) => e.code === '42501', call);
      }
    }
  });

  test('every derivation still writes the count: assignments, status changes, bulk moves, deletes and the rebuild; no token is left behind', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    const other = await addOrder(db, w, w.clientIdA, 10);
    const [first, second, third] = await addLeads(db, w.clientIdA, 3, { status: 'New' });
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: first, p_order_id: order.id });
    await queryAs(db, w.admin, `update public.leads set status = 'Approved' where id = $1`, [first]);
    await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [second, third], p_order_id: order.id });
    await queryAs(db, w.admin, `update public.leads set status = 'Lead' where id = any ($1)`, [[second, third]]);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 3);
    await queryAs(db, w.admin, 'update public.leads set order_id = $2 where id = $1', [third, other.id]);
    await queryAs(db, w.admin, 'delete from public.leads where id = $1', [second]);
    assert.deepEqual([(await orderRow(db, order.id)).leads_delivered, (await orderRow(db, other.id)).leads_delivered], [1, 1]);

    // A count that drifted (written as the owner, who may bypass the rules) is repaired by the rebuild.
    await db.query('alter table public.orders disable trigger orders_b_before_update');
    try {
      await db.query('update public.orders set leads_delivered = 0 where id = $1', [order.id]);
    } finally {
      await db.query('alter table public.orders enable trigger orders_b_before_update');
    }
    const rebuilt = await rpc(db, w.admin, 'rebuild_order_counts');
    assert.deepEqual(rebuilt.drifted.filter((d: any) => d.order_id === order.id), [{ order_id: order.id, stored: 0, actual: 1, repaired: true }]);
    for (const id of [order.id, other.id]) assert.equal((await orderRow(db, id)).leads_delivered, await recount(db, id));
    assert.equal((await db.query('select count(*)::int as n from lead_orders.derived_writes')).rows[0].n, 0);
  });
});
