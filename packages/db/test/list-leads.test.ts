import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addOrder, rpc, seedWorld, type World } from './support/world.js';

const clientColumns = ['company_name', 'contact_name', 'created_at', 'delivered_at', 'email', 'id', 'order_id', 'order_number', 'phone', 'status'];

onEveryBackend('list_leads', (backend) => {
  let w: World;
  let order: any;
  /** Client A's leads in creation order (oldest first), with their fields. */
  let leadsA: { id: string; company: string }[];

  /** Inserts one lead of `clientId` as the agency's import does, created `minutesAgo` before now. */
  async function lead(clientId: string, minutesAgo: number, fields: Record<string, unknown> = {}): Promise<string> {
    const { rows } = await backend().db.query<{ id: string }>(
      `insert into public.leads (company_name, contact_name, email, phone, status, client_id, created_at)
       values ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7::int)) returning id`,
      [fields.company ?? `Co ${minutesAgo}`, fields.contact ?? null, fields.email ?? null, fields.phone ?? null, fields.status ?? 'New', clientId, minutesAgo],
    );
    return rows[0]!.id;
  }

  before(async () => {
    const { db } = backend();
    w = await seedWorld(db);
    order = await addOrder(db, w, w.clientIdA, 100);
    leadsA = [];
    for (let i = 0; i < 12; i++) {
      const company = i === 3 ? 'Umbrella 100%_Corp' : `Acme Lead ${i}`;
      const id = await lead(w.clientIdA, 1000 - i, {
        company,
        contact: i === 5 ? 'Zelda Quux' : null,
        email: i === 7 ? 'buyer@wayne.test' : null,
        status: i % 3 === 0 ? 'Approved' : 'New',
      });
      leadsA.push({ id, company });
    }
    // Four of A's leads go into the order; the Approved ones among them count as delivered.
    await db.query('update public.leads set order_id = $1 where id = any($2)', [order.id, leadsA.slice(0, 4).map((l) => l.id)]);
    await lead(w.clientIdB, 10, { company: 'Globex Lead' });
    await lead(w.clientIdC, 5, { company: 'Initech Lead' });
  });

  const ids = (page: any) => page.items.map((l: any) => l.id);
  const newestFirst = () => [...leadsA].reverse().map((l) => l.id);

  test('a client gets its own leads, newest first, with only the client columns', async () => {
    const page = await rpc(backend().db, w.clientA, 'list_leads', { p_limit: 500 });
    assert.deepEqual(ids(page), newestFirst());
    assert.equal(page.next_cursor, null);
    for (const row of page.items) assert.deepEqual(Object.keys(row).sort(), clientColumns);
    const inOrder = page.items.filter((l: any) => l.order_id === order.id);
    assert.equal(inOrder.length, 4);
    assert.ok(inOrder.every((l: any) => l.order_number === order.order_number));
  });

  test('an admin gets every client\'s leads with client_id and client_name', async () => {
    const page = await rpc(backend().db, w.admin, 'list_leads', { p_limit: 500 });
    const mine = page.items.filter((l: any) => [w.clientIdA, w.clientIdB, w.clientIdC].includes(l.client_id));
    assert.equal(mine.length, 14);
    assert.deepEqual(Object.keys(mine[0]).sort(), [...clientColumns, 'client_id', 'client_name'].sort());
    assert.ok(mine.find((l: any) => l.company_name === 'Globex Lead').client_name.startsWith('Globex'));
  });

  test('a client asking for another client\'s leads or order gets an empty page', async () => {
    const { db } = backend();
    assert.deepEqual(ids(await rpc(db, w.clientB, 'list_leads', { p_client_id: w.clientIdA })), []);
    assert.deepEqual(ids(await rpc(db, w.clientB, 'list_leads', { p_order_id: order.id })), []);
  });

  test('filters by client, order, no order, status, search and delivery dates', async () => {
    const { db } = backend();
    const q = (args: Record<string, unknown>) => rpc(db, w.admin, 'list_leads', { p_limit: 500, ...args }).then(ids);
    assert.deepEqual(await q({ p_client_id: w.clientIdA }), newestFirst());
    assert.deepEqual(await q({ p_order_id: order.id }), newestFirst().slice(8));
    assert.deepEqual(await q({ p_client_id: w.clientIdA, p_no_order: true }), newestFirst().slice(0, 8));
    assert.deepEqual(await q({ p_client_id: w.clientIdA, p_status: ['Approved'] }), leadsA.filter((_, i) => i % 3 === 0).map((l) => l.id).reverse());
    assert.deepEqual(await q({ p_client_id: w.clientIdA, p_status: ['Approved', 'New'] }), newestFirst());
    assert.deepEqual(await q({ p_search: '100%_' }), [leadsA[3]!.id], '% and _ match literally');
    assert.deepEqual(await q({ p_search: 'zelda' }), [leadsA[5]!.id], 'contact name');
    assert.deepEqual(await q({ p_search: 'WAYNE.test' }), [leadsA[7]!.id], 'email');
    // Delivered today: leads 0 and 3 (Approved, in the order).
    const today = (await db.query<{ d: string }>(`select current_date::text as d`)).rows[0]!.d;
    assert.deepEqual(await q({ p_delivered_from: today, p_delivered_to: today }), [leadsA[3]!.id, leadsA[0]!.id]);
    assert.deepEqual(await q({ p_delivered_to: '2000-01-01' }), []);
  });

  test('keyset pages walk every lead exactly once, newest first', async () => {
    const { db } = backend();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await rpc(db, w.clientA, 'list_leads', { p_limit: 5, p_cursor: cursor });
      assert.ok(page.items.length <= 5);
      seen.push(...ids(page));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, newestFirst());
  });

  test('leads created at the same moment, or with no creation time, still page once each', async () => {
    const { db } = backend();
    const { rows } = await db.query<{ id: string }>(
      `insert into public.leads (company_name, client_id, created_at)
       select 'Tie ' || g, $1, case when g <= 3 then null else '2020-01-01T00:00:00Z'::timestamptz end
         from generate_series(1, 7) g returning id`,
      [w.clientIdC],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await rpc(db, w.admin, 'list_leads', { p_client_id: w.clientIdC, p_limit: 2, p_cursor: cursor });
      seen.push(...ids(page));
      cursor = page.next_cursor;
    } while (cursor);
    assert.equal(seen.length, 8);
    assert.equal(new Set(seen).size, 8);
    assert.deepEqual(new Set(seen.slice(-3)), new Set(rows.slice(0, 3).map((r) => r.id)), 'no creation time sorts last');
  });

  test('bad input is refused with a typed code', async () => {
    const { db } = backend();
    const call = (args: Record<string, unknown>) => rpc(db, w.admin, 'list_leads', args);
    await rejectsWith(call({ p_limit: 0 }), 'invalid_input');
    await rejectsWith(call({ p_limit: 501 }), 'invalid_input');
    await rejectsWith(call({ p_limit: null }), 'invalid_input');
    await rejectsWith(call({ p_search: 'x'.repeat(201) }), 'invalid_input');
    await rejectsWith(call({ p_order_id: order.id, p_no_order: true }), 'invalid_input');
    await rejectsWith(call({ p_status: ['New', null] }), 'invalid_input');
    await rejectsWith(call({ p_delivered_from: '2026-02-01', p_delivered_to: '2026-01-31' }), 'invalid_dates');
    await rejectsWith(call({ p_cursor: 'bm90IGEgY3Vyc29y' }), 'invalid_cursor');
    await rejectsWith(call({ p_cursor: '%%%' }), 'invalid_cursor');
    const clients = await rpc(db, w.admin, 'list_clients', { p_limit: 1 });
    await rejectsWith(call({ p_cursor: clients.next_cursor }), 'invalid_cursor', /this list \(leads\)/);
  });
});
