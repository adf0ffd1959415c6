import { waitUntil } from '@open-wc/testing';
import '../src/client-orders-list/define.js';
import type { ClientOrdersList } from '../src/client-orders-list/client-orders-list.js';
import { openDatabase } from '../test/helpers/database.js';
import { activeOrderWithDeliveredLead } from '../test/helpers/demo-orders.js';
import { afterPaint, summarize, type Row } from './measure.js';

/**
 * `client-orders-list` on the demo database with `extra` more orders for client A, created
 * through the SDK: first render as client A (the first page of 20, fetched sorted from the
 * database, then rendered), and the time from an assignment to the repainted page, which the list
 * refetches with its cursor.
 */
export async function listOnDatabase(extra: number, runs: number): Promise<Row[]> {
  const db = await openDatabase();
  const clientId = db.users.clientA.client_id!;
  const created = performance.now();
  for (let i = 0; i < extra; i++) {
    // Numbered by hand: the automatic ORD-<year>-<NNN> numbers stop at 999 a year (reported).
    const order_number = `BENCH-${String(i + 1).padStart(5, '0')}`;
    await db.admin.orders.create({ client_id: clientId, order_number, leads_purchased: 50 + (i % 50), name: `Bench order ${i}`, status: 'Active' });
    if ((i + 1) % 2500 === 0) console.info(`  created ${i + 1} orders in ${Math.round(performance.now() - created)} ms`);
  }
  const setup = performance.now() - created;
  const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, clientId);
  const total = (await db.admin.stats(clientId)).orders_total;
  const name = `client-orders-list on PGlite as client A: ${total.toLocaleString('en')} orders`;

  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const el = document.createElement('client-orders-list') as ClientOrdersList;
    el.tracking = db.clientA;
    const start = performance.now();
    document.body.append(el);
    await waitUntil(() => el.matches(':state(ready)'), 'list loaded', { timeout: 120000, interval: 5 });
    await el.updateComplete;
    await afterPaint();
    first.push(performance.now() - start);
    el.remove();
  }

  const el = document.createElement('client-orders-list') as ClientOrdersList;
  el.tracking = db.clientA;
  document.body.append(el);
  await waitUntil(() => el.matches(':state(ready)'), 'list loaded', { timeout: 120000 });
  // Any change refetches the page on screen (the changed order is usually not on it): wait for
  // the list's data to be a new page, then for it to be painted.
  const data = (el as unknown as { data: { value?: unknown } }).data;
  const live: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = i % 2 === 0;
    const before = data.value;
    const start = performance.now();
    await db.admin.leads.assignToOrder(leadId, out ? null : order.id);
    await waitUntil(() => data.value !== before, 'list refreshed', { timeout: 120000, interval: 5 });
    await el.updateComplete;
    await afterPaint();
    live.push(performance.now() - start);
  }
  el.remove();
  await db.close();
  return [
    summarize(name, `setup: ${extra.toLocaleString('en')} orders.create calls (total)`, [setup]),
    summarize(name, 'first paint (fetch one sorted page + render it)', first),
    summarize(name, 'assignment → current page refetched, list repainted', live),
  ];
}
