import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { actAs, type SqlDatabase } from '../src/index.js';
import { onEveryBackend } from './support/backends.js';
import { allPages, containsPattern, reference } from './support/lead-search.js';
import { addOrder, queryAs, rpc, seedWorld, type World } from './support/world.js';

// A search term with no run of three letters or digits ('qz', 'Wu', 'a.b', '#7') has no trigram
// an index can look up. Such terms find their candidates through the one- and two-character
// n-grams of the searched text: lead_orders.lead_search_ngrams (kept by triggers on leads) and
// the expression indexes on orders and clients. Whatever the path, a page must hold exactly what
// a plain ILIKE finds.

/** 3,000 leads with short rare pieces: 'Wu', 'Qz', 'a.b', '#7', 'ø', escapes and line breaks. */
async function seedLeads(db: SqlDatabase, w: World): Promise<void> {
  await db.query(
    `insert into public.leads (company_name, contact_name, email, status, client_id, created_at)
     select case when g % 97 = 0 then 'Qz Labs ' || g when g % 89 = 0 then 'Bjørn & Co #7'
                 when g % 83 = 0 then 'Fifty%_Off' when g % 79 = 0 then E'Two\\nLines'
                 else (array['Harbor Logistics', 'Summit Dental', 'Blue Fern Studio'])[1 + g % 3] || ' ' || g end,
            case when g % 101 = 0 then 'Mei Wu' when g % 103 = 0 then 'Li Na' else (array['Anna Berg', 'Jonas Weber'])[1 + g % 2] end,
            case when g % 13 = 0 then null when g % 71 = 0 then 'a.b' || g || '@x.example'
                 else 'contact' || g || '@acme.example' end,
            'New',
            (array[$1::uuid, $2::uuid, $3::uuid])[1 + g % 3],
            case when g % 31 = 0 then null else now() - (g % 500) * interval '1 minute' end
       from generate_series(1, 3000) g`,
    [w.clientIdA, w.clientIdB, w.clientIdC],
  );
  await db.query('analyze public.leads');
  await db.query('analyze lead_orders.lead_search_ngrams');
}

// None has a run of three letters or digits; rare, common, escaped, mixed case, one character.
const terms = ['qz', 'QZ', 'wu', 'Li', 'a.b', '#7', 'ø', 'Bjø', '%_', '%', '_', 'o\\n', 'x', 'a', 'an', 'ab c', 'zq', '.e'];

/** Leads whose stored n-grams differ from what their columns give now, or that have none. */
async function staleNgrams(db: SqlDatabase): Promise<number> {
  const { rows: [r] } = await db.query<{ n: number }>(
    `select count(*)::int as n
       from lead_orders.lead_search_ngrams g
       full join public.leads l on l.id = g.lead_id
      where g.lead_id is null or l.id is null
         or g.ngrams is distinct from lead_orders.lead_short_ngrams(l.company_name, l.contact_name, l.email)`);
  return r!.n;
}

