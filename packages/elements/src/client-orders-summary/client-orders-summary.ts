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
 *
 * @cssstate loading - Fetching.
 * @cssstate ready - Showing numbers.
 * @cssstate error - The fetch failed.
 */
export class ClientOrdersSummary extends TrackedElement {
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
        { label: l.term('activeCount'), value: l.number(value.active) },
        { label: l.term('totalDelivered'), value: l.number(value.leads_delivered) },
      ]);
    }
    return html`<section class="card" part="base">
      ${heading(l.term('myOrdersTitle'), this.headingLevel)} ${body} ${link(this.href, l.term('viewAllOrders'))}
    </section>`;
  }
}
