import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeliverySeries, LeadPage, OrderDetails, OrderForecast } from '@lead-orders/sdk';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { common } from '../shared/locales/en/common.js';
import { list } from '../shared/locales/en/list.js';
import { orderDetail } from '../shared/locales/en/order-detail.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import { orderTitle, orderViewStyles, statusBadge } from '../shared/order-view.js';
import { dataTableStyles } from '../shared/data-table/data-table.styles.js';
import { currentCursor, firstPage, nextPage, pageNumber, previousPage, type CursorStack } from '../shared/data-table/keyset-pages.js';
import { deliveryChart, deliveryChartStyles } from '../shared/delivery-chart/delivery-chart.js';
import { forecastView } from '../shared/order-detail/forecast-view.js';
import { leadTable } from '../shared/order-detail/lead-table.js';
import { timelineView } from '../shared/order-detail/timeline-view.js';
import { orderDetailStyles } from '../shared/order-detail/order-detail.styles.js';

/** What the page shows besides the leads: the order and its history, the chart's series, the forecast. */
interface Overview {
  details: OrderDetails;
  series: DeliverySeries;
  forecast: OrderForecast;
}

/**
 * The signed-in client's view of one of its orders: status in plain words, the progress card,
 * the forecast, the delivery chart, its leads (the columns a client may see, newest first, in
 * pages) and the history in words a client understands. An order of another client, like one
 * that does not exist, is "not found": Row Level Security hides it and the page never shows it.
 *
 * Reads `orders.get` (order and history), `orders.deliverySeries`, `orders.forecast` and
 * `leads.list({ orderId })`, and follows the order live (`subscribe({ orderId })`): a lead
 * delivered elsewhere shows up without reload.
 *
 * @summary A client's order: progress, chart, leads, history.
 * @tag client-order-detail
 *
 * @attr order-id - The order to show.
 * @attr leads-page-size - Leads per page, 1 to 500 (default 20).
 * @attr heading-level - Level of the page heading (default 2); sections use the next level.
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @csspart header - The order number, name and status.
 * @csspart status-words - What the status means.
 * @csspart progress - The `<order-progress-card>`.
 * @csspart forecast - The forecast sentences.
 * @csspart chart - The delivery chart (`<figure>`).
 * @csspart chart-data - The chart's numbers as a table.
 * @csspart leads-table - The leads' `<table>`.
 * @csspart lead-row - Each lead.
 * @csspart timeline - The history.
 * @csspart event - Each event of the history.
 * @csspart pagination - The leads' page controls.
 *
 * @cssprop --lo-chart-delivered-color - The delivered line.
 * @cssprop --lo-chart-pace-color - The pace line.
 * @cssprop --lo-chart-target-color - The target marker.
 *
 * @cssstate loading - Fetching the order.
 * @cssstate ready - The order is shown.
 * @cssstate error - The fetch failed; a retry button is shown.
 * @cssstate not-found - No such order for the current user.
 */
export class ClientOrderDetail extends TrackedElement {
  static override styles = [tokens, stateStyles, orderViewStyles, dataTableStyles, deliveryChartStyles, orderDetailStyles];
  static override terms = { ...common, ...list, ...orderDetail };

  @property({ attribute: 'order-id' }) orderId?: string;
  @property({ type: Number, attribute: 'leads-page-size' }) leadsPageSize = 20;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private leadCursors: CursorStack = firstPage;

  protected override readonly data = new DataController<Overview>(this, {
    given: () => undefined,
    args: () => (this.orderId ? [this.orderId] : undefined),
    load: async (tracking, signal) => {
      const id = this.orderId!;
      const [details, series, forecast] = await Promise.all([
        tracking.orders.get(id, { signal, leadLimit: 0, timelineLimit: 100 }),
        tracking.orders.deliverySeries(id, { signal, bucket: 'auto' }),
        tracking.orders.forecast(id, { signal }),
      ]);
      return { details, series, forecast };
    },
    watch: () => (this.orderId ? { orderId: this.orderId } : undefined),
  });

  private readonly leads = new DataController<LeadPage>(this, {
    given: () => undefined,
    args: () => (this.orderId ? [this.orderId, this.limit, this.leadCursors] : undefined),
    load: (tracking, signal) =>
      tracking.leads.list({ orderId: this.orderId!, limit: this.limit, cursor: currentCursor(this.leadCursors) }, { signal }),
    watch: () => (this.orderId ? { orderId: this.orderId } : undefined),
  });

  private get limit() {
    return Math.min(500, Math.max(1, Math.floor(this.leadsPageSize) || 1));
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if ((changed.has('orderId') || changed.has('leadsPageSize')) && this.leadCursors.length > 1) this.leadCursors = firstPage;
  }

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    if (status === 'error') return errorView(l, () => this.data.retry());
    if (status === 'not-found') return messageView(l.term('orderNotFound'), 'not-found');
    if (status !== 'ready' || !value) return skeleton(l);
    const { order, timeline } = value.details;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const section = Math.min(6, level + 1);
    const heading = (text: string, id: string) => html`<div class="section-title" role="heading" aria-level=${section} id=${id}>${text}</div>`;
    return html`<article class="page" aria-labelledby="title">
      <header part="header">
        <div class="page-title" role="heading" aria-level=${level} id="title">${orderTitle(order)}</div>
        ${statusBadge(l, order)}
      </header>
      <p class="status-words" part="status-words">${l.term('clientStatus')[order.status]}</p>
      <order-progress-card part="progress" .order=${order} locale=${this.locale || nothing}></order-progress-card>
      <section>${heading(l.term('forecastTitle'), 'forecast')} ${forecastView(l, value.forecast)}</section>
      <section>${heading(l.term('chartTitle'), 'chart')} ${deliveryChart(l, value.series)}</section>
      <section>${heading(l.term('leadsTitle'), 'leads')} ${this.renderLeads()}</section>
      <section>
        ${heading(l.term('timelineTitle'), 'history')}
        ${timelineView(l, timeline, (e) => l.term('clientEvent')(e.event_type, e.data, l.term('status')))}
      </section>
    </article>`;
  }

  private renderLeads() {
    const l = this.localize;
    const { status, value } = this.leads;
    if (status === 'error') return errorView(l, () => this.leads.retry());
    if (status !== 'ready' || !value) return skeleton(l);
    if (value.items.length === 0 && this.leadCursors.length === 1) return messageView(l.term('leadsEmpty'), 'empty');
    const page = pageNumber(this.leadCursors);
    const paged = page > 1 || !!value.next_cursor;
    return html`${leadTable(l, value.items)}
    ${paged
      ? html`<nav class="pagination" part="pagination" aria-label=${l.term('pagination')}>
          <button type="button" ?disabled=${page <= 1} @click=${() => (this.leadCursors = previousPage(this.leadCursors))}>
            ${l.term('previousPage')}
          </button>
          <span aria-live="polite">${l.term('pageNumber')(l.number(page))}</span>
          <button type="button" ?disabled=${!value.next_cursor} @click=${() => (this.leadCursors = nextPage(this.leadCursors, value.next_cursor))}>
            ${l.term('nextPage')}
          </button>
        </nav>`
      : nothing}`;
  }
}
