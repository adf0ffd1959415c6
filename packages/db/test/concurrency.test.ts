import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { actAs, type SqlDatabase } from '../src/index.js';
import { fromPgPool, startEmbeddedPostgres, type EmbeddedServer } from '../src/node.js';
import { setupDatabase } from './support/setup-database.js';
import { addLeads, addOrder, orderRow, recount, seedWorld, type World } from './support/world.js';

// Many connections at once on a real server (PGlite has a single session, so it cannot race).

const WORKERS = 20;

/** Resolves for everyone once `n` callers have arrived, so the work after it really overlaps. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) release();
    return all;
  };
}

describe('concurrent writers (postgres 17)', () => {
  let server: EmbeddedServer;
  let pool: pg.Pool;
  let db: SqlDatabase;
  let world: World;

  before(async () => {
    server = await startEmbeddedPostgres({ version: 17 });
    pool = new pg.Pool({ connectionString: server.url, max: WORKERS + 5 });
    db = fromPgPool(pool);
    await setupDatabase(db);
    world = await seedWorld(db);
  });
  after(async () => {
    await pool?.end();
    await server?.stop();
  });

  /** Each of `statements` runs as the admin in its own transaction on its own connection, all released together. */
  function runTogether(statements: { sql: string; params: unknown[] }[]): Promise<PromiseSettledResult<unknown>[]> {
    const arrive = barrier(statements.length);
    return Promise.allSettled(
      statements.map(({ sql, params }) =>
        actAs(db, world.admin, async (tx) => {
          await tx.query('select 1');
          await arrive();
          return (await tx.query(sql, params)).rows;
        }),
      ),
    );
  }

  /** Waits until `n` other sessions (whose query matches `like`) are waiting for a lock; fails after ~30 s. */
  async function lockWaiters(n: number, like = '%'): Promise<number> {
    let waiting = 0;
    for (let i = 0; i < 600 && waiting < n; i++) {
      await sleep(50);
      const { rows } = await pool.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid() and query like $1`,
        [like],
      );
      waiting = rows[0]!.n;
    }
    return waiting;
  }

  /**
   * Holds the order's row lock while the workers start, until every one of them is waiting for it,
   * then lets them all go: they compete for the last places one at a time, each on the order as
   * the previous one left it.
   */
  async function gated(orderId: string, start: () => Promise<PromiseSettledResult<unknown>[]>) {
    const gate = await pool.connect();
    try {
      await gate.query('begin');
      await gate.query('select 1 from public.orders where id = $1 for update', [orderId]);
      const results = start();
      assert.equal(await lockWaiters(WORKERS), WORKERS, 'every worker is waiting for the order');
      await gate.query('commit');
      return await results;
    } finally {
      gate.release();
    }
  }

  function tally(results: PromiseSettledResult<unknown>[]) {
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    return { ok: results.filter((r) => r.status === 'fulfilled').length, codes: refusals.map((e: any) => e.code as string), refusals };
  }

  async function orderWithPlacesLeft(purchased: number, placesLeft: number) {
    const order = await addOrder(db, world, world.clientIdA, purchased);
    await addLeads(db, world.clientIdA, purchased - placesLeft, { orderId: order.id });
    const leads = await addLeads(db, world.clientIdA, WORKERS);
    return { order, leads };
  }

  async function assertFilled(orderId: string, purchased: number, winners: number) {
    const row = await orderRow(db, orderId);
    assert.equal(row.leads_delivered, purchased);
    assert.equal(await recount(db, orderId), purchased);
    assert.equal(row.status, 'Completed');
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.order_events where order_id = $1 and event_type = 'lead_assigned'`,
      [orderId],
    );
    assert.equal(rows[0]!.n, purchased - 10 + winners);
  }

  // The order's status is decided under its row lock, on the row as it is after waiting: the
  // tenth winner fills the order, which completes itself, so every later worker finds it
  // Completed (order_not_active) rather than merely full.
  test('20 connections assigning through assign_lead_to_order to an order with 10 places left: exactly 10 succeed, 10 find it completed', async () => {
    const { order, leads } = await orderWithPlacesLeft(25, 10);
    const results = await gated(order.id, () =>
      runTogether(leads.map((id) => ({ sql: 'select public.assign_lead_to_order($1, $2)', params: [id, order.id] }))),
    );
    const { ok, codes, refusals } = tally(results);
    assert.equal(ok, 10);
    assert.deepEqual(codes, Array(10).fill('LO040'), refusals.map((e) => e.message).join('; '));
    for (const error of refusals) assert.deepEqual([JSON.parse(error.detail).code, JSON.parse(error.detail).status], ['order_not_active', 'Completed']);
    await assertFilled(order.id, 25, 10);
  });

  test('the same through direct updates of leads.order_id, as a portal does through PostgREST', async () => {
    const { order, leads } = await orderWithPlacesLeft(12, 10);
    const results = await gated(order.id, () =>
      runTogether(leads.map((id) => ({ sql: 'update public.leads set order_id = $2 where id = $1 returning id', params: [id, order.id] }))),
    );
    const { ok, codes } = tally(results);
    assert.equal(ok, 10);
    assert.deepEqual(codes, Array(10).fill('LO040'));
    await assertFilled(order.id, 12, 10);
  });

  test('without holding them back, still exactly 10 succeed; late arrivals find the order full or already Completed', async () => {
    for (const direct of [false, true]) {
      const { order, leads } = await orderWithPlacesLeft(15, 10);
      const sql = direct ? 'update public.leads set order_id = $2 where id = $1' : 'select public.assign_lead_to_order($1, $2)';
      const { ok, codes } = tally(await runTogether(leads.map((id) => ({ sql, params: [id, order.id] }))));
      assert.equal(ok, 10);
      assert.equal(codes.length, 10);
      for (const code of codes) assert.ok(code === 'LO041' || code === 'LO040', `refused with ${code}`);
      await assertFilled(order.id, 15, 10);
    }
  });

  test('two transactions moving leads between two orders in opposite directions, repeatedly, never deadlock', async () => {
    const x = await addOrder(db, world, world.clientIdB, 100);
    const y = await addOrder(db, world, world.clientIdB, 100);
    const setA = await addLeads(db, world.clientIdB, 5, { orderId: x.id });
    const setB = await addLeads(db, world.clientIdB, 5, { orderId: y.id });
    let aIn = x.id;
    let bIn = y.id;
    for (let round = 0; round < 30; round++) {
      const aTo = aIn === x.id ? y.id : x.id;
      const bTo = bIn === x.id ? y.id : x.id;
      const arrive = barrier(2);
      const results = await Promise.allSettled([
        // One by one through the RPC…
        actAs(db, world.admin, async (tx) => {
          await tx.query('select 1');
          await arrive();
          for (const id of setA) await tx.query('select public.assign_lead_to_order($1, $2)', [id, aTo]);
        }),
        // …against one multi-row update going the other way.
        actAs(db, world.admin, async (tx) => {
          await tx.query('select 1');
          await arrive();
          await tx.query('update public.leads set order_id = $2 where id = any ($1::uuid[])', [setB, bTo]);
        }),
      ]);
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [`${r.reason.code} ${r.reason.message}`] : []));
      assert.deepEqual(failures, [], `round ${round}`);
      aIn = aTo;
      bIn = bTo;
      for (const order of [x, y]) {
        assert.equal((await orderRow(db, order.id)).leads_delivered, await recount(db, order.id), `round ${round}`);
      }
    }
    assert.equal((await orderRow(db, x.id)).leads_delivered + (await orderRow(db, y.id)).leads_delivered, 10);
  });

  test('concurrent create_order calls with automatic numbers get unique ORD-<year>-NNN numbers', async () => {
    const { rows } = await db.query<{ year: number }>('select extract(year from current_date)::int as year');
    const year = rows[0]!.year;
    const results = await runTogether(
      Array.from({ length: WORKERS }, (_, i) => ({
        sql: `select public.create_order(p_client_id => $1, p_leads_purchased => $2) as result`,
        params: [i % 2 === 0 ? world.clientIdA : world.clientIdB, i + 1],
      })),
    );
    const { ok, refusals } = tally(results);
    assert.equal(ok, WORKERS, refusals.map((e) => `${e.code} ${e.message}`).join('; '));
    const numbers = results.map((r) => ((r as PromiseFulfilledResult<any[]>).value[0].result.order_number as string));
    assert.equal(new Set(numbers).size, WORKERS);
    for (const number of numbers) assert.match(number, new RegExp(`^ORD-${year}-\\d{3,}$`));
    const { rows: stored } = await db.query<{ n: number }>('select count(*)::int as n from public.orders where order_number = any ($1)', [numbers]);
    assert.equal(stored[0]!.n, WORKERS);
  });

  test('an automatic number never fails because an admin is taking that very number by hand at the same moment', async () => {
    const { rows } = await db.query<{ next: string }>(
      `select format('ORD-%s-%s', extract(year from current_date)::int, lpad((coalesce(max(last_value), 0) + 1)::text, 3, '0')) as next
         from public.order_number_counters where year = extract(year from current_date)::int`,
    );
    const manual = rows[0]!.next;
    const byHand = await pool.connect();
    try {
      await byHand.query('begin');
      await byHand.query('set local role authenticated');
      await byHand.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ role: 'authenticated', sub: world.adminId })]);
      await byHand.query('select public.create_order(p_client_id => $1, p_leads_purchased => 5, p_order_number => $2)', [world.clientIdA, manual]);
      const automatic = actAs(db, world.admin, async (tx) =>
        (await tx.query('select public.create_order(p_client_id => $1, p_leads_purchased => 5) as result', [world.clientIdB])).rows[0].result);
      const outcome = automatic.then((value) => ({ value }), (error) => ({ error }));
      assert.equal(await lockWaiters(1, '%create_order%'), 1, 'the automatic creation waits for the manual one');
      await byHand.query('commit');
      const result: any = await outcome;
      assert.equal(result.error, undefined, `automatic numbering failed: ${result.error?.code} ${result.error?.message}`);
      assert.notEqual(result.value.order_number, manual);
      assert.match(result.value.order_number, /^ORD-\d{4}-\d{3,}$/);
    } finally {
      byHand.release();
    }
  });

  test('rebuild_order_counts repairing an order while a lead is being assigned to it leaves the count equal to a recount', async () => {
    const order = await addOrder(db, world, world.clientIdA, 20);
    await addLeads(db, world.clientIdA, 4, { orderId: order.id });
    // Drift: one delivered lead imported without the counting triggers (stored 4, actual 5).
    await db.transaction(async (tx) => {
      await tx.query('set local session_replication_role = replica');
      await tx.query(`insert into public.leads (company_name, status, client_id, order_id) values ('Imported', 'Approved', $1, $2)`,
        [world.clientIdA, order.id]);
    });
    const [lead] = await addLeads(db, world.clientIdA, 1);

    // An assignment is under way (it holds the order's row) when the rebuild recounts.
    const assigner = await pool.connect();
    try {
      await assigner.query('begin');
      await assigner.query('update public.leads set order_id = $2 where id = $1', [lead, order.id]);
      const rebuilding = actAs(db, world.admin, (tx) => tx.query('select public.rebuild_order_counts() as result'));
      assert.equal(await lockWaiters(1, '%rebuild_order_counts%'), 1, 'the rebuild waits for the assignment');
      await assigner.query('commit');
      await rebuilding;
    } finally {
      assigner.release();
    }
    assert.equal(await recount(db, order.id), 6);
    assert.equal((await orderRow(db, order.id)).leads_delivered, 6, 'the rebuild wrote a count older than the assignment');
  });
});
