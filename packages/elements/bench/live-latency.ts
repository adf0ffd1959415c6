import { waitUntil } from '@open-wc/testing';
import '../src/order-progress-card/define.js';
import type { OrderProgressCard } from '../src/order-progress-card/order-progress-card.js';
import { openDatabase } from '../test/helpers/database.js';
import { activeOrderWithDeliveredLead } from '../test/helpers/demo-orders.js';
import { afterPaint, summarize, type Row } from './measure.js';

/**
 * From a change in the database to the updated bar on screen: the admin moves a lead in or out
 * of an order through the SDK; client A's card for that order (its own SDK instance, its own
 * subscription) shows the new count. Measured from just before the SDK call to the frame after
 * the card's text changed.
 */
export async function changeToBar(runs: number): Promise<Row[]> {
  const db = await openDatabase();
  const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, db.users.clientA.client_id!);
  const card = document.createElement('order-progress-card') as OrderProgressCard;
  card.orderId = order.id;
  card.tracking = db.clientA;
  document.body.append(card);
  await waitUntil(() => card.matches(':state(ready)'), 'card loaded', { timeout: 20000 });

  const shown = () => card.shadowRoot!.querySelector('.delivered')?.textContent;
  const write: number[] = [];
  const onScreen: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = i % 2 === 0;
    const expected = `${order.leads_delivered - (out ? 1 : 0)} / ${order.leads_purchased} delivered`;
    const changed = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (shown() === expected) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(card.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const start = performance.now();
    await db.admin.leads.assignToOrder(leadId, out ? null : order.id);
    write.push(performance.now() - start);
    await changed;
    await afterPaint();
    onScreen.push(performance.now() - start);
  }
  card.remove();
  await db.close();
  return [
    summarize('admin assigns or unassigns a lead (SDK on PGlite)', 'write returned', write),
    summarize("… client A's order-progress-card", 'bar painted', onScreen),
  ];
}
