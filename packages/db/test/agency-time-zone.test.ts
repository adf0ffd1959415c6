import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { actAs } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, rpc, seedWorld, type World } from './support/world.js';

/**
 * "Today" for what the database stores and counts is the agency's date, in the agency's time
 * zone (a setting, UTC by default), not the database server's. Two zones 25 hours apart
 * (UTC+14 and UTC−11) are used so that, whatever the hour of the run, at least one of them is on
 * another date than the server's UTC session.
 */
onEveryBackend('the agency time zone', (backend) => {
  let w: World;
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];

  before(async () => {
    w = await seedWorld(backend().db);
  });

  /** Runs `fn` as the admin in one transaction after setting the agency's zone, with that zone's date (same now()). */
  function inZone<T>(zone: string, fn: (query: (sql: string, params?: unknown[]) => Promise<any[]>, today: string) => Promise<T>): Promise<T> {
    return actAs(backend().db, w.admin, async (tx) => {
      await tx.query(`set local timezone = 'UTC'`);
      await tx.query('select public.set_agency_time_zone($1)', [zone]);
      const today = (await tx.query<{ d: string }>(`select ((now() at time zone $1)::date)::text as d`, [zone])).rows[0]!.d;
      return fn(async (sql, params = []) => (await tx.query(sql, params)).rows, today);
    });
  }

  test('is UTC until an admin sets it, and only a known zone name is accepted', async () => {
    const { db } = backend();
    assert.equal((await db.query('select lead_orders.agency_time_zone() as z')).rows[0].z, 'UTC');
    await rejectsWith(rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'Mars/Olympus_Mons' }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'x'.repeat(65) }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: null }), 'invalid_input');
    await rejectsWith(rpc(db, w.clientA, 'set_agency_time_zone', { p_time_zone: 'Europe/Paris' }), 'forbidden');
    assert.equal((await db.query('select lead_orders.agency_time_zone() as z')).rows[0].z, 'UTC');
    const set = await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'Europe/Paris' });
    assert.equal(set.time_zone, 'Europe/Paris');
    assert.equal((await rpc(db, w.clientA, 'get_agency_settings')).time_zone, 'Europe/Paris');
    await rpc(db, w.admin, 'set_agency_time_zone', { p_time_zone: 'UTC' });
  });

  test('days_remaining, is_overdue and the pace line count from the agency\'s date', async () => {
    const { db } = backend();
    const dueToday = await addOrder(db, w, w.clientIdA, 100);
    const dueYesterday = await addOrder(db, w, w.clientIdA, 100);
    const halfway = await addOrder(db, w, w.clientIdA, 100);
    await addLeads(db, w.clientIdA, 1, { orderId: dueToday.id });
    await addLeads(db, w.clientIdA, 1, { orderId: dueYesterday.id });
    for (const zone of zones) {
      await inZone(zone, async (query, today) => {
        await query(`update public.orders set target_delivery_date = $2::date where id = $1`, [dueToday.id, today]);
        await query(`update public.orders set target_delivery_date = $2::date - 1 where id = $1`, [dueYesterday.id, today]);
        await query(`update public.orders set start_date = $2::date - 10, target_delivery_date = $2::date + 10 where id = $1`, [halfway.id, today]);
        const rows = await query('select id, days_remaining, is_overdue, expected_delivered from public.order_summary where id = any ($1)',
          [[dueToday.id, dueYesterday.id, halfway.id]]);
        const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
        assert.deepEqual([byId[dueToday.id].days_remaining, byId[dueToday.id].is_overdue], [0, false], `${zone}: due today`);
        assert.deepEqual([byId[dueYesterday.id].days_remaining, byId[dueYesterday.id].is_overdue], [-1, true], `${zone}: a day overdue`);
        assert.equal(byId[halfway.id].expected_delivered, 50, `${zone}: halfway through the schedule`);
      });
    }
  });

  test('completion_date and the order number\'s year are the agency\'s date', async () => {
    const { db } = backend();
    for (const zone of zones) {
      const order = await addOrder(db, w, w.clientIdA, 1);
      const [lead] = await addLeads(db, w.clientIdA, 1);
      await inZone(zone, async (query, today) => {
        await query('select public.assign_lead_to_order($1, $2)', [lead, order.id]);
        const [row] = await query('select status, completion_date::text as completion_date from public.orders where id = $1', [order.id]);
        assert.deepEqual([row.status, row.completion_date], ['Completed', today], zone);
        const [created] = await query('select public.create_order($1, 5) as o', [w.clientIdA]);
        assert.match(created.o.order_number, new RegExp(`^ORD-${today.slice(0, 4)}-`), zone);
      });
    }
  });
});
