import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { openSession, waitUntilBlocked } from './support/sessions.js';
import { addOrder, orderRow, recount, rpc, seedWorld, type World } from './support/world.js';

/**
 * Multi-row writes take their locks in one global order — the leads by id, then every order
 * they touch (the sources of moved leads and the target) by id — so two writers never wait on
 * each other in a cycle.
 *
 * On PostgreSQL two admins move leads spread over several source orders at once, interleaved on
 * two connections. PGlite has one session (nothing runs at once there): the same moves run one
 * after the other and must both succeed with the same counts.
 */
onEveryBackend('bulk moves lock in one global order', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  async function order(): Promise<string> {
    return (await addOrder(backend().db, w, w.clientIdA, 10)).id;
  }

  /** Inserts delivered leads with the given ids into the given orders, in id order (so scans meet them in that order). */
  async function leadsIn(placed: [string, string][]): Promise<void> {
    for (const [id, orderId] of [...placed].sort(([a], [b]) => a.localeCompare(b))) {
      await backend().db.query(`insert into public.leads (id, company_name, status, client_id, order_id) values ($1, 'Co', 'Approved', $2, $3)`,
        [id, w.clientIdA, orderId]);
    }
  }

  test('leads from orders A, E, B moved into C while leads from B, F, A move into D: both succeed, no deadlock', async () => {
    const { db, pool } = backend();
    const [a, b, c, d, e, f] = [await order(), await order(), await order(), await order(), await order(), await order()];
    // Admin 1 meets its leads in the order A, E, B; admin 2 in the order B, F, A.
    const ids = Array.from({ length: 6 }, () => randomUUID()).sort();
    const first = [ids[0]!, ids[2]!, ids[4]!];
    const second = [ids[1]!, ids[3]!, ids[5]!];
    await leadsIn([[first[0]!, a], [first[1]!, e], [first[2]!, b], [second[0]!, b], [second[1]!, f], [second[2]!, a]]);

    if (!pool) {
      await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: first, p_order_id: c });
      await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: second, p_order_id: d });
    } else {
      // A third connection holds E and F, so each admin stops midway with part of its locks taken;
      // released together, an admin that locks source orders lead by lead waits for the other's.
      const gate = await openSession(pool, w.service);
      const one = await openSession(pool, w.admin);
      const two = await openSession(pool, w.admin);
      try {
        await gate.query('select id from public.orders where id = any ($1) order by id for update', [[e, f]]);
        const moveOne = one.start('select public.assign_leads_to_order($1, $2)', [first, c]);
        const moveTwo = two.start('select public.assign_leads_to_order($1, $2)', [second, d]);
        await waitUntilBlocked(pool, one.pid, moveOne);
        await waitUntilBlocked(pool, two.pid, moveTwo);
        await gate.commit();
        // Each admin ends its transaction as soon as its move returns: one may wait for the other.
        const finish = (move: typeof moveOne, session: typeof one) =>
          move.then(async (outcome) => ((outcome.error ? await session.rollback() : await session.commit()), outcome));
        const outcomes = await Promise.all([finish(moveOne, one), finish(moveTwo, two)]);
        assert.deepEqual(outcomes.map((o) => o.error && `${o.error.code} ${o.error.message}`), [undefined, undefined]);
      } finally {
        for (const s of [gate, one, two]) {
          await s.rollback().catch(() => undefined);
          s.release();
        }
      }
    }

    const delivered = async (id: string) => (await orderRow(db, id)).leads_delivered;
    assert.deepEqual([await delivered(c), await delivered(d)], [3, 3]);
    for (const id of [a, b, e, f]) assert.equal(await delivered(id), 0);
    for (const id of [a, b, c, d, e, f]) assert.equal(await delivered(id), await recount(db, id));
  });

  test('a single move of a lead that a waiting bulk move holds waits for it and then moves the lead from where the bulk move put it', async () => {
    const { db, pool } = backend();
    const [x, y, z] = [await order(), await order(), await order()];
    const ids = Array.from({ length: 3 }, () => randomUUID()).sort();
    await leadsIn([[ids[0]!, x], [ids[1]!, y], [ids[2]!, x]]);
    if (!pool) {
      await rpc(db, w.admin, 'assign_leads_to_order', { p_lead_ids: [ids[1], ids[2]], p_order_id: z });
      await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: ids[1], p_order_id: x });
    } else {
      const gate = await openSession(pool, w.service);
      const one = await openSession(pool, w.admin);
      const two = await openSession(pool, w.admin);
      try {
        await gate.query('select id from public.orders where id = $1 for update', [z]);
        const bulk = two.start('select public.assign_leads_to_order($1, $2)', [[ids[1], ids[2]], z]);
        await waitUntilBlocked(pool, two.pid, bulk);
        const single = one.start('select public.assign_lead_to_order($1, $2) as result', [ids[1], x]);
        await waitUntilBlocked(pool, one.pid, single);
        await gate.commit();
        assert.equal((await bulk).error, undefined);
        await two.commit();
        const moved = await single;
        assert.equal(moved.error, undefined, moved.error?.message);
        assert.equal(moved.rows![0].result.previous_order.id, z, 'the move starts from the order the bulk move put the lead in');
        await one.commit();
      } finally {
        for (const s of [gate, one, two]) {
          await s.rollback().catch(() => undefined);
          s.release();
        }
      }
    }
    for (const id of [x, y, z]) assert.equal((await orderRow(db, id)).leads_delivered, await recount(db, id));
    assert.deepEqual([(await orderRow(db, x)).leads_delivered, (await orderRow(db, y)).leads_delivered, (await orderRow(db, z)).leads_delivered], [2, 0, 1]);
  });
});
