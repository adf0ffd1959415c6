import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { claimsFor, type Identity } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, queryAs, rpc, seedWorld, type World } from './support/world.js';

/**
 * The Row Level Security matrix: anon, client A, client B and admin against every table, the
 * view and every function. Each world is seeded fresh, so the expected counts are exact.
 */
onEveryBackend('row level security', (backend) => {
  let w: World;
  let orderA: any;
  let orderB: any;
  let leadA: string;
  let leadB: string;
  const who = (): Record<string, Identity> => ({ anon: w.anon, clientA: w.clientA, clientB: w.clientB, admin: w.admin });

  before(async () => {
    const { db } = backend();
    w = await seedWorld(db);
    orderA = await addOrder(db, w, w.clientIdA, 10);
    orderB = await addOrder(db, w, w.clientIdB, 10);
    [leadA] = await addLeads(db, w.clientIdA, 1, { orderId: orderA.id });
    [leadB] = await addLeads(db, w.clientIdB, 1, { orderId: orderB.id });
  });

  /** Rows of `table` visible to each identity among this world's orders. */
  async function visible(sql: string, params: unknown[]): Promise<Record<string, number | 'denied'>> {
    const result: Record<string, number | 'denied'> = {};
    for (const [name, identity] of Object.entries(who())) {
      try {
        result[name] = (await queryAs(backend().db, identity, sql, params)).length;
      } catch (error: any) {
        assert.equal(error.code, '42501', `${name}: ${error.message}`);
        result[name] = 'denied';
      }
    }
    return result;
  }

  const worldOrders = () => [orderA.id, orderB.id];

  /** Every function that writes, with arguments that would succeed for an admin. */
  const writeCalls = (): [string, Record<string, unknown>][] => [
    ['create_order', { p_client_id: w.clientIdA, p_leads_purchased: 1 }],
    ['update_order', { p_order_id: orderA.id, p_changes: { name: 'x' } }],
    ['assign_lead_to_order', { p_lead_id: leadA, p_order_id: null }],
    ['assign_leads_to_order', { p_lead_ids: [leadA], p_order_id: null }],
    ['assign_lead_to_client', { p_lead_id: leadA, p_client_id: w.clientIdA }],
    ['backfill_default_orders', {}],
    ['rebuild_order_counts', {}],
    ['link_clients_to_profiles', {}],
    ['next_order_number', {}],
  ];

  test('orders: a client sees its own, the admin all, anon nothing', async () => {
    assert.deepEqual(await visible('select id from public.orders where id = any($1)', [worldOrders()]),
      { anon: 'denied', clientA: 1, clientB: 1, admin: 2 });
    const mine = await queryAs(backend().db, w.clientA, 'select id from public.orders where id = any($1)', [worldOrders()]);
    assert.deepEqual(mine.map((r) => r.id), [orderA.id]);
  });

  test('order_summary respects the caller (security_invoker)', async () => {
    assert.deepEqual(await visible('select id from public.order_summary where id = any($1)', [worldOrders()]),
      { anon: 'denied', clientA: 1, clientB: 1, admin: 2 });
  });

  test('order_events: a client sees its own orders\' history only', async () => {
    assert.deepEqual(await visible('select id from public.order_events where order_id = any($1)', [worldOrders()]),
      { anon: 'denied', clientA: 2, clientB: 2, admin: 4 });
  });

  test('leads and clients: own rows only', async () => {
    assert.deepEqual(await visible('select id from public.leads where id = any($1)', [[leadA, leadB]]),
      { anon: 0, clientA: 1, clientB: 1, admin: 2 });
    assert.deepEqual(await visible('select id from public.clients where id = any($1)', [[w.clientIdA, w.clientIdB, w.clientIdC]]),
      { anon: 0, clientA: 1, clientB: 1, admin: 3 });
  });

  test('clients cannot write orders, history or leads', async () => {
    const { db } = backend();
    for (const client of [w.clientA, w.clientB]) {
      assert.equal((await queryAs(db, client, `update public.orders set name = 'hacked' where id = any($1) returning id`, [worldOrders()])).length, 0);
      assert.equal((await queryAs(db, client, `delete from public.orders where id = any($1) returning id`, [worldOrders()])).length, 0);
      assert.equal((await queryAs(db, client, `update public.leads set order_id = null where id = any($1) returning id`, [[leadA, leadB]])).length, 0);
      await assert.rejects(queryAs(db, client, `insert into public.orders (client_id, leads_purchased) values ($1, 5)`, [w.clientIdA]), /row-level security|Only admins/);
      await assert.rejects(queryAs(db, client, `insert into public.order_events (order_id, client_id, event_type) values ($1, $2, 'created')`, [orderA.id, w.clientIdA]), /permission denied/);
    }
    await assert.rejects(queryAs(db, w.admin, `delete from public.order_events where order_id = $1`, [orderA.id]), /permission denied/);
    const row = (await db.query('select name, leads_delivered from public.orders where id = $1', [orderA.id])).rows[0];
    assert.deepEqual([row.name, row.leads_delivered], [null, 1]);
  });

  test('get_orders and get_order_details show a client only its own orders', async () => {
    const { db } = backend();
    const listA = await rpc(db, w.clientA, 'get_orders', { p_limit: 500 });
    assert.ok(listA.items.every((o: any) => o.client_id === w.clientIdA));
    assert.ok(listA.items.some((o: any) => o.id === orderA.id));
    const asksForB = await rpc(db, w.clientA, 'get_orders', { p_client_id: w.clientIdB });
    assert.deepEqual(asksForB.items, []);
    const admin = await rpc(db, w.admin, 'get_orders', { p_limit: 500 });
    assert.ok([orderA.id, orderB.id].every((id) => admin.items.some((o: any) => o.id === id)));

    const details = await rpc(db, w.clientA, 'get_order_details', { p_order_id: orderA.id });
    assert.equal(details.leads.length, 1);
    assert.equal(details.timeline.length, 2);
    await rejectsWith(rpc(db, w.clientA, 'get_order_details', { p_order_id: orderB.id }), 'order_not_found');
    await rejectsWith(rpc(db, w.clientB, 'get_order_details', { p_order_id: orderA.id }), 'order_not_found');
  });

  test('get_order_stats: a client counts only its own orders, even when naming another client', async () => {
    const { db } = backend();
    const a = await rpc(db, w.clientA, 'get_order_stats');
    const aForB = await rpc(db, w.clientA, 'get_order_stats', { p_client_id: w.clientIdB });
    const all = await rpc(db, w.admin, 'get_order_stats');
    const adminForA = await rpc(db, w.admin, 'get_order_stats', { p_client_id: w.clientIdA });
    assert.equal(a.orders_total, adminForA.orders_total);
    assert.equal(a.leads_delivered, 1);
    assert.equal(aForB.orders_total, 0);
    assert.ok(all.orders_total >= 2);
  });

  test('anon can execute none of the functions', async () => {
    const { db } = backend();
    const calls: [string, Record<string, unknown>][] = [
      ['get_orders', {}],
      ['get_order_details', { p_order_id: orderA.id }],
      ['get_order_stats', {}],
      ...writeCalls(),
      ['my_client_ids', {}],
    ];
    for (const [fn, args] of calls) {
      await assert.rejects(rpc(db, w.anon, fn, args), (e: any) => e.code === '42501', `anon executed ${fn}`);
    }
  });

  test('clients are refused every write function with forbidden', async () => {
    const { db } = backend();
    const calls = writeCalls();
    for (const client of [w.clientA, w.clientB]) {
      for (const [fn, args] of calls) await rejectsWith(rpc(db, client, fn, args), 'forbidden');
    }
  });

  test('a client cannot make itself admin or take another client\'s name', async () => {
    const { db } = backend();
    await rejectsWith(queryAs(db, w.clientA, `update public.profiles set role = 'admin' where id = $1`, [w.userA]), 'profile_locked');
    await rejectsWith(queryAs(db, w.clientA, `update public.profiles set client_name = (select client_name from public.clients where id = $2) where id = $1`, [w.userA, w.clientIdB]), 'profile_locked');
    await rejectsWith(queryAs(db, w.clientA, `update public.profiles set leads_purchased = 1000 where id = $1`, [w.userA]), 'profile_locked');
    const renamed = await queryAs(db, w.clientA, `update public.profiles set full_name = 'Alice A.' where id = $1 returning full_name`, [w.userA]);
    assert.equal(renamed[0].full_name, 'Alice A.');
    assert.deepEqual(await visible('select id from public.orders where id = any($1)', [worldOrders()]),
      { anon: 'denied', clientA: 1, clientB: 1, admin: 2 });
    const role = (await db.query('select role from public.profiles where id = $1', [w.userA])).rows[0].role;
    assert.equal(role, 'client');
  });

  test('a new user cannot sign up as admin', async () => {
    const { db } = backend();
    const id = '00000000-0000-4000-8000-0000000000aa';
    await db.query(`insert into auth.users (id, email) values ($1, 'new@x.test') on conflict do nothing`, [id]);
    await assert.rejects(
      queryAs(db, { role: 'authenticated', userId: id }, `insert into public.profiles (id, role) values ($1, 'admin')`, [id]),
      (e: any) => e.code === 'LO011' || e.code === '42501',
    );
  });

  test('ownership follows clients.profile_id, not the profile\'s client name', async () => {
    const { db } = backend();
    // The agency renames B's profile to A's client name (as the database owner): B gains nothing.
    await db.query(`update public.profiles set client_name = (select client_name from public.clients where id = $2) where id = $1`, [w.userB, w.clientIdA]);
    assert.deepEqual(await visible('select id from public.orders where id = any($1)', [worldOrders()]),
      { anon: 'denied', clientA: 1, clientB: 1, admin: 2 });
    // Ownership follows clients.profile_id, not the name: B still sees B's orders.
    const list = await rpc(db, w.clientB, 'get_orders');
    assert.ok(list.items.some((o: any) => o.id === orderB.id));
  });
  test('after a lead moves from client A\'s order to client B\'s, neither client\'s history names the other\'s order', async () => {
    const { db } = backend();
    const fromA = await addOrder(db, w, w.clientIdA, 5);
    const toB = await addOrder(db, w, w.clientIdB, 5);
    const [lead] = await addLeads(db, w.clientIdA, 1, { orderId: fromA.id });
    await rpc(db, w.admin, 'assign_lead_to_client', { p_lead_id: lead, p_client_id: w.clientIdB, p_order_id: toB.id });
    const history = async (who: Identity, orderId: string) => JSON.stringify([
      await queryAs(db, who, 'select * from public.order_events where order_id = $1', [orderId]),
      (await rpc(db, who, 'get_order_details', { p_order_id: orderId })).timeline,
    ]);
    const seenByA = await history(w.clientA, fromA.id);
    const seenByB = await history(w.clientB, toB.id);
    assert.match(seenByA, /lead_moved/);
    assert.match(seenByB, /lead_moved/);
    assert.ok(!seenByA.includes(toB.id), 'A\'s history names B\'s order');
    assert.ok(!seenByB.includes(fromA.id), 'B\'s history names A\'s order');
    // A move within one client still names both orders.
    const other = await addOrder(db, w, w.clientIdB, 5);
    await rpc(db, w.admin, 'assign_lead_to_order', { p_lead_id: lead, p_order_id: other.id });
    const within = await queryAs(db, w.clientB, `select data from public.order_events where order_id = $1 and event_type = 'lead_moved'`, [other.id]);
    assert.deepEqual([within[0].data.from_order_id, within[0].data.to_order_id], [toB.id, other.id]);
  });

  /** Runs `sql` in one transaction as the custom role `support_agent` (a member of authenticated) acting for `userId`. */
  async function asCustomRole(userId: string, sql: string, params: unknown[] = []): Promise<any[]> {
    const { db } = backend();
    await db.exec(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'support_agent') then create role support_agent nologin; end if;
    end $$; grant authenticated to support_agent;`);
    return db.transaction(async (tx) => {
      await tx.query('set local role support_agent');
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor({ role: 'authenticated', userId }))]);
      return (await tx.query(sql, params)).rows;
    });
  }

  test('a custom role that is a member of authenticated is no admin: it reads only its user\'s clients', async () => {
    const [list] = await asCustomRole(w.userA, 'select public.get_orders(p_limit => 500) as r');
    assert.ok(list.r.items.length > 0);
    assert.ok(list.r.items.every((o: any) => o.client_id === w.clientIdA), 'lists another client\'s orders');
    const [stats] = await asCustomRole(w.userA, 'select public.get_order_stats($1) as r', [w.clientIdB]);
    assert.equal(stats.r.orders_total, 0);
    const [own] = await asCustomRole(w.userA, 'select public.get_order_stats() as r');
    assert.equal(own.r.orders_total, (await rpc(backend().db, w.clientA, 'get_order_stats')).orders_total);
    const [check] = await asCustomRole(w.adminId, 'select public.is_order_admin() as admin');
    assert.equal(check.admin, false);
  });

  test('a custom role acting for an admin user is refused every write function with forbidden', async () => {
    for (const [fn, args] of writeCalls()) {
      const names = Object.keys(args);
      await rejectsWith(asCustomRole(w.adminId, `select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')})`, names.map((n) => args[n])), 'forbidden');
    }
  });

  test('admins are exactly the service role, the tables\' owner on a direct connection, and users whose profile says admin', async () => {
    const { db } = backend();
    const check = (who: Identity) => queryAs(db, who, 'select public.is_order_admin() as admin').then((r) => r[0].admin);
    assert.deepEqual([await check(w.service), await check(w.admin), await check(w.clientA), await check(w.clientB)], [true, true, false, false]);
    assert.equal((await db.query('select public.is_order_admin() as admin')).rows[0].admin, true);
  });

  test('anon and authenticated cannot truncate the order tables or leads (TRUNCATE skips RLS and the counting triggers)', async () => {
    const { db } = backend();
    const { rows } = await db.query(`
      select r.role || ' ' || t.name as grant
        from unnest(array['anon', 'authenticated']) as r(role),
             unnest(array['public.orders', 'public.order_events', 'public.order_number_counters', 'public.leads']) as t(name)
       where has_table_privilege(r.role, t.name, 'TRUNCATE')`);
    assert.deepEqual(rows.map((r) => r.grant), []);
    await assert.rejects(queryAs(db, w.clientA, 'truncate public.orders cascade'), (e: any) => e.code === '42501');
  });

  test('a user who gives its own new profile an unlinked client\'s name is not linked to it until an admin sets that name', async () => {
    const { db } = backend();
    const intruder = '00000000-0000-4000-8000-0000000000bb';
    await db.exec(`do $$ begin
      if not exists (select 1 from pg_policies where tablename = 'profiles' and policyname = 'Users can insert own profile') then
        create policy "Users can insert own profile" on public.profiles for insert to authenticated with check (auth.uid() = id);
      end if;
    end $$;`);
    await db.query(`insert into auth.users (id, email) values ($1, 'intruder@x.test') on conflict do nothing`, [intruder]);
    const nameC = (await db.query('select client_name from public.clients where id = $1', [w.clientIdC])).rows[0].client_name;
    await queryAs(db, { role: 'authenticated', userId: intruder }, `insert into public.profiles (id, role, client_name) values ($1, 'client', $2)`, [intruder, nameC]);

    const report = await rpc(db, w.admin, 'link_clients_to_profiles');
    assert.ok(!report.linked.some((l: any) => l.client_id === w.clientIdC), 'linked by a name the user chose');
    assert.deepEqual(report.unconfirmed.filter((u: any) => u.client_id === w.clientIdC).map((u: any) => u.profile_ids), [[intruder]]);
    assert.equal((await db.query('select profile_id from public.clients where id = $1', [w.clientIdC])).rows[0].profile_id, null);
    assert.deepEqual(await visible('select id from public.clients where id = $1', [w.clientIdC]).then((v) => v.clientA), 0);

    // An admin who checked the profile confirms it by id; then it is linked.
    const confirmed = await rpc(db, w.admin, 'link_clients_to_profiles', { p_confirmed_profile_ids: [intruder] });
    assert.deepEqual(confirmed.linked.filter((l: any) => l.client_id === w.clientIdC).map((l: any) => l.profile_id), [intruder]);
  });
});
