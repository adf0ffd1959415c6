import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { stats } from '../shared/locales/en/stats.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import { figures, heading, link, statsViewStyles } from '../shared/stats-view.js';
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
 *
 * @cssstate loading - Fetching.
 * @cssstate ready - Showing numbers.
 * @cssstate error - The fetch failed.
 */
export class OrderStatsCard extends TrackedElement {
  static override styles = [tokens, stateStyles, statsViewStyles];
  static override terms = stats;

  @property({ attribute: 'client-id' }) clientId?: string;
  /** The numbers to show as they are (`get_order_stats`); nothing is fetched while set. */
  @property({ attribute: false }) stats?: OrderStats;
  @property() href?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  protected override readonly data = new DataController<OrderStats>(this, {
    given: () => this.stats,
    args: () => [this.clientId ?? ''],
    load: (tracking, signal) => tracking.stats(this.clientId || null, { signal }),
    watch: () => (this.clientId ? { clientId: this.clientId } : { all: true }),
  });

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    let body;
    if (status === 'error') body = errorView(l, () => this.data.retry());
    else if (status !== 'ready' || !value) body = skeleton(l);
    else if (value.orders_total === 0) body = messageView(l.term('listEmpty'), 'empty');
    else {
      body = figures([
        { label: l.term('activeTotal'), value: l.number(value.active) },
        { label: l.term('needingAttention'), value: l.number(value.needs_attention), tone: value.needs_attention ? 'warn' : undefined },
        { label: l.term('overdue'), value: l.number(value.overdue), tone: value.overdue ? 'danger' : undefined },
      ]);
    }
    return html`<section class="card" part="base">
      ${heading(l.term('activeOrdersTitle'), this.headingLevel)} ${body} ${link(this.href, l.term('viewAllOrders'))}
    </section>`;
  }
}
