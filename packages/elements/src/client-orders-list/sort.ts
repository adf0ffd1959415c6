import type { Order, OrderStatus } from '../shared/types.js';

export const sortKeys = ['priority', 'target', 'progress', 'newest'] as const;
export type SortKey = (typeof sortKeys)[number];

// Missing dates sort last, as the database sorts them.
const dateValue = (d: string | null) => (d ? Date.parse(d) : Number.POSITIVE_INFINITY);

const compare: Record<SortKey, (a: Order, b: Order) => number> = {
  priority: (a, b) => b.priority - a.priority || dateValue(a.target_delivery_date) - dateValue(b.target_delivery_date),
  target: (a, b) => dateValue(a.target_delivery_date) - dateValue(b.target_delivery_date) || b.priority - a.priority,
  // Least delivered first: the orders that need work.
  progress: (a, b) => a.completion_percentage - b.completion_percentage,
  newest: (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at),
};

/** The rows to show, filtered by status and sorted; the input is left untouched. */
export function view(orders: readonly Order[], status: OrderStatus | '', sort: SortKey): Order[] {
  const rows = status ? orders.filter((o) => o.status === status) : orders.slice();
  // Ties keep the database's order (priority, target date, id): Array.prototype.sort is stable.
  // Own keys only: a sort attribute such as `__proto__` or `constructor` falls back to priority
  // instead of finding Object's members.
  return rows.sort(Object.hasOwn(compare, sort) ? compare[sort] : compare.priority);
}

/**
 * Fills `{id}`, `{order_number}` and `{client_id}` in an href template, each value percent-encoded
 * so it stays inside the path segment (or query value) it was put in: `/`, `?`, `#` and `\` are
 * encoded. A path segment that would end up `.` or `..` (or empty) cannot be written in a URL at
 * all (browsers resolve `%2E%2E` as `..` too), so such an order gets no link: `undefined`.
 */
export function orderHref(template: string, order: Order): string | undefined {
  const fill = (text: string) =>
    text.replace(/\{(id|order_number|client_id)\}/g, (_, key: 'id' | 'order_number' | 'client_id') =>
      encodeURIComponent(order[key]),
    );
  // Only the path can climb: look at each of its segments once filled.
  const path = template.split(/[?#]/)[0]!;
  const climbs = path
    .split('/')
    .some((segment) => segment.includes('{') && ['', '.', '..'].includes(fill(segment).replace(/%2e/gi, '.')));
  return climbs ? undefined : fill(template);
}
