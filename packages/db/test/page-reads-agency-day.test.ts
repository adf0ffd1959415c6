import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { actAs, type Identity } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { addOrder, seedWorld, type World } from './support/world.js';

/**
 * The page reads count days in the agency's time zone, not the database session's (UTC here):
 * with the agency in Pacific/Auckland (UTC+13 in January and in the southern summer), a lead
 * delivered at 20:00 UTC was delivered on the next local day, and the forecast's window and
 * "today" are Auckland's.
 */
onEveryBackend('page reads in the agency time zone', (backend) => {
  let w: World;
  const zone = 'Pacific/Auckland';

  before(async () => {
    w = await seedWorld(backend().db);
  });

  /** Runs `sql` as `who` in a UTC session with the agency's zone set to Auckland (restored to UTC after). */
  async function inAuckland(who: Identity, sql: string, params: unknown[] = []): Promise<any> {
    const { db } = backend();
    await actAs(db, w.admin, (tx) => tx.query('select public.set_agency_time_zone($1)', [zone]));
    try {
      return await actAs(db, who, async (tx) => {
        await tx.query(`set local timezone = 'UTC'`);
        return (await tx.query<{ r: any }>(sql, params)).rows[0]!.r;
      });
    } finally {
      await actAs(db, w.admin, (tx) => tx.query(`select public.set_agency_time_zone('UTC')`));
    }
  }

  /** An Active order of client A with leads delivered at the given instants. */
  async function orderDeliveredAt(instants: string[]): Promise<string> {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 100);
    await db.query(
      `insert into public.leads (company_name, status, client_id, order_id, delivered_at)
       select 'Delivered ' || t, 'Approved', $1, $2, t from unnest($3::timestamptz[]) t`,
      [w.clientIdA, order.id, instants],
    );
    return order.id;
  }

  test('get_delivery_series puts a delivery at 20:00 UTC on the next Auckland day', async () => {
    const orderId = await orderDeliveredAt(['2026-01-10T20:00:00Z', '2026-01-10T09:00:00Z']);
    const series = await inAuckland(w.clientA, `select public.get_delivery_series($1, 'day') as r`, [orderId]);
    assert.deepEqual(series.points, [
      { date: '2026-01-10', delivered: 1, cumulative: 1 },
      { date: '2026-01-11', delivered: 1, cumulative: 2 },
    ]);
    // 2026-01-11 is a Sunday in Auckland: still the week of Monday 5 January; 12 January starts the next.
    const weeks = await inAuckland(w.clientA, `select public.get_delivery_series($1, 'week') as r`,
      [await orderDeliveredAt(['2026-01-11T10:59:00Z', '2026-01-11T11:00:00Z'])]);
    assert.deepEqual(weeks.points.map((p: any) => [p.date, p.delivered]), [['2026-01-05', 1], ['2026-01-12', 1]]);
  });

  test('list_leads\' delivered-on filter takes Auckland days', async () => {
    const orderId = await orderDeliveredAt(['2026-01-10T20:00:00Z']);
    const on = (day: string) => inAuckland(w.admin,
      `select public.list_leads(p_order_id => $1, p_delivered_from => $2::date, p_delivered_to => $2::date) as r`, [orderId, day]);
    assert.equal((await on('2026-01-11')).items.length, 1, 'delivered on 11 January in Auckland');
    assert.equal((await on('2026-01-10')).items.length, 0, 'not on 10 January in Auckland');
    const from = await inAuckland(w.admin, `select public.list_leads(p_order_id => $1, p_delivered_from => '2026-01-11') as r`, [orderId]);
    assert.equal(from.items.length, 1);
    const to = await inAuckland(w.admin, `select public.list_leads(p_order_id => $1, p_delivered_to => '2026-01-10') as r`, [orderId]);
    assert.equal(to.items.length, 0);
  });

  test('get_order_forecast\'s 14-day window and today are Auckland\'s', async () => {
    const { db } = backend();
    // The window starts at Auckland's midnight 13 days before its today: one lead an hour after it
    // (in the window), one an hour before (not), whatever the hour of the run.
    const { rows: [bounds] } = await db.query<{ inside: string; outside: string; today: string }>(
      `select (s + interval '1 hour')::text as inside, (s - interval '1 hour')::text as outside, t::text as today
         from (select ((now() at time zone $1)::date - 13)::timestamp at time zone $1 as s,
                      (now() at time zone $1)::date as t) x`, [zone]);
    const orderId = await orderDeliveredAt([bounds!.inside, bounds!.outside]);
    await db.query('update public.orders set target_delivery_date = $2 where id = $1', [orderId, bounds!.today]);
    const forecast = await inAuckland(w.clientA, 'select public.get_order_forecast($1) as r', [orderId]);
    assert.equal(forecast.delivered_in_window, 1);
    assert.equal(forecast.days_to_target, 0, 'due on Auckland\'s today');
    assert.equal(forecast.leads_remaining, 98);
    // 98 remaining at 1 per 14 days: 1,372 days from Auckland's today.
    const { rows: [expected] } = await db.query<{ d: string }>(`select ($1::date + 1372)::text as d`, [bounds!.today]);
    assert.equal(forecast.projected_completion_date, expected!.d);
  });

  test('preview_order_number shows the agency\'s year, the one create_order then draws', async () => {
    const preview = await inAuckland(w.admin, 'select public.preview_order_number() as r');
    const { rows: [year] } = await backend().db.query<{ y: string }>(`select extract(year from now() at time zone $1)::text as y`, [zone]);
    assert.match(preview.order_number, new RegExp(`^ORD-${year!.y}-`));
    const created = await inAuckland(w.admin, 'select public.create_order($1, 5) as r', [w.clientIdA]);
    assert.equal(created.order_number, preview.order_number);
  });
});
