import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { actAs, claimsFor, fromPglite, type Identity, type SqlDatabase } from '../src/index.js';
import { onEveryBackend, type Backend } from './support/backends.js';
import { setupDatabase } from './support/setup-database.js';
import { allPages, reference } from './support/lead-search.js';
import { rpc, seedWorld, type World } from './support/world.js';

// list_leads' search over every client fetches a rare term's matches through trigram indexes
// where pg_trgm exists, and walks the newest-first page index where it does not (or where the
// term is common). Whatever the path, the pages must hold exactly the leads a plain ILIKE finds,
// newest first, each once across the cursor chain.

const trigramIndexes = ['idx_leads_company_trgm', 'idx_leads_contact_trgm', 'idx_leads_email_trgm'];

/** 3,000 leads over three clients: a few common words, unique e-mail addresses, some odd characters, some without a creation time. */
async function seedLeads(db: SqlDatabase, w: World): Promise<void> {
  await db.query(
    `insert into public.leads (company_name, contact_name, email, status, client_id, created_at)
     select (array['Harbor Logistics', 'Summit Dental', 'Blue Fern Studio', 'Northwind Foods'])[1 + g % 4] || ' ' || g,
            case when g % 97 = 0 then 'Zanzibar Quist ' || g when g % 53 = 0 then '100%_sure ' || g else 'Contact ' || g end,
            case when g % 11 = 0 then null else 'contact' || g || '@example.test' end,
            (array['New', 'Approved', 'Rejected'])[1 + g % 3],
            (array[$1::uuid, $2::uuid, $3::uuid])[1 + g % 3],
            case when g % 29 = 0 then null else now() - (g % 400) * interval '1 minute' end
       from generate_series(1, 3000) g`,
    [w.clientIdA, w.clientIdB, w.clientIdC],
  );
  await db.query('analyze public.leads');
}

const terms = ['contact1234@', 'CONTACT2345@example', 'zanzibar', 'Zanzibar Quist 194', '100%_', 'harbor', 'fern studio 1', 'ex', 'no such lead anywhere', '  summit dental 2  '];

function searchSuite(backend: () => Backend, expectIndexed: () => boolean): void {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
    await seedLeads(backend().db, w);
  });

  test('the leads\' trigram indexes exist exactly where pg_trgm is installed', async () => {
    const { rows } = await backend().db.query<{ indexed: boolean; installed: boolean }>(
      `select lead_orders.lead_search_indexed() as indexed,
              exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`);
    assert.equal(rows[0]!.installed, expectIndexed());
    assert.equal(rows[0]!.indexed, expectIndexed());
  });

  test('every search term finds exactly the leads a plain ILIKE finds, newest first, for the admin and a client', async () => {
    const { db } = backend();
    for (const term of terms) {
      assert.deepEqual(await allPages(db, w.admin, term, 37), await reference(db, term, null), `admin '${term}'`);
      assert.deepEqual(await allPages(db, w.clientA, term, 9), await reference(db, term, [w.clientIdA]), `client '${term}'`);
    }
  });

  test('an admin\'s rare term is fetched through the trigram indexes where they exist', async () => {
    const scans = await actAs(backend().db, w.admin, async (tx) => {
      // 3,000 leads fit in a few pages, where a sequential scan is cheaper; discouraging it makes
      // the planner choose as it does over a large table.
      await tx.query('set local enable_seqscan = off');
      const page = (await tx.query<{ r: any }>(`select public.list_leads(p_search => 'contact1234@') as r`)).rows[0]!.r;
      assert.equal(page.items.length, 1);
      const { rows } = await tx.query<{ n: number }>(
        `select coalesce(sum(pg_stat_get_xact_numscans(to_regclass('public.' || i))), 0)::int as n from unnest($1::text[]) i`, [trigramIndexes]);
      return rows[0]!.n;
    });
    if (expectIndexed()) assert.ok(scans > 0, 'no trigram index was scanned');
    else assert.equal(scans, 0);
  });

  test('with the trigram indexes dropped, every search returns the same pages', async () => {
    const { db } = backend();
    const pages = async (tx: { query: SqlDatabase['query'] }, term: string, limit: number) => {
      const { rows } = await tx.query<{ r: any }>('select public.list_leads(p_search => $1, p_limit => $2) as r', [term, limit]);
      return rows[0]!.r.items.map((l: any) => l.id);
    };
    for (const term of terms) {
      for (const limit of [5, 500]) {
        const withIndex = await actAs(db, w.admin, (tx) => pages(tx, term, limit));
        let withoutIndex: string[] = [];
        await assert.rejects(db.transaction(async (tx) => {
          await tx.query(`drop index if exists ${trigramIndexes.map((i) => `public.${i}`).join(', ')}`);
          await tx.query('set local role authenticated');
          await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor(w.admin))]);
          assert.equal((await tx.query<{ admin: boolean }>('select public.is_order_admin() as admin')).rows[0]!.admin, true);
          withoutIndex = await pages(tx, term, limit);
          throw new Error('roll back the drop');
        }), /roll back the drop/);
        assert.deepEqual(withoutIndex, withIndex, `'${term}' limit ${limit}`);
        assert.deepEqual(withIndex, (await reference(db, term, null)).slice(0, limit), `'${term}' limit ${limit} against the reference`);
      }
    }
    const { rows } = await db.query<{ indexed: boolean }>('select lead_orders.lead_search_indexed() as indexed');
    assert.equal(rows[0]!.indexed, expectIndexed(), 'the rollback restored the indexes');
  });
}

// PostgreSQL has pg_trgm; PGlite only when created with it (the next suite).
onEveryBackend('list_leads search', (backend) => {
  searchSuite(backend, () => backend().name === 'postgres');
});

describe('list_leads search (pglite with pg_trgm)', () => {
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
