import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DataController } from './data-controller.js';
import type { LocalizeController } from './localize.js';
import { stats } from './locales/en/stats.js';
import { errorView, messageView, skeleton, stateStyles } from './states.js';
import { figures, heading, link, statsViewStyles, type Figure } from './stats-view.js';
import { tokens } from './tokens.js';
import { TrackedElement } from './tracked-element.js';
import type { OrderStats } from './types.js';

/**
 * What both dashboard cards share: `get_order_stats` for one client or all the caller sees,
 * loading / error / empty states, a heading, the figures and a link. Each card only names its
 * title and picks its figures.
 */
export abstract class StatsCard extends TrackedElement {
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

  protected abstract headingText(l: LocalizeController): string;
  protected abstract figuresFor(l: LocalizeController, value: OrderStats): Figure[];

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    let body;
    if (status === 'error') body = errorView(l, () => this.data.retry());
    else if (status === 'no-sdk') body = messageView(l.term('notConnected'), 'not-connected');
    else if (status === 'not-found') body = messageView(l.term('clientNotFound'), 'not-found');
    else if (status !== 'ready' || !value) body = skeleton(l);
    else if (value.orders_total === 0) body = messageView(l.term('listEmpty'), 'empty');
    else body = figures(this.figuresFor(l, value));
    return html`<section class="card" part="base">
      ${heading(this.headingText(l), this.headingLevel)} ${body} ${link(this.href, l.term('viewAllOrders'))}
    </section>`;
  }
}
