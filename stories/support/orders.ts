import type { Order, OrderStats } from '@lead-orders/sdk';
import fixtures from '../../packages/demo/snapshot/story-fixtures.json' with { type: 'json' };

/**
 * Orders for the stories that show one state, each a real row of the demo database read through
 * the SDK when the snapshot was built (packages/demo/scripts/story-fixtures.ts chooses them). So
 * a story never shows what the database would not allow: an order that reached its capacity has
 * completed itself, and "Full" shows it so.
 */
const real = fixtures.orders as unknown as Record<string, Order>;
const copy = (order: Order): Order => structuredClone(order);

export const storyOrders = {
  active: () => copy(real.active!),
  nearlyFull: () => copy(real.nearlyFull!),
  full: () => copy(real.full!),
  completed: () => copy(real.completed!),
  paused: () => copy(real.paused!),
  cancelled: () => copy(real.cancelled!),
  draft: () => copy(real.draft!),
  overdue: () => copy(real.overdue!),
  behind: () => copy(real.behind!),
  // Names are free text, not rules: a real order with a name that tests the layout.
  longName: () => ({
    ...copy(real.active!),
    name: 'Nationwide senior engineering and product leadership recruitment campaign for the spring expansion of every regional office',
  }),
  rtlName: () => ({ ...copy(real.behind!), name: 'حملة التوظيف الربعية', client_name: 'شركة الأفق' }),
};

/** Every state the list and the select must explain, one real order each. */
export const everyStoryOrder = (): Order[] =>
  (['active', 'nearlyFull', 'full', 'completed', 'paused', 'cancelled', 'draft', 'overdue', 'behind'] as const).map((kind) => storyOrders[kind]());

/** Dashboard figures as the admin and as client A see them in the demo data. */
export const storyStats = {
  admin: () => structuredClone(fixtures.stats.admin) as OrderStats,
  clientA: () => structuredClone(fixtures.stats.clientA) as OrderStats,
};
