import { waitUntil } from '@open-wc/testing';
import type { PGlite } from '@electric-sql/pglite';
import { live } from '@electric-sql/pglite/live';
import { createOrderTracking, createPgliteTransport } from '@lead-orders/sdk/pglite';
import '../src/admin-orders-table/define.js';
import type { AdminOrdersTable } from '../src/admin-orders-table/admin-orders-table.js';
import { DemoDatabaseWorker } from '../../demo/src/database/database-worker-client.js';
import type { BenchDatabaseMeta } from './database-worker.js';
import { afterPaint, summarize, type Row } from './measure.js';

interface LongTaskWatch {
  stop(): number;
}

/** Starts collecting the page's long tasks (> 50 ms); `stop()` returns the longest in ms, 0 when none. */
function watchLongTasks(): LongTaskWatch {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    },
  };
}

/**
 * `<admin-orders-table>` over a database in a Web Worker holding `clients × ordersPerClient`
 * orders: first page (append → rows painted), next page (click → rows painted), and "Export CSV"
 * of about `exportRows` orders (a target-date range chosen to select that many): total time
 * (click → `orders-export`) and the longest main-thread task while it runs (PerformanceObserver
 * `longtask`; tasks under 50 ms are not reported, so 0 means none over 50 ms).
 */
export async function adminTableAtScale(clients: number, ordersPerClient: number, exportRows: number, runs: number): Promise<Row[]> {
  const loadStart = performance.now();
  const worker = new Worker(new URL('./database-worker.ts', import.meta.url), { type: 'module', name: 'bench database' });
  const meta: BenchDatabaseMeta = { clients, ordersPerClient };
  const pglite = new DemoDatabaseWorker(worker, { meta, extensions: { live } });
  await pglite.waitReady;
  const load = performance.now() - loadStart;
  const { rows: admins } = await pglite.query<{ id: string }>(`select md5('bench-user-admin')::uuid::text as id`);
  const transport = await createPgliteTransport({
    pglite: pglite as unknown as PGlite,
    setup: false,
    demo: false,
    as: { role: 'authenticated', userId: admins[0]!.id, email: 'admin@bench.example' },
  });
  const admin = createOrderTracking({ transport });
  const total = (await admin.stats()).orders_total;
  // A target-date range that selects about `exportRows` orders.
  const { rows: bounds } = await pglite.query<{ upto: string }>(
    `select target_delivery_date::text as upto from public.orders where target_delivery_date is not null
     order by target_delivery_date offset $1 limit 1`,
    [exportRows - 1],
  );
  const targetTo = bounds[0]!.upto;
  const name = `admin-orders-table, database in a Web Worker (PGlite): ${total.toLocaleString('en')} orders, ${clients.toLocaleString('en')} clients`;

  // The same SDK without live updates: what the page reads costs, apart from the PGlite
  // transport's subscription (which diffs every visible order's row version on the page).
  const withoutLive = { ...admin, subscribe: () => () => undefined } as typeof admin;
  const mount = (tracking = admin) => {
    const el = document.createElement('admin-orders-table') as AdminOrdersTable;
    el.tracking = tracking;
    return el;
  };
  const painted = async (el: AdminOrdersTable) => {
    await waitUntil(() => el.matches(':state(ready)'), 'page loaded', { timeout: 120000, interval: 5 });
    await el.updateComplete;
    await afterPaint();
  };

  const pages = async (tracking: typeof admin) => {
    const first: number[] = [];
    const next: number[] = [];
    for (let i = 0; i < runs; i++) {
      const el = mount(tracking);
      const start = performance.now();
      document.body.append(el);
      await painted(el);
      first.push(performance.now() - start);
      const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button')][1]!;
      const before = el.shadowRoot!.querySelector('[part="row"]')?.getAttribute('data-id');
      const clicked = performance.now();
      button.click();
      await waitUntil(() => el.matches(':state(ready)') && el.shadowRoot!.querySelector('[part="row"]')?.getAttribute('data-id') !== before, 'next page', {
        timeout: 120000,
        interval: 5,
      });
      await el.updateComplete;
      await afterPaint();
      next.push(performance.now() - clicked);
      el.remove();
    }
    return { first, next };
  };
  const withLive = await pages(admin);
  const quiet = await pages(withoutLive);

  const exportTimes: number[] = [];
  const longest: number[] = [];
  let exported = 0;
  for (let i = 0; i < runs; i++) {
    const el = mount();
    el.targetTo = targetTo;
    document.body.append(el);
    await painted(el);
    const done = new Promise<Blob>((resolve) =>
      el.addEventListener(
        'orders-export',
        (e) => {
          e.preventDefault();
          resolve((e as CustomEvent<{ blob: Blob }>).detail.blob);
        },
        { once: true },
      ),
    );
    const watch = watchLongTasks();
    const start = performance.now();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="export"]')!.click();
    const blob = await done;
    exportTimes.push(performance.now() - start);
    await afterPaint();
    longest.push(watch.stop());
    exported = (await blob.text()).split('\r\n').length - 2; // header row and the final CRLF
    el.remove();
  }
  // The export alone, through the SDK (no element, no subscription): the CSV building's own tasks.
  const sdkTimes: number[] = [];
  const sdkLongest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const watch = watchLongTasks();
    const start = performance.now();
    await admin.orders.exportCsv({ targetTo, sort: 'priority' });
    sdkTimes.push(performance.now() - start);
    await afterPaint();
    sdkLongest.push(watch.stop());
  }
  await pglite.close();
  worker.terminate();
  return [
    summarize(name, 'setup: migrations + set-based load in the worker (total)', [load]),
    summarize(name, 'first page (append → 20 rows painted), live updates on', withLive.first),
    summarize(name, 'next page (click → 20 rows painted), live updates on', withLive.next),
    summarize(name, 'first page, without the subscription', quiet.first),
    summarize(name, 'next page, without the subscription', quiet.next),
    summarize(name, `Export CSV of ${exported.toLocaleString('en')} orders from the table (click → file ready)`, exportTimes),
    summarize(name, 'longest main-thread task during that export (0: none over 50 ms)', longest),
    summarize(name, `orders.exportCsv of the same orders alone (no element, no subscription)`, sdkTimes),
    summarize(name, 'longest main-thread task during that export (0: none over 50 ms)', sdkLongest),
  ];
}
