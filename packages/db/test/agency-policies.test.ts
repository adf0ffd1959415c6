import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addLeads, addOrder, queryAs, rpc, seedWorld, type World } from './support/world.js';

/**
 * The write functions do not depend on how the agency wrote its own policies on clients and
 * leads. Real projects often have `for all to authenticated using (public.is_admin(auth.uid()))`,
 * evaluated once per row scanned; here a restrictive policy of that shape counts how often it
 * runs. The functions decide the caller's rights once (the explicit admin check) and then work as
 * the tables' owner, so the agency's policy never runs inside them — and nobody sees more.
 */
onEveryBackend('write functions under the agency\'s per-row policies', (backend) => {
  let w: World;

  before(async () => {
    const { db } = backend();
    w = await seedWorld(db);
    await db.exec(`
      create schema policy_probe;
      create sequence policy_probe.evaluations;
      create function policy_probe.is_admin_counted(p_user uuid) returns boolean
        language plpgsql volatile security definer set search_path = '' as $$
      begin
        perform nextval('policy_probe.evaluations');
        return public.is_admin(p_user);
      end $$;
      grant usage on schema policy_probe to authenticated, service_role;
      grant execute on function policy_probe.is_admin_counted(uuid) to authenticated, service_role;
      create policy "Agency: admins or owners only (clients)" on public.clients as restrictive for all to authenticated
        using (policy_probe.is_admin_counted(auth.uid()) or profile_id = auth.uid());
      create policy "Agency: admins or owners only (leads)" on public.leads as restrictive for all to authenticated
        using (policy_probe.is_admin_counted(auth.uid()) or client_id = any (public.my_client_ids()));
    `);
  });

  async function evaluations(): Promise<number> {
    const { rows } = await backend().db.query<{ n: string }>('select case when is_called then last_value else 0 end as n from policy_probe.evaluations');
    return Number(rows[0]!.n);
  }

  /** How many times the agency's per-row policy ran while `fn` ran. */
  async function policyRunsDuring(fn: () => Promise<unknown>): Promise<number> {
    const before = await evaluations();
    await fn();
    return (await evaluations()) - before;
  }

  test('the probe policy runs per row for an admin\'s direct query (the probe works)', async () => {
    const { db } = backend();
    await addLeads(db, w.clientIdA, 3);
    assert.ok((await policyRunsDuring(() => queryAs(db, w.admin, 'select id from public.leads'))) >= 3);
  });

  test('create_order, update_order and the three assignment functions never run the agency\'s row policies', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 50);
    const other = await addOrder(db, w, w.clientIdB, 50);
    const leads = await addLeads(db, w.clientIdA, 4);
    const calls: [string, Record<string, unknown>][] = [
      ['create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, p_status: 'Active' }],
      ['update_order', { p_order_id: order.id, p_changes: { name: 'Renamed', leads_purchased: 60 } }],
      ['assign_lead_to_order', { p_lead_id: leads[0], p_order_id: order.id }],
      ['assign_lead_to_order', { p_lead_id: leads[0], p_order_id: null }],
      ['assign_leads_to_order', { p_lead_ids: leads, p_order_id: order.id }],
      ['assign_lead_to_client', { p_lead_id: leads[1], p_client_id: w.clientIdB, p_order_id: other.id }],
    ];
    for (const [fn, args] of calls) {
      assert.equal(await policyRunsDuring(() => rpc(db, w.admin, fn, args)), 0, `${fn} ran the agency's policy`);
    }
  });

  test('the maintenance functions never run the agency\'s row policies either', async () => {
    const { db } = backend();
    for (const fn of ['rebuild_order_counts', 'backfill_default_orders', 'link_clients_to_profiles']) {
      assert.equal(await policyRunsDuring(() => rpc(db, w.admin, fn)), 0, `${fn} ran the agency's policy`);
    }
  });

  test('with those policies, clients are still refused every write and see only their own rows', async () => {
    const { db } = backend();
    const orderA = await addOrder(db, w, w.clientIdA, 5);
    const [leadB] = await addLeads(db, w.clientIdB, 1);
    await rejectsWith(rpc(db, w.clientA, 'assign_lead_to_client', { p_lead_id: leadB, p_client_id: w.clientIdA, p_order_id: orderA.id }), 'forbidden');
    await rejectsWith(rpc(db, w.clientA, 'update_order', { p_order_id: orderA.id, p_changes: { name: 'mine' } }), 'forbidden');
    await rejectsWith(rpc(db, w.clientB, 'assign_lead_to_order', { p_lead_id: leadB, p_order_id: orderA.id }), 'forbidden');
    const clientsSeen = await queryAs(db, w.clientA, 'select id from public.clients');
    assert.deepEqual(clientsSeen.map((r) => r.id), [w.clientIdA]);
    const leadsSeen = await queryAs(db, w.clientA, 'select client_id from public.leads');
    assert.ok(leadsSeen.every((r) => r.client_id === w.clientIdA));
    assert.equal((await db.query('select client_id from public.leads where id = $1', [leadB])).rows[0].client_id, w.clientIdB);
  });
});
