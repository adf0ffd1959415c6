import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { claimsFor, fromPglite, type Identity, type SqlDatabase } from '../src/index.js';
import { onEveryBackend, type Backend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { setupDatabase } from './support/setup-database.js';
import { rpc, seedWorld, type World } from './support/world.js';

// get_orders' search uses trigram indexes where pg_trgm exists and the plain ILIKE plan where it
// does not; its sorts walk new null-proof indexes and, over every order, the maintained progress
// key. Whatever the path, the pages must hold exactly the orders a plain ILIKE over order_summary
// finds, in each sort's order, each once across the cursor chain.

const sorts = ['priority', 'target', 'progress', 'newest'] as const;
type Sort = (typeof sorts)[number];

/** The reference: every matching order's id in the sort's order, by a query with no index tricks. */
const referenceOrder: Record<Sort, string> = {
  priority: `-coalesce(s.priority, 0), coalesce(s.target_delivery_date, 'infinity'::date), s.id`,
  target: `coalesce(s.target_delivery_date, 'infinity'::date), -coalesce(s.priority, 0), s.id`,
  progress: `s.leads_delivered::numeric / greatest(s.leads_purchased, 1), s.id`,
  newest: `coalesce(s.created_at, '-infinity'::timestamptz) desc, s.id desc`,
};

async function reference(db: SqlDatabase, sort: Sort, search: string | null, clients: string[] | null): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select s.id from public.order_summary s
      where ($1::uuid[] is null or s.client_id = any ($1))
        and ($2::text is null or s.order_number ilike $2 or s.name ilike $2 or s.client_name ilike $2)
      order by ${referenceOrder[sort]}`,
    [clients, search === null ? null : `%${search.trim().replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_')}%`],
  );
  return rows.map((r) => r.id);
}

/** Every page of get_orders, following next_cursor, as `who`. */
async function allPages(db: SqlDatabase, who: Identity, sort: Sort, search: string | null, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: any = await rpc(db, who, 'get_orders', { p_sort: sort, p_search: search, p_limit: limit, p_cursor: cursor });
    assert.ok(result.items.length <= limit);
    ids.push(...result.items.map((o: any) => o.id));
    cursor = result.next_cursor;
    if (!cursor) return ids;
  }
  throw new Error('the cursor chain did not end');
}

const words = ['Hiring Blitz', 'Retention Sprint', 'Trade Show Follow-up', 'Referral Drive', 'Outreach Campaign'];

/** 240 orders over three clients, names from a few words (common terms) and a few unique ones (rare terms). */
async function seedOrders(db: SqlDatabase, w: World): Promise<void> {
  await db.query(
    `insert into public.orders (order_number, client_id, name, leads_purchased, status, priority, target_delivery_date, start_date, created_at)
     select 'SRCH-' || lpad(g::text, 4, '0') || '-' || $4,
            (array[$1::uuid, $2::uuid, $3::uuid])[1 + g % 3],
            case when g % 40 = 0 then 'Unique Zanzibar ' || g when g % 17 = 0 then '100%_done ' || g
                 else (array[${words.map((x) => `'${x}'`).join(', ')}])[1 + g % ${words.length}] || ' ' || g end,
            5 + g % 11, (array['Draft', 'Active', 'Paused'])[1 + g % 3]::public.order_status,
            g % 4, case when g % 6 = 0 then null else current_date + (g % 50) - 25 end, current_date - 30,
            now() - (g % 97) * interval '1 hour'
       from generate_series(1, 240) g`,
    [w.clientIdA, w.clientIdB, w.clientIdC, w.adminId.slice(0, 8)],
  );
  // Progress that differs from order to order (the lead triggers keep leads_delivered).
  await db.query(
    `insert into public.leads (company_name, status, client_id, order_id)
     select 'Lead ' || o.id, 'Approved', o.client_id, o.id
       from public.orders o, generate_series(1, 4) k
      where o.order_number like 'SRCH-%' and o.status = 'Active' and k <= (hashtext(o.id::text) & 3) + 1`,
  );
  await db.query('analyze public.orders, public.clients');
}

