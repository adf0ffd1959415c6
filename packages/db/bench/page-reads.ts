// `npm run bench:pages -w packages/db`: the reads behind the admin and client pages (list_leads,
// list_clients, preview_order_number, get_delivery_series, get_order_forecast) at benchmark scale
// on a real PostgreSQL 17 server: 100,004 orders and 1,000,000 leads, one order holding 100,000.
// Prints a markdown table of median and p95 round trips and the plan each call's main statement
// used. BENCH_SCALE=small loads 100,000 leads. Not a test: timings depend on the machine.
import pg from 'pg';
import { actAs, applyMigrations, type Identity } from '../src/index.js';
import { fromPgPool, readFixture, readMigrationsDir, startEmbeddedPostgres } from '../src/node.js';
import { benchIds, loadScale, type ScaleOptions } from './load-scale.js';
import { md5Uuid, ms, summarize, table, timed } from './measure.js';

const scales: Record<'full' | 'small', { data: ScaleOptions; runs: number }> = {
  full: { data: { clients: 5_000, ordersPerClient: 20, leads: 1_000_000, bigOrders: [100, 1_000, 10_000, 100_000], reserve: 1_000 }, runs: 30 },
  small: { data: { clients: 500, ordersPerClient: 20, leads: 100_000, bigOrders: [100, 1_000, 10_000], reserve: 300 }, runs: 10 },
};

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
  const server = await startEmbeddedPostgres({ version: 17 });
  const pool = new pg.Pool({ connectionString: server.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    const db = fromPgPool(pool);
    await db.exec(readFixture('supabase'));
    await db.exec(readFixture('agency'));
    await applyMigrations(db, readMigrationsDir());
    const client = await pool.connect();
    try {
      const report = await loadScale(client, scale.data, 'migrations');
      await client.query('analyze');
      console.log(`# page reads (${scaleName}): ${report.orders.toLocaleString('en-US')} orders, ${report.leads.toLocaleString('en-US')} leads\n`);
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
      { name: "list_leads search 'contact12345@'", sql: `select public.list_leads(p_search => 'contact12345@')`, as: 'admin', targetMs: 10 },
      { name: "list_leads search 'contact12345@'", sql: `select public.list_leads(p_search => 'contact12345@')`, as: 'client', targetMs: 10 },
      { name: 'list_clients first page (50)', sql: 'select public.list_clients()', as: 'admin', targetMs: 10 },
      { name: "list_clients search", sql: `select public.list_clients(p_search => 'bench')`, as: 'admin', targetMs: 10 },
      { name: 'preview_order_number', sql: 'select public.preview_order_number()', as: 'admin', targetMs: 10 },
      { name: `get_delivery_series, ${biggest.toLocaleString('en-US')}-lead order (auto: weeks)`, sql: `select public.get_delivery_series('${bigOrder}')`, as: 'whale', targetMs: 10 },
      { name: `get_delivery_series, ${biggest.toLocaleString('en-US')}-lead order, per day`, sql: `select public.get_delivery_series('${bigOrder}', 'day')`, as: 'whale', targetMs: 10 },
      { name: `get_order_forecast, ${biggest.toLocaleString('en-US')}-lead order`, sql: `select public.get_order_forecast('${bigOrder}')`, as: 'whale', targetMs: 10 },
    ];

    const rows: string[][] = [];
    for (const call of calls) {
      const samples: number[] = [];
      for (let run = 0; run < 3 + scale.runs; run++) {
        const { ms: took } = await actAs(db, identities[call.as], (tx) => timed(() => tx.query(call.sql)));
        if (run >= 3) samples.push(took);
      }
      const s = summarize(samples);
      rows.push([call.name, call.as, ms(s.median), ms(s.p95), `≤ ${call.targetMs}`, s.median <= call.targetMs ? 'yes' : '**no**']);
    }
    console.log(table(['call', 'as', 'median ms', 'p95 ms', 'target', 'met'], rows));

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
