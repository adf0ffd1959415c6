import type { LocalizeController } from '../shared/localize.js';
import { StatsCard } from '../shared/stats-card.js';
import type { Figure } from '../shared/stats-view.js';
import type { OrderStats } from '../shared/types.js';

/**
 * The admin dashboard's "Active orders" card: active orders, how many need attention (nearly
 * full, behind or overdue, as the database defines it), how many are overdue, and a link to the
 * orders page. Live: it refreshes when any order changes.
 *
 * @summary Admin dashboard card for active orders.
 * @tag order-stats-card
 *
 * @attr client-id - Limit the numbers to one client; empty covers every order the user sees.
 * @attr href - The orders page; the link is left out when empty.
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
export class OrderStatsCard extends StatsCard {
  protected override headingText(l: LocalizeController): string {
    return l.term('activeOrdersTitle');
  }

  protected override figuresFor(l: LocalizeController, value: OrderStats): Figure[] {
    return [
      { label: l.term('activeTotal'), value: l.number(value.active) },
      { label: l.term('needingAttention'), value: l.number(value.needs_attention), tone: value.needs_attention ? 'warn' : undefined },
      { label: l.term('overdue'), value: l.number(value.overdue), tone: value.overdue ? 'danger' : undefined },
    ];
  }
}