const terms = ['hiring', 'HIRING blitz', 'Zanzibar', 'zanzibar 120', '100%_', 'SRCH-00', 'srch-0123', 'Acme', 'it', 'no such order at all', '  sprint  '];

function searchSuite(backend: () => Backend, expectIndexed: () => boolean): void {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
    await seedOrders(backend().db, w);
  });

  test('the trigram indexes exist exactly where pg_trgm is available', async () => {
    const { rows } = await backend().db.query<{ indexed: boolean; available: boolean }>(
      `select lead_orders.search_indexed() as indexed,
              exists (select 1 from pg_available_extensions where name = 'pg_trgm') as available`);
    assert.equal(rows[0]!.available, expectIndexed());
    assert.equal(rows[0]!.indexed, expectIndexed());
  });

  test('every search term finds exactly the orders a plain ILIKE finds, in every sort, for the admin and a client', async () => {
    const { db } = backend();
    for (const term of terms) {
      for (const sort of sorts) {
        assert.deepEqual(await allPages(db, w.admin, sort, term, 37), await reference(db, sort, term, null), `admin ${sort} '${term}'`);
        assert.deepEqual(await allPages(db, w.clientA, sort, term, 7), await reference(db, sort, term, [w.clientIdA]), `client ${sort} '${term}'`);
      }
    }
  });

  test('with the trigram indexes dropped, every search returns the same pages', async () => {
    const { db } = backend();
    const pages = async (tx: { query: SqlDatabase['query'] }, term: string, sort: Sort) => {
      await tx.query('set local role authenticated');
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor(w.admin))]);
      const { rows } = await tx.query<{ r: any }>('select public.get_orders(p_search => $1, p_sort => $2, p_limit => 500) as r', [term, sort]);
      await tx.query('reset role');
      return rows[0]!.r.items.map((o: any) => o.id);
    };
    for (const term of ['hiring', 'Zanzibar', 'srch-0123', '100%_']) {
      for (const sort of sorts) {
        const withIndex = await db.transaction((tx) => pages(tx, term, sort));
        let withoutIndex: string[] = [];
        await assert.rejects(db.transaction(async (tx) => {
          await tx.query('drop index if exists public.idx_orders_number_trgm, public.idx_orders_name_trgm, public.idx_clients_name_trgm');
          withoutIndex = await pages(tx, term, sort);
          throw new Error('roll back the drop');
        }), /roll back the drop/);
        assert.deepEqual(withoutIndex, withIndex, `'${term}' ${sort}`);
        assert.deepEqual(withIndex, await reference(db, sort, term, null));
      }
    }
    const { rows } = await db.query<{ indexed: boolean }>('select lead_orders.search_indexed() as indexed');
    assert.equal(rows[0]!.indexed, expectIndexed(), 'the rollback restored the indexes');
  });
}

// PostgreSQL has pg_trgm; PGlite only when created with it (the next suite), which is what the
// in-page demo would pass: new PGlite({ extensions: { pg_trgm } }).
onEveryBackend('get_orders search', (backend) => {
  searchSuite(backend, () => backend().name === 'postgres');
});

describe('get_orders search (pglite with pg_trgm)', () => {
  let lite: PGlite | undefined;
  let current: Backend | undefined;
  before(async () => {
    lite = new PGlite({ extensions: { pg_trgm } });
    current = { name: 'pglite', db: fromPglite(lite) };
    await setupDatabase(current.db);
  });
  after(async () => {
    await lite?.close();
  });
  searchSuite(() => current!, () => true);
});

