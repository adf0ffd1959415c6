import type { LocalizeController } from '../shared/localize.js';
import type { Order } from '../shared/types.js';

export interface SelectOption {
  /** The order id; `''` for "Assign without order". */
  value: string;
  label: string;
  /** Why the option cannot be chosen; `undefined` when it can. */
  disabledReason: string | undefined;
  order: Order | undefined;
  /** Lower-cased texts type-ahead matches the start of: the order number and the name. */
  keys: string[];
}

/**
 * Why an order cannot take a lead, in words. The database decides (it refuses with
 * `order_not_active` or `order_full`); this only explains ahead of time, from the row's own
 * status and remaining count, so nobody picks an order that will be refused.
 */
function disabledReason(l: LocalizeController, order: Order): string | undefined {
  if (order.status !== 'Active') return l.term('optionNotActive')(l.term('status')[order.status]);
  if (order.leads_remaining <= 0) return l.term('optionFull');
  return undefined;
}

/** "ORD-2025-001 · Q1 Hiring Blitz (45/100)" */
export function optionLabel(l: LocalizeController, order: Order): string {
  const title = order.name ? `${order.order_number} · ${order.name}` : order.order_number;
  return `${title} (${l.number(order.leads_delivered)}/${l.number(order.leads_purchased)})`;
}

export function buildOptions(l: LocalizeController, orders: readonly Order[], allowNone: boolean): SelectOption[] {
  const options: SelectOption[] = orders.map((order) => ({
    value: order.id,
    label: optionLabel(l, order),
    disabledReason: disabledReason(l, order),
    order,
    keys: [order.order_number.toLowerCase(), (order.name ?? '').toLowerCase()],
  }));
  if (allowNone) {
    const label = l.term('selectNone');
    options.unshift({ value: '', label, disabledReason: undefined, order: undefined, keys: [label.toLowerCase()] });
  }
  return options;
}

/** The next enabled option from `from` in `step` direction (wrapping off), or `from` itself. */
export function nextEnabled(options: readonly SelectOption[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < options.length; i += step) {
    if (!options[i]!.disabledReason) return i;
  }
  return from;
}

export function firstEnabled(options: readonly SelectOption[]): number {
  return nextEnabled(options, -1, 1);
}

export function lastEnabled(options: readonly SelectOption[]): number {
  return nextEnabled(options, options.length, -1);
}
