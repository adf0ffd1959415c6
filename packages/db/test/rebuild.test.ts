import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlDatabase, SqlSession } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, orderRow, recount, rpc, seedWorld, type World } from './support/world.js';

interface Drift {
  order_id: string;
  stored: number;
  actual: number;
  repaired: boolean;
}

/**
 * Runs `fn` as the owner with every ordinary trigger switched off (replica mode), the way a
 * bulk import or a hand-made fix could leave the stored counts behind the leads.
 */
function withoutTriggers<T>(db: SqlDatabase, fn: (tx: SqlSession) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    return fn(tx);
  });
}

async function setStored(db: SqlDatabase, orderId: string, stored: number): Promise<void> {
  await withoutTriggers(db, (tx) => tx.query('update public.orders set leads_delivered = $2 where id = $1', [orderId, stored]));
}

/** Inserts delivered leads straight into an order without the counting triggers. */
async function addUncountedLeads(db: SqlDatabase, clientId: string, orderId: string, count: number): Promise<void> {
  await withoutTriggers(db, (tx) =>
    tx.query(
      `insert into public.leads (company_name, status, client_id, order_id)
       select 'Imported ' || g, 'Approved', $1, $2 from generate_series(1, $3) g`,
      [clientId, orderId, count],
    ),
  );
}

async function rebuild(db: SqlDatabase, world: World): Promise<{ orders_checked: number; drifted: Drift[] }> {
  return rpc(db, world.admin, 'rebuild_order_counts');
}

function driftOf(report: { drifted: Drift[] }, orderId: string): Drift | undefined {
  return report.drifted.find((d) => d.order_id === orderId);
}

onEveryBackend('rebuild_order_counts', (backend) => {
  let world: World;
  before(async () => {
    world = await seedWorld(backend().db);
  });

  test('with no drift it checks every order and reports none', async () => {
    const { db } = backend();
    const order = await addOrder(db, world, world.clientIdA, 5);
    await addLeads(db, world.clientIdA, 3, { orderId: order.id });
    const report = await rebuild(db, world);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.orders');
    assert.equal(report.orders_checked, rows[0]!.n);
    assert.deepEqual(report.drifted, []);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 3);
  });

  test('reports each drifted order with stored and actual, repairs it, and a second run reports none', async () => {
    const { db } = backend();
    const tooHigh = await addOrder(db, world, world.clientIdA, 10);
    await addLeads(db, world.clientIdA, 2, { orderId: tooHigh.id });
    await setStored(db, tooHigh.id, 7);

    const tooLow = await addOrder(db, world, world.clientIdB, 10);
    await addLeads(db, world.clientIdB, 1, { orderId: tooLow.id });
    await addUncountedLeads(db, world.clientIdB, tooLow.id, 3);

    const untouched = await addOrder(db, world, world.clientIdA, 4);
    await addLeads(db, world.clientIdA, 2, { orderId: untouched.id });

    const report = await rebuild(db, world);
    assert.deepEqual(driftOf(report, tooHigh.id), { order_id: tooHigh.id, stored: 7, actual: 2, repaired: true });
    assert.deepEqual(driftOf(report, tooLow.id), { order_id: tooLow.id, stored: 1, actual: 4, repaired: true });
    assert.equal(driftOf(report, untouched.id), undefined);
    assert.equal(report.drifted.length, 2);

    for (const order of [tooHigh, tooLow, untouched]) {
      assert.equal((await orderRow(db, order.id)).leads_delivered, await recount(db, order.id));
    }
    assert.deepEqual((await rebuild(db, world)).drifted, []);
  });

  test('a repair that fills an Active order completes it, and one that empties a full Completed order reopens it', async () => {
    const { db } = backend();
    const filled = await addOrder(db, world, world.clientIdA, 3);
    await addUncountedLeads(db, world.clientIdA, filled.id, 3);
    const emptied = await addOrder(db, world, world.clientIdA, 2);
    await addLeads(db, world.clientIdA, 2, { orderId: emptied.id });
    assert.equal((await orderRow(db, emptied.id)).status, 'Completed');
    await withoutTriggers(db, (tx) => tx.query('delete from public.leads where order_id = $1', [emptied.id]));

    const report = await rebuild(db, world);
    assert.deepEqual(driftOf(report, filled.id), { order_id: filled.id, stored: 0, actual: 3, repaired: true });
    assert.deepEqual(driftOf(report, emptied.id), { order_id: emptied.id, stored: 2, actual: 0, repaired: true });

    const filledRow = await orderRow(db, filled.id);
    assert.equal(filledRow.status, 'Completed');
    assert.notEqual(filledRow.completion_date, null);
    const emptiedRow = await orderRow(db, emptied.id);
    assert.equal(emptiedRow.status, 'Active');
    assert.equal(emptiedRow.completion_date, null);
    assert.equal(emptiedRow.leads_delivered, 0);
  });

  test('a recount above capacity is reported with repaired=false and left for a person to fix', async () => {
    const { db } = backend();
    const order = await addOrder(db, world, world.clientIdB, 2);
    await addLeads(db, world.clientIdB, 1, { orderId: order.id });
    await addUncountedLeads(db, world.clientIdB, order.id, 2);

    const first = await rebuild(db, world);
    assert.deepEqual(driftOf(first, order.id), { order_id: order.id, stored: 1, actual: 3, repaired: false });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 1);
    // Nothing was repaired, so the next run still reports it.
    assert.deepEqual(driftOf(await rebuild(db, world), order.id), { order_id: order.id, stored: 1, actual: 3, repaired: false });

    // The admin takes one lead out; the remaining two fit and the next run repairs the count.
    const { rows } = await db.query<{ id: string }>('select id from public.leads where order_id = $1 order by id limit 1', [order.id]);
    await rpc(db, world.admin, 'assign_lead_to_order', { p_lead_id: rows[0]!.id, p_order_id: null });
    const repaired = await rebuild(db, world);
    assert.deepEqual(driftOf(repaired, order.id), { order_id: order.id, stored: 0, actual: 2, repaired: true });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 2);
    assert.deepEqual((await rebuild(db, world)).drifted, []);
  });

  test('the service role may rebuild; clients are refused with forbidden and anon cannot call it', async () => {
    const { db } = backend();
    const order = await addOrder(db, world, world.clientIdA, 5);
    await addUncountedLeads(db, world.clientIdA, order.id, 1);

    await rejectsWith(rpc(db, world.clientA, 'rebuild_order_counts'), 'forbidden');
    await rejectsWith(rpc(db, world.clientB, 'rebuild_order_counts'), 'forbidden');
    await assert.rejects(rpc(db, world.anon, 'rebuild_order_counts'), (error: any) => error.code === '42501');
    // The refusals changed nothing.
    assert.equal((await orderRow(db, order.id)).leads_delivered, 0);

    const report = await rpc(db, world.service, 'rebuild_order_counts');
    assert.deepEqual(driftOf(report, order.id), { order_id: order.id, stored: 0, actual: 1, repaired: true });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 1);
  });
});
