import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { claimsFor, type Identity } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, rpc, seedWorld, type World } from './support/world.js';

/**
 * Who may call the functions behind the admin and client pages, and what each caller gets:
 * anon, client A, client B and an admin against list_leads, list_clients, preview_order_number,
 * is_order_number_available, get_delivery_series and get_order_forecast. Refusals change nothing.
 */
onEveryBackend('row level security of the page reads', (backend) => {
  let w: World;
  let orderA: any;
  let orderB: any;
  const who = (): Record<string, Identity> => ({ anon: w.anon, clientA: w.clientA, clientB: w.clientB, admin: w.admin });

  before(async () => {
    const { db } = backend();
    w = await seedWorld(db);
    orderA = await addOrder(db, w, w.clientIdA, 10);
    orderB = await addOrder(db, w, w.clientIdB, 10);
    await addLeads(db, w.clientIdA, 2, { orderId: orderA.id });
    await addLeads(db, w.clientIdA, 1, { status: 'New' });
    await addLeads(db, w.clientIdB, 3, { orderId: orderB.id });
  });

  /** What each identity gets from `fn`: a summary of the result, or the refusal's code. */
  async function outcomes(fn: string, args: Record<string, unknown>, summary: (result: any) => unknown): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const [name, identity] of Object.entries(who())) {
      try {
        result[name] = summary(await rpc(backend().db, identity, fn, args));
      } catch (error: any) {
        result[name] = error.code === '42501' ? 'denied' : JSON.parse(error.detail).code;
      }
    }
    return result;
  }

  const worldClients = () => [w.clientIdA, w.clientIdB, w.clientIdC];

  test('list_leads: each client its own leads, the admin every lead, anon nothing', async () => {
    const count = (page: any) => page.items.filter((l: any) => l.client_id === undefined || worldClients().includes(l.client_id)).length;
    assert.deepEqual(await outcomes('list_leads', { p_limit: 500 }, count), { anon: 'denied', clientA: 3, clientB: 3, admin: 6 });
    assert.deepEqual(await outcomes('list_leads', { p_client_id: w.clientIdA }, count), { anon: 'denied', clientA: 3, clientB: 0, admin: 3 });
    assert.deepEqual(await outcomes('list_leads', { p_order_id: orderB.id }, count), { anon: 'denied', clientA: 0, clientB: 3, admin: 3 });
    const columns = (page: any) => ['client_id', 'client_name'].filter((c) => c in page.items[0]).join(',') || 'none';
    assert.deepEqual(await outcomes('list_leads', {}, columns), { anon: 'denied', clientA: 'none', clientB: 'none', admin: 'client_id,client_name' });
  });

  test('list_clients: the admin only', async () => {
    const count = (page: any) => page.items.filter((c: any) => worldClients().includes(c.id)).length;
    assert.deepEqual(await outcomes('list_clients', { p_limit: 500 }, count), { anon: 'denied', clientA: 'forbidden', clientB: 'forbidden', admin: 3 });
  });

  test('order numbers: the admin only, and asking takes no number', async () => {
    const { db } = backend();
    const counters = async () => (await db.query('select year, last_value from public.order_number_counters order by year')).rows;
    const before = await counters();
    assert.deepEqual(await outcomes('preview_order_number', {}, (r) => typeof r.order_number),
      { anon: 'denied', clientA: 'forbidden', clientB: 'forbidden', admin: 'string' });
    assert.deepEqual(await outcomes('is_order_number_available', { p_order_number: orderA.order_number }, (r) => r.available),
      { anon: 'denied', clientA: 'forbidden', clientB: 'forbidden', admin: false });
    assert.deepEqual(await counters(), before);
  });

  test('delivery series and forecast: whoever may read the order; another client\'s order is not found', async () => {
    const delivered = (r: any) => r.points.at(-1)?.cumulative ?? 0;
    assert.deepEqual(await outcomes('get_delivery_series', { p_order_id: orderA.id }, delivered),
      { anon: 'denied', clientA: 2, clientB: 'order_not_found', admin: 2 });
    assert.deepEqual(await outcomes('get_delivery_series', { p_order_id: orderB.id }, delivered),
      { anon: 'denied', clientA: 'order_not_found', clientB: 3, admin: 3 });
    const remaining = (r: any) => r.leads_remaining;
    assert.deepEqual(await outcomes('get_order_forecast', { p_order_id: orderA.id }, remaining),
      { anon: 'denied', clientA: 8, clientB: 'order_not_found', admin: 8 });
    assert.deepEqual(await outcomes('get_order_forecast', { p_order_id: orderB.id }, remaining),
      { anon: 'denied', clientA: 'order_not_found', clientB: 7, admin: 7 });
  });

  test('the service role reads like an admin', async () => {
    const { db } = backend();
    assert.ok((await rpc(db, w.service, 'list_clients', { p_limit: 500 })).items.some((c: any) => c.id === w.clientIdC));
    assert.ok('client_name' in (await rpc(db, w.service, 'list_leads', { p_client_id: w.clientIdA })).items[0]);
    assert.equal((await rpc(db, w.service, 'get_order_forecast', { p_order_id: orderB.id })).leads_remaining, 7);
  });
  /** Runs `sql` in one transaction as the custom role `support_agent` (a member of authenticated) acting for `userId`. */
  async function asCustomRole(userId: string, sql: string, params: unknown[] = []): Promise<any> {
    const { db } = backend();
    await db.exec(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'support_agent') then create role support_agent nologin; end if;
    end $$; grant authenticated to support_agent;`);
    return db.transaction(async (tx) => {
      await tx.query('set local role support_agent');
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor({ role: 'authenticated', userId }))]);
      return (await tx.query<{ r: any }>(sql, params)).rows[0]!.r;
    });
  }

  test('a custom role that is a member of authenticated reads no other client\'s leads or orders, and no admin tool, as get_orders refuses it', async () => {
    for (const userId of [w.userA, w.adminId]) {
      const own = userId === w.userA ? 3 : 0;
      const all = await asCustomRole(userId, 'select public.list_leads(p_limit => 500) as r');
      assert.equal(all.items.filter((l: any) => l.client_id !== undefined).length, 0, 'admin columns');
      assert.equal(all.items.length, own);
      assert.equal((await asCustomRole(userId, 'select public.list_leads(p_client_id => $1) as r', [w.clientIdB])).items.length, 0);
      assert.equal((await asCustomRole(userId, 'select public.list_leads(p_order_id => $1) as r', [orderB.id])).items.length, 0);
      assert.equal((await asCustomRole(userId, `select public.list_leads(p_search => 'Company') as r`)).items.length, own);
      await rejectsWith(asCustomRole(userId, 'select public.get_delivery_series($1) as r', [orderB.id]), 'order_not_found');
      await rejectsWith(asCustomRole(userId, 'select public.get_order_forecast($1) as r', [orderB.id]), 'order_not_found');
      await rejectsWith(asCustomRole(userId, 'select public.list_clients() as r'), 'forbidden');
      await rejectsWith(asCustomRole(userId, 'select public.preview_order_number() as r'), 'forbidden');
      await rejectsWith(asCustomRole(userId, 'select public.is_order_number_available($1) as r', [orderA.order_number]), 'forbidden');
      const orders = await asCustomRole(userId, 'select public.get_orders(p_limit => 500) as r');
      assert.ok(orders.items.every((o: any) => o.client_id === w.clientIdA), 'get_orders agrees');
    }
    // The same user through authenticated itself reads its own client's order.
    assert.equal((await asCustomRole(w.userA, 'select public.get_order_forecast($1) as r', [orderA.id])).leads_remaining, 8);
  });
});
