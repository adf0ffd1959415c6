import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { actAs, claimsFor, fromPglite, type Identity, type SqlDatabase } from '../src/index.js';
import { onEveryBackend, type Backend } from './support/backends.js';
import { setupDatabase } from './support/setup-database.js';
import { allPages, reference } from './support/lead-search.js';
import { rpc, seedWorld, type World } from './support/world.js';

// A rare lead search fetches its candidates with each column's rarest trigrams named before the
// whole term (lead_orders.lead_search_runs), for admins and clients alike, and the page reads
// those candidates by id in page order. The leads here have the shape that made the whole-term
// scan slow: every e-mail starts with 'contact' and ends with one of two domains, so five of a
// rare address's trigrams are shared by every lead. Whatever the path, a page must hold exactly
// the leads a plain ILIKE finds, newest first, each once across the cursor chain.

const trigramIndexes = ['idx_leads_company_trgm', 'idx_leads_contact_trgm', 'idx_leads_email_trgm'];

/**
 * 4,000 leads over three clients: e-mails 'contact<g>@acme.example' / '...@globex.example',
 * names from a few common words, some with %, _ or \ in them, some without an e-mail or a
 * creation time, and 40 leads sharing one rare full name (so a rare term fills several pages).
 */
async function seedLeads(db: SqlDatabase, w: World): Promise<void> {
  await db.query(
    `insert into public.leads (company_name, contact_name, email, status, client_id, created_at)
     select case when g % 61 = 0 then 'Back\\Slash Works ' || g when g % 67 = 0 then 'Fifty%_Off GmbH ' || g
                 else (array['Harbor Logistics GmbH', 'Summit Dental', 'Blue Fern Studio', 'Northwind Foods'])[1 + g % 4] || ' ' || g end,
            case when g % 100 = 7 then 'Quentin Zoltanova' else (array['Anna Berg', 'Jonas Weber', 'Lena Koch'])[1 + g % 3] end,
            case when g % 13 = 0 then null
                 else 'contact' || g || '@' || (array['acme', 'globex'])[1 + g % 2] || '.example' end,
            (array['New', 'Approved', 'Rejected'])[1 + g % 3],
            (array[$1::uuid, $2::uuid, $3::uuid])[1 + g % 3],
            case when g % 31 = 0 then null else now() - (g % 500) * interval '1 minute' end
       from generate_series(1, 4000) g`,
    [w.clientIdA, w.clientIdB, w.clientIdC],
  );
  await db.query('analyze public.leads');
}

// Rare and common, escaped (% _ \), mixed case, spaced, and a rare name over several pages.
const terms = [
  'contact1234@', 'CONTACT2345@ACME', 'Contact777@Globex.Example', 'contact12', 'contact', 'acme.example',
  'quentin zoltanova', 'QUENTIN', 'fifty%_off', '%_', 'back\\slash', '\\', 'gmbh 1', '  harbor logistics gmbh 12  ',
  'a', 'co', 'nothing like this',
];

function rareFirstSuite(backend: () => Backend, expectIndexed: () => boolean): void {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
    await seedLeads(backend().db, w);
  });

  test('a term\'s trigrams that every lead shares come after the rare ones, per column, without overlaps', async () => {
    const { rows: [runs] } = await backend().db.query<{ company_runs: string[]; contact_runs: string[]; email_runs: string[] }>(
      `select * from lead_orders.lead_search_runs('Contact1234@Acme')`);
    // Every e-mail holds 'con', 'ont', 'nta', 'tac', 'act': none of them may lead.
    assert.ok(!['con', 'ont', 'nta', 'tac', 'act'].includes(runs!.email_runs[0]!), `email runs ${runs!.email_runs}`);
    for (const list of [runs!.company_runs, runs!.contact_runs, runs!.email_runs]) {
      assert.ok(list.length >= 1 && list.length <= 3, `runs ${list}`);
      for (const run of list) {
        assert.match(run, /^[a-z0-9]{3}$/);
        assert.ok('contact1234@acme'.includes(run), `${run} is a piece of the lower-cased term`);
      }
      const at = list.map((run) => 'contact1234@acme'.indexOf(run)).sort((a, b) => a - b);
      for (let i = 1; i < at.length; i++) assert.ok(at[i]! - at[i - 1]! >= 3, `runs ${list} overlap`);
    }
    const { rows: [none] } = await backend().db.query<{ email_runs: string[] }>(`select * from lead_orders.lead_search_runs('a.b-c %_')`);
    assert.deepEqual(none!.email_runs, []);
  });

  test('every term finds exactly the leads a plain ILIKE finds, newest first, for the admin and a client', async () => {
    const { db } = backend();
    for (const term of terms) {
      assert.deepEqual(await allPages(db, w.admin, term, 7), await reference(db, term, null), `admin '${term}'`);
      assert.deepEqual(await allPages(db, w.clientA, term, 7), await reference(db, term, [w.clientIdA]), `client '${term}'`);
    }
  });

  test('a client\'s rare term is fetched through the trigram indexes where they exist', async () => {
    const scans = await actAs(backend().db, w.clientA, async (tx) => {
      // 4,000 leads fit in a few pages, where a sequential scan is cheaper; discouraging it makes
      // the planner choose as it does over a large table.
      await tx.query('set local enable_seqscan = off');
      const page = (await tx.query<{ r: any }>(`select public.list_leads(p_search => 'quentin zoltanova', p_limit => 5) as r`)).rows[0]!.r;
      assert.equal(page.items.length, 5);
      const { rows } = await tx.query<{ n: number }>(
        `select coalesce(sum(pg_stat_get_xact_numscans(to_regclass('public.' || i))), 0)::int as n from unnest($1::text[]) i`, [trigramIndexes]);
      return rows[0]!.n;
    });
    if (expectIndexed()) assert.ok(scans > 0, 'no trigram index was scanned');
    else assert.equal(scans, 0);
  });

  test('with the trigram indexes dropped, every term returns the same pages', async () => {
    const { db } = backend();
    const pages = async (tx: { query: SqlDatabase['query'] }, term: string) => {
      const { rows } = await tx.query<{ r: any }>('select public.list_leads(p_search => $1, p_limit => 25) as r', [term]);
      return rows[0]!.r.items.map((l: any) => l.id);
    };
    for (const term of terms) {
      const withIndex = await actAs(db, w.admin, (tx) => pages(tx, term));
      let withoutIndex: string[] = [];
      await assert.rejects(db.transaction(async (tx) => {
        await tx.query(`drop index if exists ${trigramIndexes.map((i) => `public.${i}`).join(', ')}`);
        await tx.query('set local role authenticated');
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor(w.admin))]);
        withoutIndex = await pages(tx, term);
        throw new Error('roll back the drop');
      }), /roll back the drop/);
      assert.deepEqual(withoutIndex, withIndex, `'${term}'`);
      assert.deepEqual(withIndex, (await reference(db, term, null)).slice(0, 25), `'${term}' against the reference`);
    }
  });
}

// PostgreSQL has pg_trgm; PGlite only when created with it (the next suite).
onEveryBackend('lead search, rarest trigrams first', (backend) => {
  rareFirstSuite(backend, () => backend().name === 'postgres');
});

describe('lead search, rarest trigrams first (pglite with pg_trgm)', () => {
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
  rareFirstSuite(() => current!, () => true);
});
