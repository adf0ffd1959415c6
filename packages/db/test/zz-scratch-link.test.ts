import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, orderRow, queryAs, recount, rpc, seedWorld, type World } from './support/world.js';

/** A signed-up client user: an auth user and its profile, as the agency's sign-up creates them. */
async function addClientUser(
  db: SqlDatabase,
  clientName: string | null,
  options: { leadsPurchased?: number; role?: 'admin' | 'client' } = {},
): Promise<string> {
  const id = randomUUID();
  await db.query('insert into auth.users (id, email) values ($1, $2)', [id, `${id.slice(0, 8)}@client.test`]);
  await db.query(
    `insert into public.profiles (id, email, full_name, role, client_name, leads_purchased)
     values ($1, $2, 'Someone', $3, $4, $5)`,
    [id, `${id.slice(0, 8)}@client.test`, options.role ?? 'client', clientName, options.leadsPurchased ?? 0],
  );
  return id;
}

async function addClient(db: SqlDatabase, clientName: string, profileId: string | null = null): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.clients (client_name, profile_id) values ($1, $2) returning id',
    [clientName, profileId],
  );
  return rows[0]!.id;
}

/** Leads created one day apart, oldest first, with the given statuses. Returns their ids in that order. */
async function addDatedLeads(db: SqlDatabase, clientId: string, statuses: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, status] of statuses.entries()) {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.leads (company_name, status, client_id, created_at)
       values ($1, $2, $3, timestamptz '2025-01-01 09:00+00' + make_interval(days => $4)) returning id`,
      [`Dated ${i}`, status, clientId, i],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

async function profileOf(db: SqlDatabase, clientId: string): Promise<string | null> {
  return (await db.query<{ profile_id: string | null }>('select profile_id from public.clients where id = $1', [clientId])).rows[0]!
    .profile_id;
}

async function leadOrders(db: SqlDatabase, leadIds: string[]): Promise<Map<string, string | null>> {
  const { rows } = await db.query<{ id: string; order_id: string | null }>(
    'select id, order_id from public.leads where id = any ($1::uuid[])',
    [leadIds],
  );
  return new Map(rows.map((r) => [r.id, r.order_id]));
}

const byClient = (list: any[], clientId: string) => list.filter((entry) => entry.client_id === clientId);

onEveryBackend('phase 5: link_clients_to_profiles and backfill_default_orders', (backend) => {
  let world: World;
  before(async () => {
    world = await seedWorld(backend().db);
  });

  describe('link_clients_to_profiles', () => {
    test('links exactly-one-name matches, reports ambiguous and missing ones, and records the report', async () => {
      const { db } = backend();
      const tag = randomUUID().slice(0, 6);
      const umbrellaUser = await addClientUser(db, ` umbrella ${tag} `);
      const hooliUsers = [await addClientUser(db, `Hooli ${tag}`), await addClientUser(db, `Hooli ${tag}`)];
      // An admin profile carrying a client's name is never taken for that client.
      await addClientUser(db, `Stark ${tag}`, { role: 'admin' });
      const umbrella = await addClient(db, `Umbrella ${tag}`);
      const hooli = await addClient(db, `Hooli ${tag}`);
      const nobody = await addClient(db, `Nobody ${tag}`);
      const stark = await addClient(db, `Stark ${tag}`);
      const { rows: before } = await db.query<{ n: number }>('select count(*)::int as n from lead_orders.client_link_reports');

      const report = (await db.query('select public.link_clients_to_profiles() as r')).rows[0]!.r;

      assert.deepEqual(byClient(report.linked, umbrella), [{ client_id: umbrella, client_name: `Umbrella ${tag}`, profile_id: umbrellaUser }]);
      assert.deepEqual(byClient(report.ambiguous, hooli), [
        { client_id: hooli, client_name: `Hooli ${tag}`, profile_ids: [...hooliUsers].sort() },
      ]);
      assert.deepEqual(byClient(report.missing, nobody), [{ client_id: nobody, client_name: `Nobody ${tag}` }]);
      assert.deepEqual(byClient(report.missing, stark), [{ client_id: stark, client_name: `Stark ${tag}` }]);
      // Clients linked before are not reported again.
      assert.deepEqual(byClient([...report.linked, ...report.ambiguous, ...report.missing], world.clientIdA), []);

      assert.equal(await profileOf(db, umbrella), umbrellaUser);
      assert.equal(await profileOf(db, hooli), null, 'an ambiguous name is never guessed');
      assert.equal(await profileOf(db, nobody), null);
      assert.equal(await profileOf(db, stark), null);
      assert.equal(await profileOf(db, world.clientIdA), world.userA);

      const { rows: after } = await db.query<{ n: number; report: unknown }>(
        `select (select count(*)::int from lead_orders.client_link_reports) as n,
                (select report from lead_orders.client_link_reports order by id desc limit 1) as report`,
      );
      assert.equal(after[0]!.n, before[0]!.n + 1);
      assert.deepEqual(after[0]!.report, report);
    });

    test('running it again links nothing new and keeps the ambiguous client unlinked', async () => {
      const { db } = backend();
      const report = (await db.query('select public.link_clients_to_profiles() as r')).rows[0]!.r;
      assert.deepEqual(report.linked, []);
      assert.ok(report.ambiguous.length >= 1);
    });

    test('clients and anon cannot run it', async () => {
      const { db } = backend();
      const tag = randomUUID().slice(0, 6);
      await addClientUser(db, `Wayne ${tag}`);
      const wayne = await addClient(db, `Wayne ${tag}`);
      await rejectsWith(rpc(db, world.clientA, 'link_clients_to_profiles'), 'forbidden');
      await assert.rejects(rpc(db, world.anon, 'link_clients_to_profiles'), (error: any) => error.code === '42501');
      assert.equal(await profileOf(db, wayne), null);
    });

    test('renaming a profile afterwards gains nothing: ownership follows clients.profile_id only', async () => {
      const { db } = backend();
      const order = await addOrder(db, world, world.clientIdA, 5);
      const [lead] = await addLeads(db, world.clientIdA, 1, { orderId: order.id });
      const clientNameA = (await db.query<{ client_name: string }>('select client_name from public.clients where id = $1', [world.clientIdA]))
        .rows[0]!.client_name;

      // Client B cannot rename itself into client A.
      await rejectsWith(
        queryAs(db, world.clientB, 'update public.profiles set client_name = $1 where id = $2', [clientNameA, world.userB]),
        'profile_locked',
      );
      await rejectsWith(
        queryAs(db, world.clientB, `update public.profiles set role = 'admin' where id = $1`, [world.userB]),
        'profile_locked',
      );
      assert.equal(
        (await db.query('select client_name from public.profiles where id = $1', [world.userB])).rows[0]!.client_name,
        `Globex ${world.adminId.slice(0, 8)}`,
      );

      // Even when an admin gives B the same client name as A, B sees nothing of A's.
      await queryAs(db, world.admin, 'update public.profiles set client_name = $1 where id = $2', [clientNameA, world.userB]);
      assert.deepEqual(await queryAs(db, world.clientB, 'select id from public.orders where id = $1', [order.id]), []);
      assert.deepEqual(await queryAs(db, world.clientB, 'select id from public.leads where id = $1', [lead]), []);
      const page = await rpc(db, world.clientB, 'get_orders');
      assert.equal(page.items.some((o: any) => o.client_id === world.clientIdA), false);
      // A still sees its own order.
      assert.equal((await queryAs(db, world.clientA, 'select id from public.orders where id = $1', [order.id])).length, 1);
    });

    test("a client carrying another client's name gets nothing from get_orders for that client's id", async () => {
      const { db } = backend();
      // B carries A's client name since the previous test; asking for A's orders explicitly still shows none.
      const order = await addOrder(db, world, world.clientIdA, 2);
      const page = await rpc(db, world.clientB, 'get_orders', { p_client_id: world.clientIdA });
      assert.deepEqual(page.items, []);
      const own = await rpc(db, world.clientA, 'get_orders', { p_client_id: world.clientIdA });
      assert.ok(own.items.some((o: any) => o.id === order.id));
    });
  });

  describe('backfill_default_orders', () => {
    let tag: string;
    let full: { client: string; leads: string[] };
    let partial: { client: string; leads: string[] };
    let withOrder: { client: string; order: string; leads: string[] };
    let noPurchase: string;
    let first: any;

    before(async () => {
      const { db } = backend();
      tag = randomUUID().slice(0, 6);
      // Bought 3; has 6 leads, 4 of them delivered: the 3 oldest delivered ones fill the order.
      const fullUser = await addClientUser(db, `Full ${tag}`, { leadsPurchased: 3 });
      const fullClient = await addClient(db, `Full ${tag}`, fullUser);
      const fullLeads = await addDatedLeads(db, fullClient, ['New', 'Lead', 'Approved', 'Rejected', 'Approved', 'Lead']);
      full = { client: fullClient, leads: fullLeads };
      // Bought 5; has 2 delivered leads: an Active order with 2 of 5.
      const partialUser = await addClientUser(db, `Partial ${tag}`, { leadsPurchased: 5 });
      const partialClient = await addClient(db, `Partial ${tag}`, partialUser);
      partial = { client: partialClient, leads: await addDatedLeads(db, partialClient, ['Approved', 'New', 'Lead']) };
      // Bought 4 but already has an order: skipped, its leads untouched.
      const orderUser = await addClientUser(db, `Ordered ${tag}`, { leadsPurchased: 4 });
      const orderClient = await addClient(db, `Ordered ${tag}`, orderUser);
      const existing = await addOrder(db, world, orderClient, 10);
      withOrder = { client: orderClient, order: existing.id, leads: await addDatedLeads(db, orderClient, ['Approved', 'Lead']) };
      // Linked but bought nothing: no order.
      const noPurchaseUser = await addClientUser(db, `Window ${tag}`);
      noPurchase = await addClient(db, `Window ${tag}`, noPurchaseUser);

      first = await rpc(db, world.admin, 'backfill_default_orders');
    });

    test('creates one Active "Default order" per client that bought leads and has none, with that quantity', async () => {
      const { db } = backend();
      for (const [client, purchased] of [[full.client, 3], [partial.client, 5]] as const) {
        const { rows } = await db.query('select * from public.orders where client_id = $1', [client]);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.name, 'Default order');
        assert.equal(rows[0]!.leads_purchased, purchased);
        assert.match(rows[0]!.order_number, /^ORD-\d{4}-\d{3,}$/);
        assert.deepEqual(byClient(first.created, client).map((c: any) => c.order_id), [rows[0]!.id]);
      }
      assert.deepEqual(byClient(first.created, noPurchase), []);
      assert.equal((await db.query('select 1 from public.orders where client_id = $1', [noPurchase])).rows.length, 0);
      assert.equal(first.orders_created, 2);
      assert.equal(first.leads_assigned, 5);
    });

    test('assigns the oldest delivered unassigned leads up to capacity and completes a full order', async () => {
      const { db } = backend();
      const [entry] = byClient(first.created, full.client);
      assert.equal(entry.leads_assigned, 3);
      assert.equal(entry.delivered_leads_left_out, 1);
      const placed = await leadOrders(db, full.leads);
      const expected = [null, entry.order_id, entry.order_id, null, entry.order_id, null];
      assert.deepEqual(full.leads.map((id) => placed.get(id)), expected, 'the three oldest Approved/Lead leads, by created_at');
      const order = await orderRow(db, entry.order_id);
      assert.equal(order.leads_delivered, 3);
      assert.equal(await recount(db, entry.order_id), 3);
      assert.equal(order.status, 'Completed');
      assert.notEqual(order.completion_date, null);
    });

    test('an order with room stays Active with the delivered leads it got', async () => {
      const { db } = backend();
      const [entry] = byClient(first.created, partial.client);
      assert.equal(entry.leads_assigned, 2);
      assert.equal(entry.delivered_leads_left_out, 0);
      const placed = await leadOrders(db, partial.leads);
      assert.deepEqual(partial.leads.map((id) => placed.get(id)), [entry.order_id, null, entry.order_id]);
      const order = await orderRow(db, entry.order_id);
      assert.equal(order.status, 'Active');
      assert.equal(order.leads_delivered, 2);
      assert.equal(order.completion_date, null);
    });

    test('skips clients that already have orders and reports clients without a linked profile', async () => {
      const { db } = backend();
      assert.deepEqual(byClient(first.skipped, withOrder.client), [
        { client_id: withOrder.client, client_name: `Ordered ${tag}`, reason: 'has_orders' },
      ]);
      assert.deepEqual(byClient(first.created, withOrder.client), []);
      const { rows } = await db.query('select id from public.orders where client_id = $1', [withOrder.client]);
      assert.deepEqual(rows.map((r) => r.id), [withOrder.order]);
      const placed = await leadOrders(db, withOrder.leads);
      assert.deepEqual(withOrder.leads.map((id) => placed.get(id)), [null, null]);

      const unlinked = byClient(first.skipped, world.clientIdC);
      assert.equal(unlinked.length, 1);
      assert.equal(unlinked[0].reason, 'no_linked_profile');
      assert.equal((await db.query('select 1 from public.orders where client_id = $1', [world.clientIdC])).rows.length, 0);
    });

    test('is idempotent: a second run creates nothing and moves no lead', async () => {
      const { db } = backend();
      const snapshot = async () =>
        (await db.query(`select id, order_id, status from public.leads order by id`)).rows;
      const orders = async () => (await db.query('select count(*)::int as n from public.orders')).rows[0]!.n;
      const leadsBefore = await snapshot();
      const ordersBefore = await orders();
      const second = await rpc(db, world.admin, 'backfill_default_orders');
      assert.equal(second.orders_created, 0);
      assert.equal(second.leads_assigned, 0);
      assert.deepEqual(second.created, []);
      for (const client of [full.client, partial.client, withOrder.client]) {
        assert.equal(byClient(second.skipped, client)[0]?.reason, 'has_orders');
      }
      assert.equal(await orders(), ordersBefore);
      assert.deepEqual(await snapshot(), leadsBefore);
    });

    test('is refused for clients (forbidden) and anon, changing nothing', async () => {
      const { db } = backend();
      const user = await addClientUser(db, `Late ${tag}`, { leadsPurchased: 2 });
      const client = await addClient(db, `Late ${tag}`, user);
      await addDatedLeads(db, client, ['Approved']);
      await rejectsWith(rpc(db, world.clientA, 'backfill_default_orders'), 'forbidden');
      await rejectsWith(rpc(db, { role: 'authenticated', userId: user }, 'backfill_default_orders'), 'forbidden');
      await assert.rejects(rpc(db, world.anon, 'backfill_default_orders'), (error: any) => error.code === '42501');
      assert.equal((await db.query('select 1 from public.orders where client_id = $1', [client])).rows.length, 0);
    });
  });
});