onEveryBackend('search without trigrams', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
    await seedLeads(backend().db, w);
  });

  test('n-grams are the lower-case characters and two-character runs; a term needs its bigrams', async () => {
    const { rows: [r] } = await backend().db.query<{ text: string[]; one: string[]; two: string[]; runs: boolean[] }>(
      `select lead_orders.short_ngrams('Ab.C') as text, lead_orders.term_ngrams('Ø') as one,
              lead_orders.term_ngrams('A.b') as two,
              array[lead_orders.has_trigram_run('a.b'), lead_orders.has_trigram_run('qz'), lead_orders.has_trigram_run('x abc')] as runs`);
    assert.deepEqual([...r!.text].sort(), ['.', '.c', 'a', 'ab', 'b', 'b.', 'c'].sort());
    assert.deepEqual(r!.one, ['ø']);
    assert.deepEqual([...r!.two].sort(), ['.b', 'a.']);
    assert.deepEqual(r!.runs, [false, false, true]);
  });

  test('every term without a trigram finds exactly the leads a plain ILIKE finds, for the admin and a client', async () => {
    const { db } = backend();
    for (const term of terms) {
      assert.deepEqual(await allPages(db, w.admin, term, 9), await reference(db, term, null), `admin '${term}'`);
      assert.deepEqual(await allPages(db, w.clientA, term, 9), await reference(db, term, [w.clientIdA]), `client '${term}'`);
    }
  });

  test('a rare short term is fetched through the n-gram index, a common one walks the page index', async () => {
    const scans = (term: string) => actAs(backend().db, w.admin, async (tx) => {
      // 3,000 leads fit in a few pages, where a sequential scan is cheaper; discouraging it makes
      // the planner choose as it does over a large table.
      await tx.query('set local enable_seqscan = off');
      // Counted before and after: a backend's counts of earlier transactions can still be pending.
      const count = async () => (await tx.query<{ n: number }>(
        `select pg_stat_get_xact_numscans('lead_orders.idx_lead_search_ngrams'::regclass)::int as n`)).rows[0]!.n;
      const before = await count();
      const page = (await tx.query<{ r: any }>('select public.list_leads(p_search => $1, p_limit => 5) as r', [term])).rows[0]!.r;
      return { items: page.items.length, scans: (await count()) - before };
    });
    const rare = await scans('qz');
    assert.equal(rare.items, 5);
    assert.ok(rare.scans > 0, 'the n-gram index was not scanned for a rare term');
    const common = await scans('a');
    assert.equal(common.items, 5);
    assert.equal(common.scans, 0, 'a common term read the n-gram index');
  });

  test('the n-grams follow every write of a lead, and an assignment writes none', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 50);
    const { rows: ids } = await db.query<{ id: string }>(
      `insert into public.leads (company_name, contact_name, email, status, client_id)
       values ('Ng Ltd', 'Ox', null, 'Approved', $1), ('Kü', null, 'q@z.example', 'Approved', $1) returning id`, [w.clientIdA]);
    assert.equal(await staleNgrams(db), 0, 'after an insert of two rows');
    await db.query(`update public.leads set company_name = 'Wz Partners' where id = $1`, [ids[0]!.id]);
    await db.query(`update public.leads set email = null, contact_name = 'Zu' where id = $1`, [ids[1]!.id]);
    assert.equal(await staleNgrams(db), 0, 'after renames');
    assert.equal((await allPages(db, w.admin, 'wz', 9)).includes(ids[0]!.id), true);
    assert.deepEqual(await allPages(db, w.admin, 'ng l', 9), await reference(db, 'ng l', null));

    const [before, after] = await db.transaction(async (tx) => {
      const at = async () => (await tx.query<{ n: number }>(
        `select (pg_stat_get_xact_tuples_inserted(r) + pg_stat_get_xact_tuples_updated(r) + pg_stat_get_xact_tuples_deleted(r))::int as n
           from (select 'lead_orders.lead_search_ngrams'::regclass as r) x`)).rows[0]!.n;
      const first = await at();
      await tx.query('update public.leads set order_id = $1 where id = any ($2)', [order.id, ids.map((r) => r.id)]);
      return [first, await at()];
    });
    assert.equal(after, before, 'an assignment wrote to lead_search_ngrams');

    await db.query(`update public.leads set id = gen_random_uuid() where id = $1`, [ids[1]!.id]);
    assert.equal(await staleNgrams(db), 0, 'after a change of id');
    await db.query(`delete from public.leads where company_name = 'Wz Partners' or contact_name = 'Zu'`);
    assert.equal(await staleNgrams(db), 0, 'after a delete');

    const left = await db.transaction(async (tx) => {
      await tx.query('truncate public.leads cascade');
      const { rows: [r] } = await tx.query<{ n: number }>('select count(*)::int as n from lead_orders.lead_search_ngrams');
      throw Object.assign(new Error('roll back the truncation'), { left: r!.n });
    }).catch((e: { left?: number }) => e.left);
    assert.equal(left, 0, 'after a truncation');
    assert.ok((await db.query('select 1 from lead_orders.lead_search_ngrams limit 1')).rows.length > 0, 'rolled back');
  });

  test('rebuild_lead_search_ngrams repairs what a load without triggers left, and only for admins', async () => {
    const { db } = backend();
    await db.query(`delete from lead_orders.lead_search_ngrams where lead_id in (select id from public.leads where company_name like 'Qz Labs%')`);
    await db.query(`update lead_orders.lead_search_ngrams set ngrams = '{}' where lead_id in (select id from public.leads where contact_name = 'Mei Wu')`);
    const broken = await staleNgrams(db);
    assert.ok(broken > 0);
    assert.notDeepEqual(await allPages(db, w.admin, 'qz', 50), await reference(db, 'qz', null), 'the drift is visible before the rebuild');
    await assert.rejects(rpc(db, w.clientA, 'rebuild_lead_search_ngrams'), /forbidden|Only admins/);
    assert.deepEqual(await rpc(db, w.admin, 'rebuild_lead_search_ngrams'), { drifted: broken });
    assert.equal(await staleNgrams(db), 0);
    assert.deepEqual(await allPages(db, w.admin, 'qz', 50), await reference(db, 'qz', null));
    assert.deepEqual(await rpc(db, w.admin, 'rebuild_lead_search_ngrams'), { drifted: 0 });
  });

  test('the lead search GIN indexes keep short pending lists, which every search reads', async () => {
    const { rows } = await backend().db.query<{ name: string; options: string[] | null }>(
      `select c.relname as name, c.reloptions as options from pg_class c
        where c.relname in ('idx_lead_search_ngrams', 'idx_leads_company_trgm', 'idx_leads_contact_trgm', 'idx_leads_email_trgm')`);
    assert.ok(rows.some((r) => r.name === 'idx_lead_search_ngrams'));
    if (backend().name === 'postgres') assert.equal(rows.length, 4, 'the trigram indexes exist where pg_trgm does');
    for (const r of rows) assert.deepEqual(r.options, ['gin_pending_list_limit=256'], r.name);
  });

  test('no API role may read or write lead_search_ngrams', async () => {
    const { db } = backend();
    for (const who of [w.anon, w.clientA, w.admin, w.service]) {
      await assert.rejects(queryAs(db, who, 'select count(*) from lead_orders.lead_search_ngrams'), /permission denied/, `${who.role} read`);
      await assert.rejects(queryAs(db, who, `delete from lead_orders.lead_search_ngrams`), /permission denied/, `${who.role} delete`);
    }
  });

  test('an admin renames a client through the table, and get_orders finds its orders by a short term', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdB, 10, { p_name: 'Spring Qx' });
    // The expression indexes on clients and orders run with the writer's rights.
    await queryAs(db, w.admin, 'update public.clients set client_name = $1 where id = $2', ['Globex Zv', w.clientIdB]);
    for (const term of ['zv', 'qx', 'x', 'g q', 'e%']) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await rpc(db, w.admin, 'get_orders', { p_search: term, p_limit: 3, p_cursor: cursor });
        ids.push(...page.items.map((o: any) => o.id));
        cursor = page.next_cursor;
      } while (cursor);
      const { rows } = await db.query<{ id: string }>(
        `select s.id from public.order_summary s
          where s.order_number ilike $1 or s.name ilike $1 or s.client_name ilike $1`, [containsPattern(term)]);
      assert.deepEqual([...ids].sort(), rows.map((r) => r.id).sort(), `'${term}'`);
    }
    const found: any = await rpc(db, w.admin, 'get_orders', { p_search: 'zv' });
    assert.ok(found.items.some((o: any) => o.id === order.id));
  });
});
