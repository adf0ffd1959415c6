import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { actAs } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, rpc, seedWorld, type World } from './support/world.js';

/**
 * get_orders and get_order_stats count from the agency's date with order_summary's own rules, and
 * refuse an admin's unknown client. The agency's date is made to differ from the server's
 * current_date: UTC+14 (Pacific/Kiritimati) is a day ahead of UTC from 10:00 UTC on, UTC−11
 * (Pacific/Pago_Pago) a day behind until 11:00 UTC, so at any hour of the run at least one of
 * them is on another date than the server's UTC session. Orders are dated relative to both dates.
 */
onEveryBackend('get_orders and get_order_stats in the agency time zone', (backend) => {
  let w: World;
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];
  const unknownClient = '00000000-0000-4000-8000-0000000000ff';

  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('overdue, needs attention and every list row equal order_summary when the agency\'s date is not the server\'s', async () => {
    const { db } = backend();
    const client = w.clientIdC;
    // Due one day before / on each of the two dates; behind or not depending on the date; nearly full.
    const due = await Promise.all([0, 1, 2, 3].map(() => addOrder(db, w, client, 10)));
    const paused = await addOrder(db, w, client, 10, { p_status: 'Paused' });
    const paced = await Promise.all([0, 1].map(() => addOrder(db, w, client, 20)));
    const nearlyFull = await addOrder(db, w, client, 10);
    await addLeads(db, client, 8, { orderId: paced[0].id, status: 'Approved' });
    await addLeads(db, client, 9, { orderId: paced[1].id, status: 'Approved' });
    await addLeads(db, client, 9, { orderId: nearlyFull.id, status: 'Approved' });

    let zonesOnAnotherDate = 0;
    for (const zone of zones) {
      await actAs(db, w.admin, async (tx) => {
        const q = async (sql: string, params: unknown[] = []) => (await tx.query<any>(sql, params)).rows;
        await q(`set local timezone = 'UTC'`);
        await q('select public.set_agency_time_zone($1)', [zone]);
        const [{ agency, server }] = await q(`select lead_orders.agency_today()::text as agency, current_date::text as server`);
        const [a, s] = [due[0].id, due[1].id];
        await q(`update public.orders set target_delivery_date = $2::date - 1 where id = $1`, [a, agency]);
        await q(`update public.orders set target_delivery_date = $2::date where id = $1`, [s, agency]);
        await q(`update public.orders set target_delivery_date = $2::date - 1 where id = $1`, [due[2].id, server]);
        await q(`update public.orders set target_delivery_date = $2::date where id = $1`, [due[3].id, server]);
        await q(`update public.orders set target_delivery_date = $2::date where id = $1`, [paused.id, server]);
        for (const order of paced) {
          await q(`update public.orders set start_date = $2::date - 10, target_delivery_date = $2::date + 10 where id = $1`, [order.id, agency]);
        }

        // The definitions: order_summary's flags, counted (same transaction, same now()).
        const recount = async (scope: string | null) => (await q(
          `select count(*) filter (where is_overdue)::int as overdue, count(*) filter (where needs_attention)::int as needs_attention
             from public.order_summary where $1::uuid is null or client_id = $1`, [scope]))[0];
        const byServerDate = (await q(
          `select count(*)::int as n from public.orders
            where client_id = $1 and status in ('Active', 'Paused') and target_delivery_date < current_date and leads_remaining > 0`, [client]))[0].n;
        const forClient = await recount(client);
        if (agency !== server) {
          zonesOnAnotherDate += 1;
          assert.notEqual(forClient.overdue, byServerDate, `${zone}: the orders tell the two dates apart`);
        }

        const stats = async (scope: string | null) => {
          const r = (await q('select public.get_order_stats(p_client_id => $1) as r', [scope]))[0].r;
          return { overdue: r.overdue, needs_attention: r.needs_attention };
        };
        assert.deepEqual(await stats(client), forClient, `${zone}: one client (agency ${agency}, server ${server})`);
        assert.deepEqual(await stats(null), await recount(null), `${zone}: every client`);

        const page = (await q(`select public.get_orders(p_client_id => $1, p_limit => 500) as r`, [client]))[0].r;
        const view = await q(`select to_jsonb(s) as row from public.order_summary s where s.client_id = $1`, [client]);
        const byId = (rows: any[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
        assert.deepEqual(byId(page.items), byId(view.map((r) => r.row)), `${zone}: get_orders rows are order_summary rows`);
      });
    }
    assert.ok(zonesOnAnotherDate >= 1, 'at least one zone was on another date than the server');
    await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'UTC' });
  });

  test('an admin or the service role naming a client that does not exist gets client_not_found', async () => {
    const { db } = backend();
    for (const who of [w.admin, w.service]) {
      const error = await rejectsWith(rpc(db, who, 'get_orders', { p_client_id: unknownClient }), 'client_not_found');
      assert.match(error.detail, new RegExp(unknownClient));
      await rejectsWith(rpc(db, who, 'get_order_stats', { p_client_id: unknownClient }), 'client_not_found');
    }
    // An existing client without orders is an answer, not an error.
    const fresh = randomUUID();
    await db.query(`insert into public.clients (id, client_name) values ($1, $2)`, [fresh, `Hooli ${fresh.slice(0, 8)}`]);
    assert.deepEqual(await rpc(db, w.admin, 'get_orders', { p_client_id: fresh }), { items: [], next_cursor: null });
    assert.equal((await rpc(db, w.admin, 'get_order_stats', { p_client_id: fresh })).orders_total, 0);
  });

  test('a client user naming another client, existing or not, gets nothing and learns nothing', async () => {
    const { db } = backend();
    await addOrder(db, w, w.clientIdB, 3);
    const foreign = await rpc(db, w.clientA, 'get_orders', { p_client_id: w.clientIdB });
    const unknown = await rpc(db, w.clientA, 'get_orders', { p_client_id: unknownClient });
    assert.deepEqual(foreign, { items: [], next_cursor: null });
    assert.deepEqual(unknown, foreign);
    const foreignStats = await rpc(db, w.clientA, 'get_order_stats', { p_client_id: w.clientIdB });
    assert.equal(foreignStats.orders_total, 0);
    assert.deepEqual(await rpc(db, w.clientA, 'get_order_stats', { p_client_id: unknownClient }), foreignStats);
    // anon may not call it at all (no execute grant), so it cannot probe ids either.
    await assert.rejects(rpc(db, w.anon, 'get_order_stats', { p_client_id: unknownClient }), (e: any) => e.code === '42501');
  });
});
