// `npm run bench:pages -w packages/db`: the reads behind the admin and client pages (list_leads,
// list_clients, preview_order_number, get_delivery_series, get_order_forecast) at benchmark scale
// on a real PostgreSQL 17 server: 100,004 orders and 1,000,000 leads, one order holding 100,000.
// Prints a markdown table of median and p95 round trips and the plan each call's main statement
// used. BENCH_SCALE=small loads 100,000 leads. BENCH_DATA_DIR=<dir> keeps the cluster there: the
// first run loads it, later runs apply only new migrations and measure again (BENCH_ONLY=<text>
// measures only the calls whose name contains it). Not a test: timings depend on the machine.
import { loadavg } from 'node:os';
import pg from 'pg';
import { actAs, applyMigrations, type Identity } from '../src/index.js';
import { fromPgPool, readFixture, readMigrationsDir, startEmbeddedPostgres } from '../src/node.js';
import { benchIds, loadScale, type ScaleOptions } from './load-scale.js';
import { md5Uuid, ms, summarize, table, timed } from './measure.js';
import { searchTerms } from './read-bench.js';

const scales: Record<'full' | 'small', { data: ScaleOptions; runs: number }> = {
  full: { data: { clients: 5_000, ordersPerClient: 20, leads: 1_000_000, bigOrders: [100, 1_000, 10_000, 100_000], reserve: 1_000 }, runs: 30 },
  small: { data: { clients: 500, ordersPerClient: 20, leads: 100_000, bigOrders: [100, 1_000, 10_000], reserve: 300 }, runs: 10 },
};

/** One call per (case, caller) for a search function: `[label, term, callers]`. */
function searchCalls(fn: string, sql: (term: string) => string, cases: [string, string, Call['as'][]][]): Call[] {
  return cases.flatMap(([label, term, callers]) =>
    callers.map((as) => ({ name: `${fn}, ${label}`, sql: sql(term), as, targetMs: 10 })));
}

interface Call {
  name: string;
  sql: string;
  as: 'admin' | 'client' | 'whale';
  targetMs: number;
}

