import { listFirstRender } from './list-render.js';
import { changeToBar } from './live-latency.js';
import { listOnDatabase } from './list-on-database.js';
import { adminTableAtScale } from './admin-table-at-scale.js';
import type { Row } from './measure.js';

declare global {
  interface Window {
    benchResults?: { rows: Row[] } | { error: string };
  }
}

async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  // `npm run bench:elements -- admin-table` runs only the admin table at scale.
  const only = new URLSearchParams(location.search).get('only');
  // `?clients=` scales it down for a quick check of the benchmark itself.
  const clients = Number(new URLSearchParams(location.search).get('clients') ?? 10_000);
  if (only === 'admin-table') return adminTableAtScale(clients, 10, clients, 3);
  await listFirstRender(100, 20, 3); // warm up: module evaluation and Intl formatters
  for (const n of [1000, 10000]) rows.push(...(await listFirstRender(n, 20, 15)));
  // Every row at once: what pagination is measured against.
  for (const n of [1000, 10000]) rows.push(...(await listFirstRender(n, n, n > 1000 ? 3 : 5)));
  rows.push(...(await changeToBar(20)));
  rows.push(...(await listOnDatabase(1000, 5)));
  rows.push(...(await listOnDatabase(10000, 3)));
  rows.push(...(await adminTableAtScale(10_000, 10, 10_000, 3)));
  return rows;
}

run().then(
  (rows) => (window.benchResults = { rows }),
  (error) => (window.benchResults = { error: String(error?.stack ?? error) }),
);
