import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { actAs } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, orderRow, queryAs, recount, rpc, seedWorld, type World } from './support/world.js';

/**
 * assign_leads_to_order does the lead triggers' per-row work (counts, history) once per order,
 * and the triggers skip it only for the rows of its own update. These tests hold the bulk path to
 * the per-row path, and make sure nobody outside the function can make the triggers skip.
 */
onEveryBackend('bulk assignment in set-based statements', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  /** Two source orders, a target that the delivered leads fill exactly, and leads in each place. */
  async function scene() {
    const { db } = backend();
    const s1 = await addOrder(db, w, w.clientIdA, 10);
    const s2 = await addOrder(db, w, w.clientIdA, 2);
    const target = await addOrder(db, w, w.clientIdA, 5);
    const leads = [
      ...(await addLeads(db, w.clientIdA, 2, { orderId: s1.id })),
      ...(await addLeads(db, w.clientIdA, 1, { orderId: s1.id, status: 'New' })),
      // s2 is full (Completed) until its leads leave.
      ...(await addLeads(db, w.clientIdA, 2, { orderId: s2.id })),
      ...(await addLeads(db, w.clientIdA, 1)),
      ...(await addLeads(db, w.clientIdA, 1, { status: 'New' })),
      ...(await addLeads(db, w.clientIdA, 1, { orderId: target.id, status: 'New' })),
    ];
    return { orders: { s1: s1.id, s2: s2.id, target: target.id } as Record<string, string>, leads };
  }

  /** Each lead's history and each order's count and status, with ids replaced by their roles. */
  async function outcome(s: Awaited<ReturnType<typeof scene>>) {
    const { db } = backend();
    const role = new Map<string, string>(Object.entries(s.orders).map(([name, id]) => [id, name]));
    s.leads.forEach((id, i) => role.set(id, `lead${i}`));
    const named = (v: unknown) => (typeof v === 'string' && role.has(v) ? role.get(v) : v);
    const ids = Object.values(s.orders);
    const { rows } = await db.query(
      `select order_id, event_type, lead_id, data from public.order_events
        where order_id = any ($1) and event_type <> 'created' order by id`,
      [ids],
    );
    const perLead = new Map<string, string[]>();
    const orderEvents: string[] = [];
    for (const r of rows as any[]) {
      const data = Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, named(v)]));
      const line = `${named(r.order_id)} ${r.event_type} ${JSON.stringify(data, Object.keys(data).sort())}`;
      if (r.lead_id) perLead.set(named(r.lead_id) as string, [...(perLead.get(named(r.lead_id) as string) ?? []), line]);
      else orderEvents.push(line);
    }
    const orders: Record<string, unknown> = {};
    for (const [name, id] of Object.entries(s.orders)) {
      const o = await orderRow(db, id);
      orders[name] = { delivered: o.leads_delivered, status: o.status, recount: await recount(db, id) };
    }
    const leads = (await db.query(`select id, order_id, delivered_at is not null as delivered from public.leads where id = any ($1)`, [s.leads])).rows
      .map((l: any) => `${named(l.id)} ${named(l.order_id)} ${l.delivered}`)
      .sort();
    return { perLead: Object.fromEntries([...perLead].sort()), orderEvents: orderEvents.sort(), orders, leads };
  }

  test('a bulk move writes the same history, counts and statuses as moving each lead through the row triggers', async () => {
    const { db } = backend();
    const bulk = await scene();
    const perRow = await scene();

    await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: bulk.leads, p_order_id: bulk.orders.target });
    await queryAs(db, w.admin, 'update public.leads set order_id = $2 where id = any ($1)', [perRow.leads, perRow.orders.target]);
    const joined = await outcome(bulk);
    assert.deepEqual(joined, await outcome(perRow));
    assert.equal((joined.orders.target as any).status, 'Completed', 'the delivered leads filled the target');
    assert.equal((joined.orders.s2 as any).status, 'Active', 'the full source reopened');
    // Seven leads changed order; the eighth has the history of its import into the target.
    assert.equal(Object.keys(joined.perLead).length, 8, 'every lead has its history');

    await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: bulk.leads, p_order_id: null });
    await queryAs(db, w.admin, 'update public.leads set order_id = null where id = any ($1)', [perRow.leads]);
    const left = await outcome(bulk);
    assert.deepEqual(left, await outcome(perRow));
    assert.equal((left.orders.target as any).delivered, 0);
  });

  test('a bulk move refuses a lead of another client by the lowest such lead id and changes nothing', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 10);
    const own = await addLeads(db, w.clientIdA, 2);
    const foreign = (await addLeads(db, w.clientIdB, 3)).sort();
    const error = await rejectsWith(
      rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [...own, ...foreign], p_order_id: order.id }),
      'lead_client_mismatch',
    );
    assert.equal(JSON.parse(error.detail).lead_id, foreign[0]);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 0);
    const placed = await db.query('select count(*)::int as n from public.leads where order_id = $1', [order.id]);
    assert.equal(placed.rows[0].n, 0);
  });

  test('setting the bulk-assignment flag by hand does not let a direct update skip counting, history or rules', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 2);
    const paused = await addOrder(db, w, w.clientIdA, 5);
    await rpc(db, w.admin, 'update_order', { p_order_id: paused.id, p_changes: { status: 'Paused' } });
    const leads = await addLeads(db, w.clientIdA, 3);

    await actAs(db, w.admin, async (tx) => {
      // Any value a client can think of, including one shaped like the function's tokens.
      await tx.query(`select set_config('lead_orders.bulk_assignment', gen_random_uuid()::text, true)`);
      await tx.query('update public.leads set order_id = $2 where id = $1', [leads[0], order.id]);
    });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 1);
    const events = await db.query(`select event_type from public.order_events where order_id = $1 and lead_id = $2`, [order.id, leads[0]]);
    assert.deepEqual(events.rows.map((r: any) => r.event_type), ['lead_assigned']);

    await rejectsWith(
      actAs(db, w.admin, async (tx) => {
        await tx.query(`select set_config('lead_orders.bulk_assignment', 'on', true)`);
        await tx.query('update public.leads set order_id = $2 where id = $1', [leads[1], paused.id]);
      }),
      'order_not_active',
    );
    await rejectsWith(
      actAs(db, w.admin, async (tx) => {
        await tx.query(`select set_config('lead_orders.bulk_assignment', 'on', true)`);
        await tx.query('update public.leads set order_id = $2 where id = any ($1)', [leads.slice(1), order.id]);
      }),
      'order_full',
    );
  });

  test('after a bulk move its token is gone: a direct update later in the same transaction is counted per row', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    const [first, second] = await addLeads(db, w.clientIdA, 2);
    await actAs(db, w.admin, async (tx) => {
      await tx.query('select public.assign_leads_to_order($1, $2)', [[first], order.id]);
      const setting = await tx.query(`select current_setting('lead_orders.bulk_assignment', true) as v`);
      assert.equal(setting.rows[0].v, '');
      await tx.query('update public.leads set order_id = $2 where id = $1', [second, order.id]);
    });
    assert.equal((await orderRow(db, order.id)).leads_delivered, 2);
    assert.equal(await recount(db, order.id), 2);
  });

  test('no API role can read or write the bulk-assignment tokens', async () => {
    const { db } = backend();
    for (const who of [w.admin, w.clientA, w.anon, w.service]) {
      await assert.rejects(
        queryAs(db, who, `insert into lead_orders.bulk_assignments (token, txid, order_id) values ('t', txid_current(), null)`),
        (e: any) => e.code === '42501',
      );
      await assert.rejects(queryAs(db, who, 'select * from lead_orders.bulk_assignments'), (e: any) => e.code === '42501');
      await assert.rejects(
        queryAs(db, who, `select lead_orders.is_bulk_assignment_row(l, l) from public.leads l limit 1`),
        (e: any) => e.code === '42501',
      );
    }
  });
});