onEveryBackend('get_orders sorts and bounds', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
    await seedOrders(backend().db, w);
  });

  test('every sort pages through every order once, in its order, for the admin and a client', async () => {
    const { db } = backend();
    for (const sort of sorts) {
      assert.deepEqual(await allPages(db, w.admin, sort, null, 23), await reference(db, sort, null, null), `admin ${sort}`);
      assert.deepEqual(await allPages(db, w.clientB, sort, null, 9), await reference(db, sort, null, [w.clientIdB]), `client ${sort}`);
    }
  });

  test('the progress sort follows assignments: the maintained key moves with the order', async () => {
    const { db } = backend();
    const before = await allPages(db, w.admin, 'progress', null, 50);
    const { rows } = await db.query<{ id: string; client_id: string; room: number }>(
      `select id, client_id, leads_remaining as room from public.orders
        where status = 'Active' and leads_remaining >= 3 and order_number like 'SRCH-%' order by id limit 1`);
    const order = rows[0]!;
    await db.query(`insert into public.leads (company_name, status, client_id, order_id)
                    select 'Late ' || g, 'Lead', $2, $1 from generate_series(1, 3) g`, [order.id, order.client_id]);
    const afterwards = await allPages(db, w.admin, 'progress', null, 50);
    assert.deepEqual(afterwards, await reference(db, 'progress', null, null));
    assert.ok(afterwards.indexOf(order.id) > before.indexOf(order.id), 'the order moved towards the end');
  });

  test('a null created_at or priority neither breaks the cursor chain nor loses a row', async () => {
    const { db } = backend();
    const { rows: columns } = await db.query<{ column_name: string; nullable: string }>(
      `select column_name, is_nullable as nullable from information_schema.columns
        where table_schema = 'public' and table_name = 'orders' and column_name in ('created_at', 'priority') order by 1`);
    const nullable = columns.filter((c) => c.nullable === 'YES').map((c) => c.column_name);
    // Where a later migration made the columns not null, no such row can exist: that is checked instead.
    if (nullable.length === 0) {
      assert.deepEqual(columns.map((c) => c.nullable), ['NO', 'NO']);
      return;
    }
    const sets = nullable.map((c) => `${c} = null`).join(', ');
    await db.query(`update public.orders set ${sets} where order_number like 'SRCH-%' and (hashtext(id::text) & 7) = 0`);
    const { rows: nulls } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.orders where ${nullable.map((c) => `${c} is null`).join(' or ')}`);
    assert.ok(nulls[0]!.n > 3, 'some orders have nulls');
    for (const sort of sorts) {
      assert.deepEqual(await allPages(db, w.admin, sort, null, 11), await reference(db, sort, null, null), `admin ${sort}`);
      assert.deepEqual(await allPages(db, w.clientA, sort, null, 4), await reference(db, sort, null, [w.clientIdA]), `client ${sort}`);
    }
  });

  test('text arguments beyond their documented length are invalid_input, and nothing is read', async () => {
    const { db } = backend();
    assert.ok(Array.isArray((await rpc(db, w.admin, 'get_orders', { p_search: 'x'.repeat(200) })).items), '200 characters are fine');
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_search: 'x'.repeat(201) }), 'invalid_input', /at most 200/);
    await rejectsWith(rpc(db, w.clientA, 'get_orders', { p_search: 'é'.repeat(201) }), 'invalid_input', /at most 200/);
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_cursor: 'A'.repeat(1001) }), 'invalid_input', /at most 1000/);
    await rejectsWith(rpc(db, w.admin, 'get_orders', { p_cursor: 'A'.repeat(1000) }), 'invalid_cursor');
    const huge = await rejectsWith(rpc(db, w.admin, 'get_orders', { p_sort: 'z'.repeat(100_000) }), 'invalid_input');
    assert.ok(huge.message.length < 200, 'the refusal does not echo the argument');
    assert.equal(JSON.parse(huge.detail).field, 'p_sort');
  });

  test('a cursor of one sort is refused by another, also over every order', async () => {
    const { db } = backend();
    for (const who of [w.admin, w.clientA]) {
      const first: any = await rpc(db, who, 'get_orders', { p_sort: 'progress', p_limit: 2 });
      assert.ok(first.next_cursor);
      await rejectsWith(rpc(db, who, 'get_orders', { p_sort: 'newest', p_cursor: first.next_cursor }), 'invalid_cursor');
    }
  });
});
