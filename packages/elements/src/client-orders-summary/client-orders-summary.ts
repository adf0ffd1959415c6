import type { LocalizeController } from '../shared/localize.js';
import { StatsCard } from '../shared/stats-card.js';
import type { Figure } from '../shared/stats-view.js';
import type { OrderStats } from '../shared/types.js';

/**
 * The client dashboard's "My orders" card: active orders and the leads delivered across all
 * orders, with a link to the orders page. Without `client-id` it covers the signed-in client.
 *
 * @summary Client dashboard card for the client's own orders.
 * @tag client-orders-summary
 *
 * @attr client-id - Whose orders; empty means the signed-in client's.
 * @attr href - The client's orders page; the link is left out when empty.
 * @attr heading-level - The heading's level for the page outline (default 2).
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart figures - The list of numbers.
 * @csspart figure - Each number with its label.
 * @csspart value - Each number.
 * @csspart link - The link to the orders page.
 * @csspart not-found - The message for a client that does not exist or is not visible.
 * @csspart not-connected - The message shown without an SDK instance.
 *
 * @cssstate loading - Fetching.
 * @cssstate ready - Showing numbers.
 * @cssstate error - The fetch failed.
 * @cssstate not-found - The client does not exist or is not visible.
 * @cssstate no-sdk - No SDK instance and no `.stats`; also warned in the console once.
 */
export class ClientOrdersSummary extends StatsCard {
  protected override headingText(l: LocalizeController): string {
    return l.term('myOrdersTitle');
  }

  protected override figuresFor(l: LocalizeController, value: OrderStats): Figure[] {
    return [
      { label: l.term('activeCount'), value: l.number(value.active) },
      { label: l.term('totalDelivered'), value: l.number(value.leads_delivered) },
    ];
  }
}
