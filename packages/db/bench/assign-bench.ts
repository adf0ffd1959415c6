// Time to assign one lead into orders that already hold 100 … 100,000 leads: the migrations'
// constant-cost trigger (directly and through assign_lead_to_order as an admin) beside the
// proposal's recounting trigger, on the same data in the same run.
import { actAs, type SqlDatabase } from '../src/index.js';
import { benchIds } from './load-scale.js';
import { md5Uuid, summarize, timed, type Summary } from './measure.js';

export interface AssignResult {
  size: number;
  rpc: Summary;
  direct: Summary;
  proposal: Summary;
}

const update = 'update public.leads set order_id = $1 where id = $2';

/**
 * Each run assigns a fresh deliverable lead and commits, as an admin's click would; only the
 * assigning statement is timed (the commit's WAL flush costs the same for every variant).
 * The three variants take turns run by run, so drift on the machine hits them alike.
 */
export async function benchAssignments(
  ours: SqlDatabase,
  proposal: SqlDatabase,
  options: { sizes: readonly number[]; runs: number; warmup: number; reserve: readonly string[] },
): Promise<AssignResult[]> {
  const admin = { role: 'authenticated' as const, userId: md5Uuid(benchIds.adminLabel) };
  const leads = [...options.reserve];
  const take = () => {
    const id = leads.shift();
    if (!id) throw new Error('the reserve of unassigned leads ran out; raise `reserve`');
    return id;
  };
  const results: AssignResult[] = [];
  for (const size of options.sizes) {
    const order = md5Uuid(benchIds.bigOrderLabel(size));
    const samples = { rpc: [] as number[], direct: [] as number[], proposal: [] as number[] };
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const directLead = take();
      const rpcLead = take();
      const direct = await ours.transaction((tx) => timed(() => tx.query(update, [order, directLead])));
      // The proposal database holds the same rows, so the same lead id is free there too.
      const old = await proposal.transaction((tx) => timed(() => tx.query(update, [order, directLead])));
      const rpc = await actAs(ours, admin, (tx) =>
        timed(() => tx.query('select public.assign_lead_to_order($1, $2)', [rpcLead, order])),
      );
      if (run < options.warmup) continue;
      samples.direct.push(direct.ms);
      samples.proposal.push(old.ms);
      samples.rpc.push(rpc.ms);
    }
    results.push({ size, rpc: summarize(samples.rpc), direct: summarize(samples.direct), proposal: summarize(samples.proposal) });
  }
  return results;
}

/** Confirms both databases counted every assignment (the benchmark is void otherwise). */
export async function checkCounts(db: SqlDatabase, sizes: readonly number[]): Promise<string[]> {
  const problems: string[] = [];
  for (const size of sizes) {
    const { rows } = await db.query<{ stored: number; actual: number }>(
      `select o.leads_delivered as stored,
              (select count(*) from public.leads l where l.order_id = o.id and l.status in ('Approved', 'Lead'))::int as actual
       from public.orders o where o.id = $1`,
      [md5Uuid(benchIds.bigOrderLabel(size))],
    );
    const row = rows[0];
    if (!row || row.stored !== row.actual) problems.push(`order of ${size}: stored ${row?.stored} vs actual ${row?.actual}`);
  }
  return problems;
}
