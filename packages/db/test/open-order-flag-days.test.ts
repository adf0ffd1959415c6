import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rpc, seedWorld, type World } from './support/world.js';

/**
 * lead_orders.open_orders keeps, per Active or Paused order, the first day it is overdue
 * (overdue_from) and the first day it needs attention (attention_from); get_order_stats counts
 * its flags by comparing those days with the agency's today. On every day they must say what
 * order_summary's own expressions say. Shifting an order's dates by n days is the same as looking
 * at it n days later, so orders dated over a range of days around today, with every kind of
 * quantity and count, cover the days before, on and after each flag turns.
 */
onEveryBackend('the days open orders turn overdue and need attention', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  test('overdue_from and attention_from agree with order_summary on every day, status, date span, quantity and count', async () => {
    const { db } = backend();
    // Loaded as a bulk load is (triggers off), then mirrored into open_orders by the rebuild, so
    // thousands of figures cost one statement each.
    await db.transaction(async (tx) => {
      await tx.exec('set local session_replication_role = replica');
      await tx.query(
        `insert into public.orders (order_number, client_id, name, status, leads_purchased, leads_delivered, start_date, target_delivery_date)
         select 'FLAG-' || row_number() over (), $1, 'Flag days', st.status::public.order_status, q.p, q.d,
                case when s.off is null then null else current_date + s.off end,
                case when s.off is null or span.days is null then
                       case when span.days is null then null else current_date + span.days end
                     else current_date + s.off + span.days end
           from (values ('Active'), ('Paused')) st(status)
          cross join (select null::int as off union all select g from generate_series(-45, 12) g) s
          cross join (values (null::int), (-3), (0), (1), (2), (7), (30)) span(days)
          cross join (values (0, 0), (1, 0), (1, 1), (2, 1), (9, 0), (10, 0), (10, 8), (10, 9), (10, 10), (11, 9), (11, 10),
                             (20, 5), (20, 17), (20, 18), (99, 80), (100, 89), (100, 90), (100, 91), (101, 90),
                             (1000, 100), (1000, 899), (1000, 900), (1000, 901), (1000, 999)) q(p, d)`,
        [w.clientIdC],
      );
    });
    const rebuilt = await rpc(db, w.admin, 'rebuild_order_totals');
    assert.ok(rebuilt.open_orders_drifted > 10_000, `the rebuild mirrored the loaded orders (${rebuilt.open_orders_drifted})`);

    const { rows } = await db.query<{ orders: number; overdue: number; attention: number; wrong_overdue: number; wrong_attention: number }>(
      `select count(*)::int as orders,
              count(*) filter (where s.is_overdue)::int as overdue,
              count(*) filter (where s.needs_attention)::int as attention,
              count(*) filter (where coalesce(o.overdue_from <= lead_orders.agency_today(), false) <> s.is_overdue)::int as wrong_overdue,
              count(*) filter (where coalesce(o.attention_from <= lead_orders.agency_today(), false) <> s.needs_attention)::int as wrong_attention
         from public.order_summary s
         join lead_orders.open_orders o on o.order_id = s.id
        where s.order_number like 'FLAG-%'`,
    );
    const r = rows[0]!;
    assert.ok(r.orders > 10_000, `${r.orders} orders checked`);
    // Both flags are on for some and off for others, so the comparison can tell them apart.
    assert.ok(r.overdue > 0 && r.overdue < r.orders, `${r.overdue} overdue`);
    assert.ok(r.attention > r.overdue && r.attention < r.orders, `${r.attention} need attention`);
    assert.equal(r.wrong_overdue, 0, 'overdue_from disagrees with is_overdue');
    assert.equal(r.wrong_attention, 0, 'attention_from disagrees with needs_attention');
  });

  test('an assignment moves its order\'s attention day with its count', async () => {
    const { db } = backend();
    // 10 purchased over 10 days from 5 days ago: 5 expected today, behind below 4.5 delivered.
    const order = await rpc(db, w.admin, 'create_order', {
      p_client_id: w.clientIdA, p_leads_purchased: 10, p_status: 'Active',
      p_start_date: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
      p_target_delivery_date: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    });
    const flagged = async () => {
      const { rows } = await db.query<{ kept: boolean; view: boolean }>(
        `select coalesce(o.attention_from <= lead_orders.agency_today(), false) as kept, s.needs_attention as view
           from lead_orders.open_orders o join public.order_summary s on s.id = o.order_id where o.order_id = $1`,
        [order.id],
      );
      return rows[0]!;
    };
    assert.deepEqual(await flagged(), { kept: true, view: true });
    const { rows: leads } = await db.query<{ id: string }>(
      `insert into public.leads (company_name, status, client_id) select 'On pace ' || g, 'Approved', $1 from generate_series(1, 5) g returning id`,
      [w.clientIdA],
    );
    await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: leads.map((l) => l.id), p_order_id: order.id });
    assert.deepEqual(await flagged(), { kept: false, view: false });
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: leads[0]!.id, p_order_id: null });
    assert.deepEqual(await flagged(), { kept: true, view: true });
  });
});
