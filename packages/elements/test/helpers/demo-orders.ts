import type { Tracking } from '../../src/shared/tracking.js';
import type { Order } from '../../src/shared/types.js';

/** An Active order of `clientId` with room left and at least one delivered lead, found through the SDK. */
export async function activeOrderWithDeliveredLead(tracking: Tracking, clientId: string): Promise<{ order: Order; leadId: string }> {
  for await (const page of tracking.orders.pages({ clientId, status: 'Active' })) {
    for (const order of page.items) {
      if (order.leads_delivered === 0 || order.leads_remaining === 0) continue;
      const details = await tracking.orders.get(order.id, { leadLimit: 20, timelineLimit: 0 });
      const lead = details.leads.find((l) => l.delivered_at !== null);
      if (lead) return { order, leadId: lead.id };
    }
  }
  throw new Error('the demo data has no Active order with a delivered lead and room left');
}

/** Every order `tracking` can see, through the SDK. */
export async function allOrders(tracking: Tracking, filters: { clientId?: string } = {}): Promise<Order[]> {
  const all: Order[] = [];
  for await (const page of tracking.orders.pages({ ...filters, limit: 500 })) all.push(...page.items);
  return all;
}
