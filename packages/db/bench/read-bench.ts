// The read calls of the target table at full scale, as a client and as an admin, called
// the way PostgREST calls them (role authenticated, JWT claims in the transaction), each beside
// what the proposal's design runs for the same screen on the same data; and the plans the server
// chose for ours.
import pg from 'pg';
import { actAs, type Identity, type SqlDatabase } from '../src/index.js';
import { fromPgPool } from '../src/node.js';
import { summarize, summarizePlan, timed, type PlanSummary, type Summary } from './measure.js';

export type As = 'admin' | 'client';

export interface ReadCall {
  name: string;
  /** Our call: one statement returning one row with column r. */
  ours: string;
  /** The proposal's query for the same screen (its edge function's query), one row with column r. */
  proposal: string;
  /** What the result holds, for the table: items on the page or orders counted. */
  size(result: unknown): string;
  targetMs: Record<As, number>;
}

/** A search term that matches about a tenth of the orders (order names), and one that matches one order number. */
export const searchTerms = { common: 'hiring', rare: 'ORD-2024-01234' };

// The proposal's get-orders: orders with their client's name under the proposal's policies, as
// supabase-js `from('orders').select('*, clients(client_name)').order(…).limit(50)` reads them.
const proposalPage = (order: string, where = 'true') => `
  select coalesce(jsonb_agg(to_jsonb(x)), '[]') as r from (
    select o.*, c.client_name from public.orders o join public.clients c on c.id = o.client_id
     where ${where} order by ${order} limit 50) x`;
const proposalSearch = (term: string) => {
  const pattern = `'%${term.replace(/'/g, "''")}%'`;
  return proposalPage('o.priority desc, o.target_delivery_date asc nulls last, o.id',
    `(o.order_number ilike ${pattern} or o.name ilike ${pattern} or c.client_name ilike ${pattern})`);
};
const items = (r: unknown) => {
  const list = Array.isArray(r) ? r : (r as { items: unknown[] }).items;
  return `${list.length} items`;
};
const pageTarget = { admin: 10, client: 10 };

export const readCalls: readonly ReadCall[] = [
  {
    name: 'get_order_stats',
    ours: 'select public.get_order_stats() as r',
    // The proposal's get-order-stats: one aggregate over the orders the caller may see.
    proposal: `
      select jsonb_build_object(
        'orders_total', count(*),
        'active', count(*) filter (where status = 'Active'),
        'completed', count(*) filter (where status = 'Completed'),
        'overdue', count(*) filter (where status in ('Active', 'Paused') and target_delivery_date < current_date and leads_remaining > 0),
        'leads_purchased', coalesce(sum(leads_purchased), 0),
        'leads_delivered', coalesce(sum(leads_delivered), 0)) as r
      from public.orders`,
    size: (r) => `${(r as { orders_total: number }).orders_total} orders`,
    targetMs: { admin: 10, client: 3 },
  },
  {
    name: 'get_orders first page (50), sort priority',
    ours: 'select public.get_orders() as r',
    proposal: proposalPage('o.priority desc, o.target_delivery_date asc nulls last, o.id'),
    size: items,
    targetMs: pageTarget,
  },
  {
    name: 'get_orders first page (50), sort target',
    ours: `select public.get_orders(p_sort => 'target') as r`,
    proposal: proposalPage('o.target_delivery_date asc nulls last, o.priority desc, o.id'),
    size: items,
    targetMs: pageTarget,
  },
  {
    name: 'get_orders first page (50), sort progress',
    ours: `select public.get_orders(p_sort => 'progress') as r`,
    proposal: proposalPage('o.leads_delivered::numeric / greatest(o.leads_purchased, 1), o.id'),
    size: items,
    targetMs: pageTarget,
  },
  {
    name: 'get_orders first page (50), sort newest',
    ours: `select public.get_orders(p_sort => 'newest') as r`,
    proposal: proposalPage('o.created_at desc, o.id desc'),
    size: items,
    targetMs: pageTarget,
  },
  {
    name: `get_orders search, common term '${searchTerms.common}'`,
    ours: `select public.get_orders(p_search => '${searchTerms.common}') as r`,
    proposal: proposalSearch(searchTerms.common),
    size: items,
    targetMs: pageTarget,
  },
  {
    name: `get_orders search, rare term '${searchTerms.rare}'`,
    ours: `select public.get_orders(p_search => '${searchTerms.rare}') as r`,
    proposal: proposalSearch(searchTerms.rare),
    size: items,
    targetMs: pageTarget,
  },
];

export interface ReadResult {
  call: ReadCall;
  as: As;
  ours: Summary;
  proposal: Summary;
  size: string;
}

/** Each run calls ours then the proposal's, so drift on the shared machine hits both alike. */
export async function benchReads(
  ours: SqlDatabase,
  proposal: SqlDatabase,
  identities: readonly { as: As; identity: Identity }[],
  options: { runs: number; warmup: number; proposalRuns: number },
): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for (const call of readCalls) {
    for (const { as, identity } of identities) {
      const samples = { ours: [] as number[], proposal: [] as number[] };
      let size = '';
      for (let run = 0; run < options.warmup + options.runs; run++) {
        const mine = await actAs(ours, identity, (tx) => timed(() => tx.query<{ r: unknown }>(call.ours)));
        size = call.size(mine.value.rows[0]!.r);
        // The proposal's calls take up to seconds each: one warm-up and fewer runs keep the benchmark short.
        const old = run >= options.warmup - 1 && run < options.warmup + options.proposalRuns
          ? await actAs(proposal, identity, (tx) => timed(() => tx.query(call.proposal)))
          : null;
        if (run < options.warmup) continue;
        samples.ours.push(mine.ms);
        if (old) samples.proposal.push(old.ms);
      }
      results.push({ call, as, ours: summarize(samples.ours), proposal: summarize(samples.proposal), size });
    }
  }
  return results;
}

export interface PlanResult {
  call: ReadCall;
  as: As;
  /** Every statement the call ran that read orders or leads (the dynamic SQL inside the function). */
  plans: PlanSummary[];
}

/**
 * EXPLAIN (ANALYZE) of the statements inside each function: EXPLAIN of `select get_orders()`
 * shows only a Result node, so auto_explain logs the nested statements' plans and sends them
 * to this connection as notices.
 */
export async function explainReads(url: string, identities: readonly { as: As; identity: Identity }[]): Promise<PlanResult[]> {
  const notices: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('notice', (notice) => notices.push(notice.message ?? ''));
  });
  const db = fromPgPool(pool);
  try {
    // Session settings, made as the superuser before each request switches role.
    await db.query(`load 'auto_explain'`);
    for (const setting of [
      'auto_explain.log_min_duration = 0',
      'auto_explain.log_analyze = on',
      'auto_explain.log_nested_statements = on',
      'auto_explain.log_level = notice',
      "auto_explain.log_format = 'text'",
    ]) {
      await db.query(`set ${setting}`);
    }
    const results: PlanResult[] = [];
    for (const call of readCalls) {
      for (const { as, identity } of identities) {
        await actAs(db, identity, (tx) => tx.query(call.ours)); // warm, unlogged below
        notices.length = 0;
        await actAs(db, identity, (tx) => tx.query(call.ours));
        const plans = notices
          .map(summarizePlan)
          .filter((p) => /public\.(order_summary|leads|orders|clients)\b|lead_orders\.(open_orders|order_totals|order_progress)/.test(p.query)
            && !/^select public\.get_/i.test(p.query));
        results.push({ call, as, plans });
      }
    }
    return results;
  } finally {
    await pool.end();
  }
}
