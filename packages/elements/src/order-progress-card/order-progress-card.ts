import { html, type PropertyDeclarations } from 'lit';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import {
  deliveredText,
  orderTitle,
  orderViewStyles,
  pace,
  progressBar,
  remainingText,
  statusBadge,
  timing,
} from '../shared/order-view.js';
import type { Order } from '../shared/types.js';
import { styles } from './order-progress-card.styles.js';

/**
 * An order's delivery progress: bar, delivered / purchased, remaining, status, days left or
 * overdue, and pace. Give it `order-id` (and an SDK) to load and follow the order live, or an
 * `.order` row to show it as is.
 *
 * @summary Progress of one order.
 * @tag order-progress-card
 *
 * @attr order-id - The order to load through the SDK. Ignored when `.order` is set.
 * @attr compact - A denser layout for lists: bar, counts and status only.
 * @attr time-zone - IANA time zone (e.g. `Pacific/Auckland`) whose today counts days left and
 *   overdue; defaults to the browser's.
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @csspart base - The card.
 * @csspart header - Title and status badge.
 * @csspart order-number - The order number.
 * @csspart name - The order's name.
 * @csspart badge - The status badge.
 * @csspart bar - The progress bar's track (`role="progressbar"`).
 * @csspart fill - The delivered share of the bar.
 * @csspart facts - The line of numbers under the bar.
 * @csspart timing - Days left or overdue.
 * @csspart pace - Ahead, on track or behind.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message and its retry button.
 * @csspart retry - The retry button.
 * @csspart not-found - The message shown when the order does not exist or is not visible.
 * @csspart not-connected - The message shown with an `order-id` but no SDK instance.
 *
 * @cssprop --lo-progress-color - The bar's fill.
 * @cssprop --lo-progress-full-color - The fill of a full order.
 * @cssprop --lo-progress-nearly-full-color - The fill of a nearly full order.
 * @cssprop --lo-progress-height - The bar's thickness.
 *
 * @cssstate loading - Fetching the order.
 * @cssstate ready - Showing an order.
 * @cssstate error - The fetch failed; a retry button is shown.
 * @cssstate not-found - No such order for the current user.
 * @cssstate no-sdk - An `order-id` but no SDK instance (and no `.order`); also warned in the console once.
 */
export class OrderProgressCard extends TrackedElement {
  static override styles = [tokens, stateStyles, orderViewStyles, styles];
  static override properties: PropertyDeclarations = {
    orderId: { attribute: 'order-id' },
    order: { attribute: false },
    compact: { type: Boolean, reflect: true },
    timeZone: { attribute: 'time-zone' },
  };

  /** The order to load through the SDK. */
  declare orderId?: string;
  /** The order row to show as is; nothing is fetched while it is set. */
  declare order?: Order;
  /** A denser layout for lists. */
  declare compact: boolean;
  /** The IANA time zone whose today counts days left and overdue; the browser's when unset. */
  declare timeZone?: string;

  constructor() {
    super();
    this.compact = false;
  }

  protected override readonly data = new DataController<Order>(this, {
    given: () => this.order,
    args: () => (this.orderId ? [this.orderId] : undefined),
    // The card needs the row only, not the order's leads and history.
    load: async (tracking, signal) =>
      (await tracking.orders.get(this.orderId!, { signal, leadLimit: 0, timelineLimit: 0 })).order,
    watch: () => (this.orderId ? { orderId: this.orderId } : undefined),
  });

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    let body;
    if (status === 'ready' && value) body = this.renderOrder(value);
    else if (status === 'error') body = errorView(l, () => this.data.retry());
    else if (status === 'not-found') body = messageView(l.term('orderNotFound'), 'not-found');
    else if (status === 'no-sdk') body = messageView(l.term('notConnected'), 'not-connected');
    else body = skeleton(l);
    return html`<article class="card" part="base">
      ${body}
    </article>`;
  }

  private renderOrder(order: Order) {
    const l = this.localize;
    return html`<header part="header">
        <span class="title">${orderTitle(order)}</span>
        ${statusBadge(l, order)}
      </header>
      ${progressBar(l, order)}
      <div class="facts" part="facts">
        <span class="delivered">${deliveredText(l, order)}</span>
        ${this.compact ? null : html`<span>${remainingText(l, order)}</span>`} ${timing(l, order, this.timeZone)}
        ${this.compact ? null : pace(l, order)}
      </div>`;
  }
}
