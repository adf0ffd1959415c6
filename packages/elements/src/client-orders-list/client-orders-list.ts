import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { loadOrders } from '../shared/order-list-loader.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { list } from '../shared/locales/en/list.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import { deliveredText, orderTitle, orderViewStyles, pace, progressBar, statusBadge, timing } from '../shared/order-view.js';
import type { Order, OrderStatus } from '../shared/types.js';
import { orderHref, sortKeys, view, type SortKey } from './sort.js';
import { styles } from './client-orders-list.styles.js';

const statuses: OrderStatus[] = ['Draft', 'Active', 'Paused', 'Completed', 'Cancelled'];

/** `detail` of `order-open`. */
export interface OrderOpenDetail {
  orderId: string;
  order: Order;
}

/**
 * A client's orders with a status filter, a sort and pages: each row shows progress and quick
 * stats and links to the order. Without `client-id` it lists every order the signed-in user may
 * see (a client: its own). Rendering is paginated: a page costs the same with 10,000 orders as
 * with 100 (see the package README for the measurements behind this choice).
 *
 * @summary A client's orders, filterable and sortable.
 * @tag client-orders-list
 *
 * @attr client-id - Whose orders to load through the SDK; empty lists what the user can see.
 * @attr href-template - Link per order, e.g. `/client/orders/{id}` (also `{order_number}`, `{client_id}`).
 * @attr status - Initial status filter (`Active`, …); empty shows all.
 * @attr sort - `priority` (default), `target`, `progress` (least delivered first) or `newest`.
 * @attr page-size - Rows per page (default 20).
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires {CustomEvent<OrderOpenDetail>} order-open - An order was activated. Cancelable: with
 *   `href-template`, cancelling it keeps the browser from following the link.
 *
 * @csspart toolbar - Filter, sort and count.
 * @csspart list - The `<ul>` of rows.
 * @csspart row - Each order.
 * @csspart link - The order's link or button.
 * @csspart bar - Each row's progress bar.
 * @csspart fill - Each bar's fill.
 * @csspart badge - Each row's status badge.
 * @csspart pagination - The page controls.
 * @csspart empty - The message when there are no orders (or none match).
 *
 * @cssstate loading - Fetching.
 * @cssstate ready - Rows shown (or an empty message).
 * @cssstate error - The fetch failed.
 */
export class ClientOrdersList extends TrackedElement {
  static override styles = [tokens, stateStyles, orderViewStyles, styles];
  static override terms = list;

  @property({ attribute: 'client-id' }) clientId?: string;
  /** The rows to show as they are; nothing is fetched while it is set. */
  @property({ attribute: false }) orders?: Order[];
  @property({ attribute: 'href-template' }) hrefTemplate?: string;
  @property({ reflect: true }) status: OrderStatus | '' = '';
  @property({ reflect: true }) sort: SortKey = 'priority';
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** The current page, from 1. */
  @state() page = 1;

  #rows: Order[] = [];
  /** `page`, kept within the page count of the current rows. */
  #page = 1;

  protected override readonly data: DataController<Order[]> = new DataController<Order[]>(this, {
    given: () => this.orders,
    args: () => [this.clientId ?? ''],
    load: (tracking, signal, changes) =>
      loadOrders(tracking, this.clientId ? { clientId: this.clientId } : {}, signal, this.data.value, changes),
    watch: () => (this.clientId ? { clientId: this.clientId } : { all: true }),
  });

  /** The number of pages for the current filter. */
  get pageCount(): number {
    return Math.max(1, Math.ceil(this.#rows.length / Math.max(1, this.pageSize)));
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('status') || changed.has('sort') || changed.has('pageSize')) this.page = 1;
  }

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    // Filtering and sorting run in render because the data controller updates `value` during
    // the update; the work is one pass over the rows, a few milliseconds at 10,000.
    this.#rows = value ? view(value, this.status, this.sort) : [];
    this.#page = Math.min(this.page, this.pageCount);
    let body;
    if (status === 'error') body = errorView(l, () => this.data.retry());
    else if (status !== 'ready') body = skeleton(l);
    else body = this.renderRows(value!);
    return html`<section>
      ${this.renderToolbar(status === 'ready')} ${body}
    </section>`;
  }

  private renderToolbar(ready: boolean) {
    const l = this.localize;
    const names = l.term('status');
    const sortLabels: Record<SortKey, string> = {
      priority: l.term('sortPriority'),
      target: l.term('sortTargetDate'),
      progress: l.term('sortProgress'),
      newest: l.term('sortNewest'),
    };
    return html`<div class="toolbar" part="toolbar">
      <label
        >${l.term('filterStatus')}
        <select @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as OrderStatus | '')}>
          <option value="" ?selected=${!this.status}>${l.term('allStatuses')}</option>
          ${statuses.map((s) => html`<option value=${s} ?selected=${this.status === s}>${names[s]}</option>`)}
        </select>
      </label>
      <label
        >${l.term('sortBy')}
        <select @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SortKey)}>
          ${sortKeys.map((k) => html`<option value=${k} ?selected=${this.sort === k}>${sortLabels[k]}</option>`)}
        </select>
      </label>
      <span class="count" role="status">${ready ? l.term('orderCount')(this.#rows.length, l.number(this.#rows.length)) : nothing}</span>
    </div>`;
  }

  private renderRows(all: Order[]) {
    const l = this.localize;
    if (this.#rows.length === 0) {
      return messageView(all.length === 0 ? l.term('listEmpty') : l.term('listNoMatches'), 'empty');
    }
    const size = Math.max(1, this.pageSize);
    const start = (this.#page - 1) * size;
    const pageRows = this.#rows.slice(start, start + size);
    return html`<ul part="list" aria-label=${l.term('listLabel')}>
        ${pageRows.map((order) => this.renderRow(order))}
      </ul>
      ${this.pageCount > 1 ? this.renderPagination() : nothing}`;
  }

  private renderRow(order: Order) {
    const l = this.localize;
    const title = orderTitle(order);
    const link = this.hrefTemplate
      ? html`<a part="link" href=${orderHref(this.hrefTemplate, order)} @click=${(e: Event) => this.open(e, order)}>${title}</a>`
      : html`<button class="open" part="link" type="button" @click=${(e: Event) => this.open(e, order)}>${title}</button>`;
    return html`<li class="card" part="row">
      <div class="row-head"><span class="title">${link}</span>${statusBadge(l, order)}</div>
      ${progressBar(l, order)}
      <div class="facts">
        <span>${deliveredText(l, order)}</span>${timing(l, order)}${pace(l, order)}
      </div>
    </li>`;
  }

  private renderPagination() {
    const l = this.localize;
    const pages = this.pageCount;
    const page = this.#page;
    return html`<nav part="pagination" aria-label=${l.term('pagination')}>
      <button type="button" ?disabled=${page <= 1} @click=${() => (this.page = page - 1)}>${l.term('previousPage')}</button>
      <span aria-live="polite">${l.term('pageOf')(l.number(page), l.number(pages))}</span>
      <button type="button" ?disabled=${page >= pages} @click=${() => (this.page = page + 1)}>${l.term('nextPage')}</button>
    </nav>`;
  }

  private open(event: Event, order: Order) {
    const detail: OrderOpenDetail = { orderId: order.id, order };
    const proceed = this.dispatchEvent(
      new CustomEvent<OrderOpenDetail>('order-open', { detail, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) event.preventDefault();
  }
}
