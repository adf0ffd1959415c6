import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { openSession, waitUntilBlocked } from './support/sessions.js';
import { addOrder, orderRow, queryAs, recount, rpc, seedWorld, type World } from './support/world.js';

/**
 * Direct multi-row writes of leads (what PostgREST sends for `PATCH /leads?id=in.(…)`, a status
 * change of many leads, a multi-row import, a multi-row delete) lock every order they touch in
 * id order, after their leads, whatever order the statement meets its rows in: two writers that
 * meet the same orders in opposite order never wait on each other in a cycle (no 40P01).
 *
 * On PostgreSQL each test runs two admins' statements on two connections. A third connection
 * holds one private order of each writer (met in the middle of its rows), so each writer stops
 * after its first row; released together, a writer that locks orders row by row would then need
 * the order the other one already holds. PGlite has one session (nothing runs at once there): the
 * same statements run one after the other and must end the same way.
 */
onEveryBackend('direct multi-row lead writes lock their orders in one global order', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  const order = async (purchased = 10) => (await addOrder(backend().db, w, w.clientIdA, purchased)).id as string;

  /** Inserts leads with the given ids, statuses and orders in id order (so scans meet them in that order). */
  async function leadsIn(placed: [id: string, orderId: string | null, status: string][]): Promise<void> {
    for (const [id, orderId, status] of [...placed].sort(([a], [b]) => a.localeCompare(b))) {
      await backend().db.query(`insert into public.leads (id, company_name, status, client_id, order_id) values ($1, 'Co', $2, $3, $4)`,
        [id, status, w.clientIdA, orderId]);
    }
  }

  /**
   * The shared orders A and B, a private order for each writer (G1, G2), and six lead ids in
   * ascending order: writer 1 meets its rows as A, G1, B and writer 2 as B, G2, A.
   */
  async function oppositeOrders() {
    const [a, b, g1, g2] = [await order(), await order(), await order(), await order()];
    const ids = Array.from({ length: 6 }, () => randomUUID()).sort();
    const one = { ids: [ids[0]!, ids[2]!, ids[4]!], orders: [a, g1, b] };
    const two = { ids: [ids[1]!, ids[3]!, ids[5]!], orders: [b, g2, a] };
    return { a, b, g1, g2, one, two };
  }

  /**
   * Runs writer 1's and writer 2's statements as two admins; on PostgreSQL interleaved as
   * described above, with `gated` (one private order of each) held by a third connection until
   * both wait. Both must succeed.
   */
  async function bothSucceed(first: [string, unknown[]], second: [string, unknown[]], gated: string[]): Promise<void> {
    const { db, pool } = backend();
    if (!pool) {
      await queryAs(db, w.admin, first[0], first[1]);
      await queryAs(db, w.admin, second[0], second[1]);
      return;
    }
    const gate = await openSession(pool, w.service);
    const one = await openSession(pool, w.admin);
    const two = await openSession(pool, w.admin);
    try {
      await gate.query('select id from public.orders where id = any ($1) order by id for no key update', [gated]);
      const writeOne = one.start(first[0], first[1]);
      const writeTwo = two.start(second[0], second[1]);
      await waitUntilBlocked(pool, one.pid, writeOne);
      await waitUntilBlocked(pool, two.pid, writeTwo);
      await gate.commit();
      // Each writer ends its transaction as soon as its statement returns: one may wait for the other.
      const finish = (write: typeof writeOne, session: typeof one) =>
        write.then(async (outcome) => ((outcome.error ? await session.rollback() : await session.commit()), outcome));
      const outcomes = await Promise.all([finish(writeOne, one), finish(writeTwo, two)]);
      assert.deepEqual(outcomes.map((o) => o.error && `${o.error.code} ${o.error.message}`), [undefined, undefined]);
    } finally {
      for (const s of [gate, one, two]) {
        await s.rollback().catch(() => undefined);
        s.release();
      }
    }
  }

  async function delivered(ids: string[]): Promise<number[]> {
    const { db } = backend();
    const counts: number[] = [];
    for (const id of ids) {
      const stored = (await orderRow(db, id)).leads_delivered;
      assert.equal(stored, await recount(db, id), `order ${id}: stored count equals a recount`);
      counts.push(stored);
    }
    return counts;
  }

  test('two direct multi-row moves of leads from the same orders in opposite order both succeed, counted and recorded', async () => {
    const { db } = backend();
    const { a, b, g1, g2, one, two } = await oppositeOrders();
    const [c, d] = [await order(), await order()];
    await leadsIn([...one.ids.map((id, i) => [id, one.orders[i]!, 'Approved'] as [string, string, string]),
      ...two.ids.map((id, i) => [id, two.orders[i]!, 'Approved'] as [string, string, string])]);

    await bothSucceed(
      ['update public.leads set order_id = $1 where id = any ($2)', [c, one.ids]],
      ['update public.leads set order_id = $1 where id = any ($2)', [d, two.ids]],
      [g1, g2],
    );

    assert.deepEqual(await delivered([a, b, g1, g2, c, d]), [0, 0, 0, 0, 3, 3]);
    const placed = await db.query('select id, order_id from public.leads where id = any ($1) order by id', [[...one.ids, ...two.ids]]);
    for (const row of placed.rows) assert.equal(row.order_id, one.ids.includes(row.id) ? c : d);
    // Each lead's move is in the history of both orders, as a move of one lead records it.
    const events = await db.query(
      `select order_id, event_type, data from public.order_events where lead_id = $1 and event_type <> 'lead_assigned' order by id`,
      [one.ids[1]]);
    assert.deepEqual(events.rows, [
      { order_id: g1, event_type: 'lead_moved', data: { from_order_id: g1, to_order_id: c, other_client: false } },
      { order_id: c, event_type: 'lead_moved', data: { from_order_id: g1, to_order_id: c, other_client: false, delivered: true } },
    ]);
  });

  test('two direct multi-row status updates that deliver leads of the same two orders in opposite order both succeed', async () => {
    const { db } = backend();
    const { a, b, g1, g2, one, two } = await oppositeOrders();
    await leadsIn([...one.ids.map((id, i) => [id, one.orders[i]!, 'New'] as [string, string, string]),
      ...two.ids.map((id, i) => [id, two.orders[i]!, 'New'] as [string, string, string])]);

    await bothSucceed(
      [`update public.leads set status = 'Approved' where id = any ($1)`, [one.ids]],
      [`update public.leads set status = 'Approved' where id = any ($1)`, [two.ids]],
      [g1, g2],
    );

    assert.deepEqual(await delivered([a, b, g1, g2]), [2, 2, 1, 1]);
    const events = await db.query(
      `select event_type, data from public.order_events where order_id = $1 and event_type <> 'lead_assigned' and lead_id is not null order by id`,
      [g1]);
    assert.deepEqual(events.rows, [{ event_type: 'lead_delivered', data: { from_status: 'New', to_status: 'Approved' } }]);
    const stamped = await db.query('select count(*)::int as n from public.leads where id = any ($1) and delivered_at is not null', [[...one.ids, ...two.ids]]);
    assert.equal(stamped.rows[0].n, 6);
  });

  test('two direct multi-row inserts into the same orders in opposite order both succeed', async () => {
    const { db } = backend();
    const { a, b, g1, g2, one, two } = await oppositeOrders();
    const insert = (ids: string[], orders: string[]) => [
      `insert into public.leads (id, company_name, status, client_id, order_id)
       select u.id, 'Imported', 'Approved', $3, u.order_id from unnest($1::uuid[], $2::uuid[]) with ordinality as u(id, order_id, n) order by u.n`,
      [ids, orders, w.clientIdA],
    ] as [string, unknown[]];

    await bothSucceed(insert(one.ids, one.orders), insert(two.ids, two.orders), [g1, g2]);

    assert.deepEqual(await delivered([a, b, g1, g2]), [2, 2, 1, 1]);
    const assigned = await db.query(
      `select lead_id, data from public.order_events where order_id = $1 and event_type = 'lead_assigned' order by lead_id`, [a]);
    assert.deepEqual(assigned.rows, [{ lead_id: one.ids[0], data: { delivered: true } }, { lead_id: two.ids[2], data: { delivered: true } }]);
  });

  test('two direct multi-row deletes of leads from the same orders in opposite order both succeed', async () => {
    const { db } = backend();
    const { a, b, g1, g2, one, two } = await oppositeOrders();
    await leadsIn([...one.ids.map((id, i) => [id, one.orders[i]!, 'Approved'] as [string, string, string]),
      ...two.ids.map((id, i) => [id, two.orders[i]!, 'Approved'] as [string, string, string])]);
    assert.deepEqual(await delivered([a, b, g1, g2]), [2, 2, 1, 1]);

    await bothSucceed(
      ['delete from public.leads where id = any ($1)', [one.ids]],
      ['delete from public.leads where id = any ($1)', [two.ids]],
      [g1, g2],
    );

    assert.deepEqual(await delivered([a, b, g1, g2]), [0, 0, 0, 0]);
    const left = await db.query(
      `select data from public.order_events where order_id = $1 and event_type = 'lead_unassigned' order by id`, [g2]);
    assert.deepEqual(left.rows, [{ data: { reason: 'lead_deleted' } }]);
  });

  test('a direct multi-row update that would overfill one of its orders is refused whole with order_full and changes nothing', async () => {
    const { db } = backend();
    const [from, roomy, tight] = [await order(), await order(5), await order(2)];
    const ids = Array.from({ length: 5 }, () => randomUUID()).sort();
    await leadsIn(ids.map((id) => [id, from, 'Approved']));
    const eventsBefore = (await db.query('select count(*)::int as n from public.order_events')).rows[0].n;

    // Two leads into an order with room, three into an order with two places left.
    const error = await rejectsWith(
      queryAs(db, w.admin, 'update public.leads set order_id = case when id = any ($1) then $2::uuid else $3::uuid end where id = any ($4)',
        [ids.slice(0, 2), roomy, tight, ids]),
      'order_full',
      /2 places left; these leads need 3/,
    );
    assert.equal(JSON.parse(error.detail).order_id, tight);

    assert.deepEqual(await delivered([from, roomy, tight]), [5, 0, 0]);
    const placed = await db.query('select count(*)::int as n from public.leads where id = any ($1) and order_id = $2', [ids, from]);
    assert.equal(placed.rows[0].n, 5);
    assert.equal((await db.query('select count(*)::int as n from public.order_events')).rows[0].n, eventsBefore);
    assert.deepEqual(await rpc(db, w.admin, 'rebuild_order_counts').then((r: any) => r.drifted), []);
  });

  test('a direct multi-row update refuses the lowest lead id that joins an order it may not join, and changes nothing', async () => {
    const { db } = backend();
    const [from, open, paused] = [await order(), await order(), await order()];
    await rpc(db, w.admin, 'update_order', { p_order_id: paused, p_changes: { status: 'Paused' } });
    const ids = Array.from({ length: 3 }, () => randomUUID()).sort();
    await leadsIn(ids.map((id) => [id, from, 'Approved']));

    await rejectsWith(
      queryAs(db, w.admin, 'update public.leads set order_id = case when id = $1 then $2::uuid else $3::uuid end where id = any ($4)',
        [ids[1], paused, open, ids]),
      'order_not_active',
    );
    assert.deepEqual(await delivered([from, open, paused]), [3, 0, 0]);
  });
  test('an upsert of leads (insert … on conflict do update, PostgREST\'s merge-duplicates) counts and records inserted and updated rows once each', async () => {
    const { db } = backend();
    const [from, to] = [await order(), await order()];
    const ids = Array.from({ length: 3 }, () => randomUUID()).sort();
    await leadsIn([[ids[0]!, from, 'Approved'], [ids[1]!, from, 'New']]);
    await queryAs(db, w.admin,
      `insert into public.leads (id, company_name, status, client_id, order_id)
       select u.id, 'Upserted', 'Approved', $2, $3 from unnest($1::uuid[]) as u(id)
       on conflict (id) do update set order_id = excluded.order_id, status = excluded.status`,
      [ids, w.clientIdA, to]);
    assert.deepEqual(await delivered([from, to]), [0, 3]);
    const events = await db.query(
      `select lead_id, event_type from public.order_events where order_id = $1 and lead_id is not null order by lead_id, id`, [to]);
    assert.deepEqual(events.rows, [
      { lead_id: ids[0], event_type: 'lead_moved' },
      { lead_id: ids[1], event_type: 'lead_moved' },
      { lead_id: ids[2], event_type: 'lead_assigned' },
    ]);
  });
});
