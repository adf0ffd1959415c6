import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { rpc, seedWorld, type World } from './support/world.js';

onEveryBackend('list_clients', (backend) => {
  let w: World;
  let tag: string;

  before(async () => {
    const { db } = backend();
    w = await seedWorld(db);
    tag = w.adminId.slice(0, 8);
    // Two clients with the same name: the id breaks the tie, so both get a place.
    await db.query(`insert into public.clients (client_name) values ($1), ($1), ($2)`, [`Acme ${tag}`, `Zeta 50%_off ${tag}`]);
  });

  test('an admin pages through every client by name, then id, exactly once', async () => {
    const { db } = backend();
    const whole = (await rpc(db, w.admin, 'list_clients', { p_limit: 500 })).items;
    // The database's own collation decides the name order.
    const expected = await db.query<{ id: string }>('select id from public.clients order by client_name, id');
    assert.deepEqual(whole.map((c: any) => c.id), expected.rows.map((r) => r.id));
    assert.deepEqual(Object.keys(whole[0]).sort(), ['client_name', 'id']);
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await rpc(db, w.admin, 'list_clients', { p_limit: 2, p_cursor: cursor });
      seen.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    assert.deepEqual(seen.map((c) => c.id), whole.map((c: any) => c.id));
    assert.equal(whole.filter((c: any) => c.client_name === `Acme ${tag}`).length, 3);
  });

  test('search matches part of the name, case-insensitively, % and _ literally', async () => {
    const { db } = backend();
    const names = async (search: string) => (await rpc(db, w.admin, 'list_clients', { p_search: search })).items.map((c: any) => c.client_name);
    assert.deepEqual(await names(`acme ${tag}`), [`Acme ${tag}`, `Acme ${tag}`, `Acme ${tag}`]);
    assert.deepEqual(await names(`50%_OFF ${tag}`), [`Zeta 50%_off ${tag}`]);
    assert.deepEqual(await names(`5%0 ${tag}`), []);
  });

  test('clients are refused with forbidden and bad input with invalid_input or invalid_cursor', async () => {
    const { db } = backend();
    await rejectsWith(rpc(db, w.clientA, 'list_clients'), 'forbidden');
    await rejectsWith(rpc(db, w.clientB, 'list_clients', { p_search: 'Acme' }), 'forbidden');
    await rejectsWith(rpc(db, w.admin, 'list_clients', { p_limit: 0 }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'list_clients', { p_limit: 501 }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'list_clients', { p_search: 'x'.repeat(201) }), 'invalid_input');
    await rejectsWith(rpc(db, w.admin, 'list_clients', { p_cursor: 'e30=' }), 'invalid_cursor');
    const leads = await rpc(db, w.admin, 'list_leads', { p_limit: 1 });
    if (leads.next_cursor) await rejectsWith(rpc(db, w.admin, 'list_clients', { p_cursor: leads.next_cursor }), 'invalid_cursor');
  });
});
