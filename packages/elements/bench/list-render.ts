import '../src/client-orders-list/define.js';
import type { ClientOrdersList } from '../src/client-orders-list/client-orders-list.js';
import type { Order } from '../src/shared/types.js';
import { makeOrder } from '../test/fixtures/orders.js';
import { afterPaint, summarize, type Row } from './measure.js';

function orders(n: number): Order[] {
  return Array.from({ length: n }, (_, i) =>
    makeOrder({
      order_number: `ORD-2025-${String(i + 1).padStart(5, '0')}`,
      leads_delivered: (i * 7) % 100,
      priority: i % 3,
      status: (['Active', 'Active', 'Paused', 'Completed', 'Draft'] as const)[i % 5],
    }),
  );
}

/**
 * First render of `client-orders-list` given `n` orders: from inserting the element to its
 * first paint (script and layout until the element's update resolves, then the frame it is
 * painted in). `pageSize` = n renders every row, the alternative pagination is measured against.
 */
export async function listFirstRender(n: number, pageSize: number, runs: number): Promise<Row[]> {
  const data = orders(n);
  const script: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < runs; i++) {
    const el = document.createElement('client-orders-list') as ClientOrdersList;
    el.pageSize = pageSize;
    el.orders = data;
    const start = performance.now();
    document.body.append(el);
    await el.updateComplete;
    el.getBoundingClientRect(); // style and layout happen now, inside the measurement
    script.push(performance.now() - start);
    await afterPaint();
    painted.push(performance.now() - start);
    el.remove();
    await afterPaint();
  }
  const name = `client-orders-list: ${n.toLocaleString('en')} orders, ${Math.min(pageSize, n).toLocaleString('en')} rows on screen`;
  return [summarize(name, 'updated + layout', script), summarize(name, 'first paint', painted)];
}
