import type { Order } from '@lead-orders/sdk';

/** The kinds of order the stories show, each a real row of the demo database. */
export const storyOrderKinds = ['active', 'nearlyFull', 'full', 'completed', 'paused', 'cancelled', 'draft', 'overdue', 'behind'] as const;
export type StoryOrderKind = (typeof storyOrderKinds)[number];

/**
 * How each kind is recognised among the database's orders (as `get_orders` returns them, with the
 * view's pace, overdue and nearly-full flags). "full" is whatever the database made of an order
 * that reached its capacity: it completes itself, so the story shows it Completed, never Active.
 */
const recognise: Record<StoryOrderKind, (o: Order) => boolean> = {
  active: (o) => o.status === 'Active' && o.pace === 'on_track' && !o.is_overdue && !o.is_nearly_full && o.leads_delivered > 0,
  nearlyFull: (o) => o.status === 'Active' && o.is_nearly_full,
  full: (o) => o.leads_purchased > 0 && o.leads_remaining === 0,
  completed: (o) => o.status === 'Completed' && o.leads_remaining > 0,
  paused: (o) => o.status === 'Paused',
  cancelled: (o) => o.status === 'Cancelled',
  draft: (o) => o.status === 'Draft',
  overdue: (o) => o.status === 'Active' && o.is_overdue,
  behind: (o) => o.status === 'Active' && o.pace === 'behind' && !o.is_overdue,
};

/** One order of each kind; throws when the demo data lacks one (the demo data must cover them). */
export function pickStoryOrders(orders: Order[]): Record<StoryOrderKind, Order> {
  const picked = {} as Record<StoryOrderKind, Order>;
  for (const kind of storyOrderKinds) {
    const found = orders.find(recognise[kind]);
    if (!found) throw new Error(`The demo data has no "${kind}" order for the stories.`);
    picked[kind] = found;
  }
  return picked;
}
