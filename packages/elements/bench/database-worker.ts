// A Web Worker holding the benchmark's database: PGlite with the real migrations and 100,000
// orders, so the page's main thread only sends queries and reads results, as in the demo (whose
// worker and error carrying this reuses). Set-based load (generate_series, triggers bypassed,
// counts rebuilt once): `scaleStatements` of the database package's own benchmark.
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import { agencyFixtureSql, applyMigrations, fromPglite, migrations, supabaseFixtureSql } from '@lead-orders/db';
import { scaleStatements } from '../../db/bench/load-scale.js';
import { carryErrors } from '../../demo/src/database/database-errors.js';

/** What the page asks for (PGliteWorker's `meta`). */
export interface BenchDatabaseMeta {
  clients: number;
  ordersPerClient: number;
}

void worker({
  async init(options) {
    const { clients, ordersPerClient } = options.meta as BenchDatabaseMeta;
    const pglite = await PGlite.create();
    await pglite.exec(supabaseFixtureSql);
    await pglite.exec(agencyFixtureSql);
    await applyMigrations(fromPglite(pglite), migrations);
    const orders = clients * ordersPerClient;
    for (const statement of scaleStatements({ clients, ordersPerClient, leads: orders + orders / 5, bigOrders: [], reserve: 0 }, 'migrations')) {
      await pglite.exec(statement);
    }
    await pglite.query('select public.rebuild_order_counts()');
    await pglite.query('select public.rebuild_order_totals()');
    await pglite.exec('vacuum (analyze)');
    return carryErrors(pglite);
  },
});
