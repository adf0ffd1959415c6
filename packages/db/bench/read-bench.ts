// get_orders (first page, filtered page) and get_order_stats at full scale, called the way
// PostgREST calls them, as a client and as an admin; and the plans the server chose for them.
import pg from 'pg';
import { actAs, type Identity, type SqlDatabase } from '../src/index.js';
import { fromPgPool } from '../src/node.js';
import { summarize, summarizePlan, timed, type PlanSummary, type Summary } from './measure.js';

export interface ReadCall {
  name: string;
  sql: string;
  /** What the result holds, for the table: items on the page or orders counted. */
  size(result: unknown): string;
  targetMs: number;
}

export const readCalls: readonly ReadCall[] = [
  {
    name: 'get_orders first page (50)',
    sql: 'select public.get_orders() as r',
    size: (r) => `${(r as { items: unknown[] }).items.length} items`,
    targetMs: 10,
  },
  {
    name: "get_orders filtered: status Active/Paused, search 'hiring'",
    sql: `select public.get_orders(p_status => '{Active,Paused}', p_search => 'hiring') as r`,
    size: (r) => `${(r as { items: unknown[] }).items.length} items`,
    targetMs: 10,
  },
  {
    name: 'get_orders first page sorted by target date (50)',
    sql: `select public.get_orders(p_sort => 'target') as r`,
    size: (r) => `${(r as { items: unknown[] }).items.length} items`,
    targetMs: 10,
  },
  {
    name: 'get_orders first page sorted newest first (50)',
    sql: `select public.get_orders(p_sort => 'newest') as r`,
    size: (r) => `${(r as { items: unknown[] }).items.length} items`,
    targetMs: 10,
  },
  {
    name: 'get_orders first page sorted by progress (50)',
    sql: `select public.get_orders(p_sort => 'progress') as r`,
    size: (r) => `${(r as { items: unknown[] }).items.length} items`,
    targetMs: 10,
  },
  {
    name: 'get_order_stats',
    sql: 'select public.get_order_stats() as r',
    size: (r) => `${(r as { orders_total: number }).orders_total} orders`,
    targetMs: 50,
  },
];

export interface ReadResult {
  call: ReadCall;
  as: string;
  summary: Summary;
  size: string;
}

export async function benchReads(
  db: SqlDatabase,
  identities: readonly { as: string; identity: Identity }[],
  options: { runs: number; warmup: number },
): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for (const call of readCalls) {
    for (const { as, identity } of identities) {
      const samples: number[] = [];
      let size = '';
      for (let run = 0; run < options.warmup + options.runs; run++) {
        const { ms, value } = await actAs(db, identity, (tx) => timed(() => tx.query<{ r: unknown }>(call.sql)));
        size = call.size(value.rows[0]!.r);
        if (run >= options.warmup) samples.push(ms);
      }
      results.push({ call, as, summary: summarize(samples), size });
    }
  }
  return results;
}

export interface PlanResult {
  call: ReadCall;
  as: string;
  /** Every statement the call ran that read orders or leads (the dynamic SQL inside the function). */
  plans: PlanSummary[];
}

/**
 * EXPLAIN (ANALYZE) of the statements inside each function: EXPLAIN of `select get_orders()`
 * shows only a Result node, so auto_explain logs the nested statements' plans and sends them
 * to this connection as notices.
 */
export async function explainReads(url: string, identities: readonly { as: string; identity: Identity }[]): Promise<PlanResult[]> {
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
        await actAs(db, identity, (tx) => tx.query(call.sql)); // warm, unlogged below
        notices.length = 0;
        await actAs(db, identity, (tx) => tx.query(call.sql));
        const plans = notices
          .map(summarizePlan)
          .filter((p) => /public\.(order_summary|leads|orders)\b/.test(p.query) && !/^select public\.get_/i.test(p.query));
        results.push({ call, as, plans });
      }
    }
    return results;
  } finally {
    await pool.end();
  }
}
