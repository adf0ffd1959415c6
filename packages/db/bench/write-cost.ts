// What the read-side structures cost the assignment path: the median time of assigning one lead
// (the update of leads and every trigger it fires) and the share of order updates that stayed
// HOT (heap-only: no new entry in any index of orders), for the design as shipped, without the
// maintained totals and progress key, without the delivery tallies, without the hour tally alone,
// without open_orders' flag days, without the search n-grams, with the lead trigram indexes' GIN
// pending lists at PostgreSQL's default size, and with the index on progress in orders that the
// maintained key replaces. The trigram indexes are in every variant: the columns they cover never
// change on an assignment, so they cannot cost it a HOT update of orders (the update of leads is
// not HOT either way: order_id and status are indexed).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { benchIds } from './load-scale.js';
import { md5Uuid, summarize, timed, type Summary } from './measure.js';
import type { LeadReserve } from './assign-bench.js';

export interface WriteCostResult {
  variant: string;
  assign: Summary;
  /** Per table: updates and HOT updates during the runs. */
  hot: Record<string, { updates: number; hot: number }>;
}

const tables = ['public.orders', 'lead_orders.order_progress', 'lead_orders.open_orders'] as const;

/**
 * One top-level statement of a migration, from the line that starts with `head` to the end of the
 * statement (a function's closing `$$;`, else the first line ending in `;`): the variants below
 * take a structure out and put it back with the migrations' own text.
 */
function migrationStatement(file: string, head: string): string {
  const text = readFileSync(new URL(`../migrations/${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`\n${head}`);
  if (start < 0) throw new Error(`${file} has no statement starting with ${head}`);
  const rest = text.slice(start + 1);
  const end = rest.includes('$$') && rest.indexOf('$$') < rest.indexOf(';') ? rest.indexOf('\n$$;') + 4 : rest.search(/;\s*(\n|$)/) + 1;
  return rest.slice(0, end);
}

const tallyFunction = 'create or replace function lead_orders.leads_tally_delivery_days()';
const trigramIndexes = ['idx_leads_company_trgm', 'idx_leads_contact_trgm', 'idx_leads_email_trgm'];
const flagDaysColumns = 'alter table lead_orders.open_orders';

interface Variant {
  name: string;
  before: string[];
  after: string[];
}

const variants: readonly Variant[] = [
  { name: 'as shipped (totals log, open_orders with its flag days, progress key, delivery days and hours; trigram indexes)', before: [], after: [] },
  {
    name: 'without the maintained totals, open_orders and progress key',
    before: [
      'alter table public.orders disable trigger orders_totals_after_update',
      'alter table public.orders disable trigger orders_progress_after_update',
    ],
    after: [
      'alter table public.orders enable trigger orders_totals_after_update',
      'alter table public.orders enable trigger orders_progress_after_update',
      // The runs above moved counts the disabled triggers did not follow.
      'select public.rebuild_order_totals()',
    ],
  },
  {
    name: 'without the delivery days and hours tallies (get_delivery_series and the admin stats reading the leads instead)',
    before: ['alter table public.leads disable trigger leads_tally_delivery_days_update'],
    after: [
      'alter table public.leads enable trigger leads_tally_delivery_days_update',
      'select public.rebuild_delivery_days()',
    ],
  },
  {
    name: 'without the hours tally alone (the days tally as before it)',
    before: [migrationStatement('20251209000000_delivery_days.sql', tallyFunction)],
    after: [
      migrationStatement('20251211000200_delivery_hours.sql', tallyFunction),
      'select public.rebuild_delivery_days()',
    ],
  },
  {
    name: "without open_orders' flag days (overdue_from, attention_from)",
    before: ['alter table lead_orders.open_orders drop column attention_from, drop column overdue_from'],
    after: [migrationStatement('20251211000100_open_orders_flag_days.sql', flagDaysColumns)],
  },
  {
    name: 'without the search n-grams (the lead rename trigger, the n-gram index on orders)',
    before: [
      'alter table public.leads disable trigger leads_search_ngrams_update',
      'drop index public.idx_orders_search_ngrams',
    ],
    after: [
      'alter table public.leads enable trigger leads_search_ngrams_update',
      migrationStatement('20251212000000_search_without_trigrams.sql', 'create index idx_orders_search_ngrams'),
    ],
  },
  {
    name: "with the lead trigram indexes' default 4 MB GIN pending lists (256 kB as shipped)",
    before: trigramIndexes.map((i) => `alter index public.${i} reset (gin_pending_list_limit)`),
    after: trigramIndexes.map((i) => `alter index public.${i} set (gin_pending_list_limit = 256)`),
  },
  {
    name: 'as shipped plus an index on progress in public.orders (the alternative to the key table)',
    before: ['create index bench_orders_progress on public.orders (lead_orders.progress_key(leads_delivered, leads_purchased), id)'],
    after: ['drop index public.bench_orders_progress'],
  },
];

async function counters(client: pg.Client): Promise<Record<string, { updates: number; hot: number }>> {
  // This connection's own counts are flushed at the end of the transaction that asks for it.
  await client.query('select pg_stat_force_next_flush()');
  await client.query('select pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ name: string; updates: string; hot: string }>(
    `select schemaname || '.' || relname as name, n_tup_upd as updates, n_tup_hot_upd as hot
       from pg_stat_user_tables where schemaname || '.' || relname = any ($1)`,
    [tables],
  );
  return Object.fromEntries(rows.map((r) => [r.name, { updates: Number(r.updates), hot: Number(r.hot) }]));
}

/**
 * Assigns `runs` leads per variant, one per transaction, round-robin over the big orders, on one
 * connection (so the table counters read afterwards are this connection's own, flushed).
 */
export async function benchWriteCost(url: string, reserve: LeadReserve, options: { sizes: readonly number[]; runs: number; warmup: number }): Promise<WriteCostResult[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('error', () => undefined);
  const orders = options.sizes.map((size) => md5Uuid(benchIds.bigOrderLabel(size)));
  const results: WriteCostResult[] = [];
  try {
    for (const variant of variants) {
      for (const sql of variant.before) await client.query(sql);
      const samples: number[] = [];
      let start: Awaited<ReturnType<typeof counters>> | undefined;
      for (let run = 0; run < options.warmup + options.runs; run++) {
        if (run === options.warmup) start = await counters(client);
        const lead = reserve.take();
        await client.query('begin');
        const { ms } = await timed(() => client.query('update public.leads set order_id = $1 where id = $2', [orders[run % orders.length], lead]));
        await client.query('commit');
        if (run >= options.warmup) samples.push(ms);
      }
      const end = await counters(client);
      for (const sql of variant.after) await client.query(sql);
      results.push({
        variant: variant.name,
        assign: summarize(samples),
        hot: Object.fromEntries(tables.map((t) => [t, {
          updates: (end[t]?.updates ?? 0) - (start![t]?.updates ?? 0),
          hot: (end[t]?.hot ?? 0) - (start![t]?.hot ?? 0),
        }])),
      });
    }
    return results;
  } finally {
    await client.end();
  }
}
