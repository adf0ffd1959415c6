import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addOrder, orderRow, queryAs, rpc, seedWorld, type World } from './support/world.js';

/**
 * The database refuses values it cannot compute with, with typed codes and before anything is
 * written, whichever way they arrive (the functions or a direct insert/update as PostgREST
 * sends it); and every row it accepts can be listed, paged and summarised.
 *
 * Bounds: leads_purchased 0–10,000,000 (create_order and update_order: 1–10,000,000);
 * priority −1,000–1,000; dates 2000-01-01–2100-12-31; order_number 1–40 characters, name up to
 * 200, description up to 10,000; created_at, updated_at, status and priority never null.
 */
onEveryBackend('bounds on orders', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  const insertOrder = (columns: Record<string, unknown>) => {
    const names = Object.keys(columns);
    return queryAs(backend().db, w.admin,
      `insert into public.orders (client_id, ${names.join(', ')}) values ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')}) returning id`,
      [w.clientIdA, ...names.map((n) => columns[n])]);
  };

  async function ordersOfA(): Promise<number> {
    return (await backend().db.query('select count(*)::int as n from public.orders where client_id = $1', [w.clientIdA])).rows[0].n;
  }

  test('create_order refuses a priority outside −1,000–1,000 with invalid_input, not a raw integer overflow', async () => {
    const { db } = backend();
    const count = await ordersOfA();
    for (const priority of [-2147483648, 2147483647, -1001, 1001]) {
      const error = await rejectsWith(rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, p_priority: priority }), 'invalid_input');
      assert.equal(JSON.parse(error.detail).field, 'priority');
    }
    for (const priority of [-1000, 1000]) {
      assert.equal((await rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, p_priority: priority })).priority, priority);
    }
    assert.equal(await ordersOfA(), count + 2);
  });

  test('update_order refuses numbers too large for their column with typed codes, not 22003', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5);
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: '{"leads_purchased": 100000000000000000000}' }), 'invalid_quantity');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: '{"leads_purchased": 2147483648}' }), 'invalid_quantity');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { leads_purchased: 10_000_001 } }), 'invalid_quantity');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: '{"priority": 100000000000000000000}' }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { priority: -2147483648 } }), 'invalid_input');
    const row = await orderRow(db, order.id);
    assert.deepEqual([row.leads_purchased, row.priority], [5, 0]);
    assert.equal((await rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { leads_purchased: 10_000_000 } })).leads_purchased, 10_000_000);
  });

  test('leads_purchased above 10,000,000 is refused with invalid_quantity through create_order and a direct insert', async () => {
    const { db } = backend();
    const count = await ordersOfA();
    await rejectsWith(rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 2147483647,
      p_start_date: '2026-01-01', p_target_delivery_date: '2026-12-31' }), 'invalid_quantity');
    await rejectsWith(insertOrder({ leads_purchased: 10_000_001 }), 'invalid_quantity');
    assert.equal(await ordersOfA(), count);
  });

  test('a null created_at, updated_at or status from a direct insert or update is refused with invalid_input', async () => {
    const count = await ordersOfA();
    for (const field of ['created_at', 'updated_at', 'status']) {
      const error = await rejectsWith(insertOrder({ leads_purchased: 5, [field]: null }), 'invalid_input');
      assert.equal(JSON.parse(error.detail).field, field);
    }
    assert.equal(await ordersOfA(), count);
    const order = await addOrder(backend().db, w, w.clientIdA, 5);
    await rejectsWith(queryAs(backend().db, w.admin, 'update public.orders set created_at = null where id = $1', [order.id]), 'invalid_input');
    assert.notEqual((await orderRow(backend().db, order.id)).created_at, null);
  });

  test('the columns the API relies on are not null in the schema itself', async () => {
    const { rows } = await backend().db.query(`
      select column_name, is_nullable from information_schema.columns
       where table_schema = 'public' and table_name = 'orders' and column_name = any ($1) order by 1`,
      [['created_at', 'updated_at', 'status', 'priority', 'order_number', 'leads_purchased', 'leads_delivered']]);
    assert.deepEqual(rows.map((r) => `${r.column_name} ${r.is_nullable}`), [
      'created_at NO', 'leads_delivered NO', 'leads_purchased NO', 'order_number NO', 'priority NO', 'status NO', 'updated_at NO',
    ]);
  });

  test('dates outside 2000-01-01–2100-12-31 are refused with invalid_dates', async () => {
    const { db } = backend();
    await rejectsWith(rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, p_target_delivery_date: '20266-01-01' }), 'invalid_dates');
    await rejectsWith(rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, p_start_date: '1999-12-31' }), 'invalid_dates');
    const order = await addOrder(db, w, w.clientIdA, 5);
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { target_delivery_date: '2101-01-01' } }), 'invalid_dates');
    await rejectsWith(queryAs(db, w.admin, `update public.orders set start_date = 'infinity' where id = $1`, [order.id]), 'invalid_dates');
    assert.equal((await rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { start_date: '2000-01-01', target_delivery_date: '2100-12-31' } })).target_delivery_date, '2100-12-31');
  });

  test('text longer than its documented bound is refused with invalid_input naming the field; 8 KB descriptions fit', async () => {
    const { db } = backend();
    const cases: [string, string, number][] = [['p_order_number', 'order_number', 41], ['p_name', 'name', 201], ['p_description', 'description', 10_001]];
    for (const [argument, field, length] of cases) {
      const error = await rejectsWith(rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, [argument]: 'x'.repeat(length) }), 'invalid_input');
      assert.equal(JSON.parse(error.detail).field, field);
    }
    const order = await addOrder(db, w, w.clientIdA, 5, { p_description: 'é'.repeat(8_000), p_name: 'n'.repeat(200), p_order_number: `N-${'9'.repeat(38)}` });
    assert.equal(order.description.length, 8_000);
    await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { name: 'x'.repeat(201) } }), 'invalid_input');
    await rejectsWith(queryAs(db, w.admin, 'update public.orders set description = $2 where id = $1', [order.id, 'x'.repeat(10_001)]), 'invalid_input');
  });

  test('the largest order the bounds allow, with dates, is listed and summarised for its client and the admin', async () => {
    const { db } = backend();
    const { rows } = await db.query(`select (current_date - 100)::text as start, (current_date + 100)::text as target`);
    const big = await addOrder(db, w, w.clientIdA, 10_000_000, { p_start_date: rows[0].start, p_target_delivery_date: rows[0].target, p_priority: -1000 });
    for (const who of [w.admin, w.clientA]) {
      for (const sort of ['priority', 'target', 'progress', 'newest']) {
        let cursor: string | null = null;
        let seen = 0;
        do {
          const page: any = await rpc(db, who, 'get_orders', { p_client_id: w.clientIdA, p_sort: sort, p_limit: 5, p_cursor: cursor });
          seen += page.items.filter((o: any) => o.id === big.id).length;
          cursor = page.next_cursor;
        } while (cursor);
        assert.equal(seen, 1, `${sort}: the order appears once`);
      }
      const stats = await rpc(db, who, 'get_order_stats', { p_client_id: w.clientIdA });
      assert.ok(stats.leads_purchased >= 10_000_000);
    }
    const summary = await queryAs(db, w.admin, 'select pace, expected_delivered, needs_attention from public.order_summary where id = $1', [big.id]);
    assert.equal(summary[0].pace, 'behind');
  });
});
