import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../shared/localize.js';
import type { Order } from '../shared/types.js';

export interface SelectOption {
  /** The order id; `''` for "Assign without order". */
  value: string;
  /** Why the option cannot be chosen; `undefined` when it can. */
  disabledReason: string | undefined;
  /** The order; `undefined` for "Assign without order". */
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

/**
 * "ORD-2025-001 · Q1 Hiring Blitz (45/100)". The number, the name and the counts each sit in a
 * `<bdi>`: a name holding a right-to-left override (`\u202E`) cannot reverse the counts after it.
 */
export function optionLabel(l: LocalizeController, option: SelectOption): TemplateResult {
  const order = option.order;
  if (!order) return html`${l.term('selectNone')}`;
  const counts = `${l.number(order.leads_delivered)}/${l.number(order.leads_purchased)}`;
  return html`<bdi>${order.order_number}</bdi>${order.name ? html` · <bdi>${order.name}</bdi>` : nothing} (<bdi>${counts}</bdi>)`;
}

export function buildOptions(l: LocalizeController, orders: readonly Order[], allowNone: boolean): SelectOption[] {
  const options: SelectOption[] = orders.map((order) => ({
    value: order.id,
    disabledReason: disabledReason(l, order),
    order,
    keys: [order.order_number.toLowerCase(), (order.name ?? '').toLowerCase()],
  }));
  if (allowNone) {
    options.unshift({ value: '', disabledReason: undefined, order: undefined, keys: [l.term('selectNone').toLowerCase()] });
  }
  return options;
}

/**
 * The option `steps` away from `from` (negative: up), stopping at the ends. Disabled options are
 * included: keyboard and screen reader users reach them and hear why they cannot be chosen.
 */
export function moveBy(options: readonly SelectOption[], from: number, steps: number): number {
  return Math.min(options.length - 1, Math.max(0, from + steps));
}