async function main(): Promise<void> {
  const scaleName = process.env.BENCH_SCALE === 'small' ? 'small' : 'full';
  const scale = scales[scaleName];
  const biggest = Math.max(...scale.data.bigOrders);
  const dataDir = process.env.BENCH_DATA_DIR || undefined;
  const server = await startEmbeddedPostgres({ version: 17, dataDir });
  const pool = new pg.Pool({ connectionString: server.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    const db = fromPgPool(pool);
    const { rows: [kept] } = await db.query<{ loaded: boolean }>(`select to_regclass('public.leads') is not null as loaded`);
    if (!kept!.loaded) {
      await db.exec(readFixture('supabase'));
      await db.exec(readFixture('agency'));
    }
    const applied = await applyMigrations(db, readMigrationsDir());
    const client = await pool.connect();
    try {
      const { rows: [existing] } = await client.query<{ leads: string; orders: string }>(
        'select (select count(*) from public.leads) as leads, (select count(*) from public.orders) as orders');
      let counts = { leads: Number(existing!.leads), orders: Number(existing!.orders) };
      const loading = counts.leads === 0;
      if (loading) {
        const report = await loadScale(client, scale.data, 'migrations');
        counts = { leads: report.leads, orders: report.orders };
      }
      if (loading || applied.length > 0) await client.query('analyze');
      console.log(`# page reads (${scaleName}): ${counts.orders.toLocaleString('en-US')} orders, ${counts.leads.toLocaleString('en-US')} leads; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    } finally {
      client.release();
    }

    const identities: Record<Call['as'], Identity> = {
      admin: { role: 'authenticated', userId: md5Uuid(benchIds.adminLabel) },
      client: { role: 'authenticated', userId: md5Uuid(benchIds.clientUserLabel(1)) },
      // Client 0 holds the big orders and the unassigned reserve.
      whale: { role: 'authenticated', userId: md5Uuid(benchIds.clientUserLabel(0)) },
    };
    const bigOrder = md5Uuid(benchIds.bigOrderLabel(biggest));
    const whaleClient = md5Uuid(benchIds.clientLabel(0));
    const { rows: [second] } = await actAs(db, identities.admin, (tx) =>
      tx.query<{ c: string }>(`select (public.list_leads(p_limit => 50)) ->> 'next_cursor' as c`));
    const calls: Call[] = [
      { name: 'list_leads first page (50)', sql: 'select public.list_leads()', as: 'admin', targetMs: 10 },
      { name: 'list_leads first page (50)', sql: 'select public.list_leads()', as: 'client', targetMs: 10 },
      { name: 'list_leads second page (50)', sql: `select public.list_leads(p_cursor => '${second!.c}')`, as: 'admin', targetMs: 10 },
      { name: 'list_leads of one client', sql: `select public.list_leads(p_client_id => '${whaleClient}')`, as: 'admin', targetMs: 10 },
      { name: `list_leads of the ${biggest.toLocaleString('en-US')}-lead order`, sql: `select public.list_leads(p_order_id => '${bigOrder}')`, as: 'whale', targetMs: 10 },
      { name: 'list_leads without an order (a client\'s backlog)', sql: `select public.list_leads(p_no_order => true)`, as: 'whale', targetMs: 10 },
      { name: 'list_leads without an order, every client', sql: `select public.list_leads(p_no_order => true)`, as: 'admin', targetMs: 10 },
      { name: "list_leads status New", sql: `select public.list_leads(p_status => '{New}')`, as: 'admin', targetMs: 10 },
      { name: 'list_leads delivered in the last 7 days', sql: `select public.list_leads(p_delivered_from => current_date - 7)`, as: 'admin', targetMs: 10 },
      // Searches (issue 8: rare and common terms, admin and client, ≤ 10 ms). Every bench e-mail
      // starts with 'contact', so a rare address shares five trigrams with every lead, as real
      // addresses share 'gmail' or '.com'.
      ...searchCalls('list_leads search', (term) => `select public.list_leads(p_search => '${term}')`, [
        ["rare address 'contact12345@'", 'contact12345@', ['admin', 'client', 'whale']],
        ["rare address 'contact12@'", 'contact12@', ['admin', 'whale']],
        ["full name 'Nora Dubois' (~800 leads)", 'Nora Dubois', ['admin', 'whale']],
        ["common 'contact' (every lead)", 'contact', ['admin', 'whale']],
        ["company word 'Law Group' (~4%)", 'Law Group', ['admin', 'whale']],
        ["company stem 'Acme' (~3%)", 'Acme', ['admin', 'whale']],
        ["no match 'zzzz'", 'zzzz', ['admin', 'whale']],
        ["one character 'a'", 'a', ['admin', 'whale']],
        ["two characters 'ac'", 'ac', ['admin', 'whale']],
        // No run of three letters or digits: no trigram to look up, so the n-gram index serves them.
        ["rare two letters 'qz'", 'qz', ['admin', 'whale']],
        ["rare 'a.b' (no trigram)", 'a.b', ['admin', 'whale']],
      ]),
      { name: 'list_clients first page (50)', sql: 'select public.list_clients()', as: 'admin', targetMs: 10 },
      ...searchCalls('list_clients search', (term) => `select public.list_clients(p_search => '${term}')`, [
        ["common 'Dental'", 'Dental', ['admin']],
        ["rare 'Partners 1358'", 'Partners 1358', ['admin']],
        ["no match 'bench'", 'bench', ['admin']],
        ["rare two letters 'qz'", 'qz', ['admin']],
      ]),
      ...searchCalls('get_orders search', (term) => `select public.get_orders(p_search => '${term}')`, [
        [`common '${searchTerms.common}'`, searchTerms.common, ['admin', 'client', 'whale']],
        [`rare '${searchTerms.rare}'`, searchTerms.rare, ['admin', 'client', 'whale']],
        ["order name 'Trade Show'", 'Trade Show', ['admin', 'whale']],
        ["rare two letters 'qz'", 'qz', ['admin', 'whale']],
        ["one character 'a'", 'a', ['admin']],
      ]),
      { name: 'preview_order_number', sql: 'select public.preview_order_number()', as: 'admin', targetMs: 10 },
      { name: `get_delivery_series, ${biggest.toLocaleString('en-US')}-lead order (auto: weeks)`, sql: `select public.get_delivery_series('${bigOrder}')`, as: 'whale', targetMs: 10 },
      { name: `get_delivery_series, ${biggest.toLocaleString('en-US')}-lead order, per day`, sql: `select public.get_delivery_series('${bigOrder}', 'day')`, as: 'whale', targetMs: 10 },
      { name: `get_order_forecast, ${biggest.toLocaleString('en-US')}-lead order`, sql: `select public.get_order_forecast('${bigOrder}')`, as: 'whale', targetMs: 10 },
    ];

    // Each call 3 times unmeasured, then scale.runs times; one table row per call.
    const only = process.env.BENCH_ONLY;
    const measure = async (chosen: Call[]): Promise<string> => {
      const rows: string[][] = [];
      for (const call of chosen.filter((c) => !only || c.name.includes(only))) {
        const samples: number[] = [];
        for (let run = 0; run < 3 + scale.runs; run++) {
          const { ms: took } = await actAs(db, identities[call.as], (tx) => timed(() => tx.query(call.sql)));
          if (run >= 3) samples.push(took);
        }
        const s = summarize(samples);
        rows.push([call.name, call.as, ms(s.median), ms(s.p95), `≤ ${call.targetMs}`, s.median <= call.targetMs ? 'yes' : '**no**']);
      }
      return table(['call', 'as', 'median ms', 'p95 ms', 'target', 'met'], rows);
    };
    console.log(await measure(calls));

    // A live agency writes leads all day: every assignment adds entries to the lead trigram
    // indexes' GIN pending lists, which every search reads until they are merged. The rare
    // searches again after 6,000 lead writes (rolled back: the entries stay until a vacuum).
    const writer = await pool.connect();
    try {
      await writer.query('begin');
      await writer.query(`update public.leads set status = case when status = 'New' then 'Lead' else 'New' end
                           where id in (select id from public.leads where order_id is null order by id limit 6000)`);
      await writer.query('rollback');
    } finally {
      writer.release();
    }
    console.log('After 6,000 lead writes (GIN pending lists filled):\n');
    console.log(await measure(calls.filter((c) => /contact12345@|'qz'/.test(c.name))));
    // The rolled-back writes left dead rows and index entries behind; a kept cluster
    // (BENCH_DATA_DIR) starts its next run clean.
    await db.exec('vacuum public.leads');

    // The rare search's candidate query as list_leads builds it (rarest trigrams first), and the
    // whole-term condition it replaced, with the index pages each reads.
    const { rows: [runs] } = await db.query<{ f: string | null }>(`select to_regprocedure('lead_orders.lead_search_runs(text, integer)')::text as f`);
    if (runs?.f) {
      const term = 'contact12345@';
      const { rows: [built] } = await db.query<{ rare_first: string; whole: string }>(
        `select 'select l.id from public.leads l where ' || lead_orders.rare_first_candidates($2, $1) as rare_first,
                format('select l.id from public.leads l where l.company_name ilike %1$L or l.contact_name ilike %1$L or l.email ilike %1$L', $1) as whole`,
        [`%${term}%`, term],
      );
      for (const [label, sql] of [['rarest trigrams first', built!.rare_first], ['whole term (before)', built!.whole]] as const) {
        const { rows: plan } = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off, timing off) ${sql}`);
        console.log(`\nCandidates of '${term}', ${label}:\n\n    ${plan.map((r) => r['QUERY PLAN']).join('\n    ')}`);
      }
    }

    // The grouping behind the delivery series, as the function runs it (over the order's
    // per-day counts, not its leads), with its plan.
    const { rows: plan } = await db.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, costs off, timing off, summary off)
       select date_trunc('week', d.day)::date, sum(d.delivered)::int from lead_orders.order_delivery_days d
        where d.order_id = $1 and d.delivered <> 0 group by 1`,
      [bigOrder],
    );
    console.log(`\nDelivery series grouping, ${biggest.toLocaleString('en-US')}-lead order:\n\n    ${plan.map((r) => r['QUERY PLAN']).join('\n    ')}`);
  } finally {
    await pool.end().catch(() => undefined);
    await server.stop();
  }
}

await main();
