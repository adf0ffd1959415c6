import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { list } from '../shared/locales/en/list.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import { deliveredText, orderTitle, orderViewStyles, pace, progressBar, statusBadge, timing } from '../shared/order-view.js';
import type { Order, OrderStatus } from '../shared/types.js';
import { orderHref, sortKeys, view, type SortKey } from './sort.js';
import { styles } from './client-orders-list.styles.js';

const statuses: OrderStatus[] = ['Draft', 'Active', 'Paused', 'Completed', 'Cancelled'];

/** What the list shows: one page, and the cursor of the next (null on the last page). */
interface Page {
  items: Order[];
  next_cursor: string | null;
}

/** `detail` of `order-open`. */
export interface OrderOpenDetail {
  orderId: string;
  order: Order;
}

/**
 * A client's orders with a status filter, a sort and pages: each row shows progress and quick
 * stats and links to the order. Without `client-id` it lists every order the signed-in user may
 * see (a client: its own).
 *
 * Loading through the SDK, it asks the database for one page at a time, already filtered and
 * sorted (`orders.list` with `status`, `sort`, `limit` and a keyset `cursor`); "previous" goes back
 * through the cursors of the pages seen, and the count says what is known so far. With `.orders`
 * given by the host, it filters, sorts and pages those rows itself. Either way a page costs the same
 * with 10,000 orders as with 100 (see the package README for the measurements).
 *
 * @summary A client's orders, filterable and sortable.
 * @tag client-orders-list
 *
 * @attr client-id - Whose orders to load through the SDK; empty lists what the user can see.
 * @attr href-template - Link per order, e.g. `/client/orders/{id}` (also `{order_number}`, `{client_id}`).
 *   Values are percent-encoded and stay inside their path segment; an order whose value would make
 *   a segment `.` or `..` gets a button (`order-open`) instead of a link.
 * @attr status - Initial status filter (`Active`, …); empty shows all.
 * @attr sort - `priority` (default), `target`, `progress` (least delivered first) or `newest`.
 * @attr page-size - Rows per page (default 20; through the SDK at most 500).
 * @attr time-zone - IANA time zone (e.g. `Pacific/Auckland`) whose today counts days left and
 *   overdue; defaults to the browser's.
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
 * @csspart not-found - The message for a client that does not exist or is not visible.
 * @csspart not-connected - The message shown without an SDK instance.
 *
 * @cssstate loading - Fetching.
 * @cssstate ready - Rows shown (or an empty message).
 * @cssstate error - The fetch failed.
 * @cssstate not-found - The client does not exist or is not visible (the SDK refused with `client_not_found`).
 * @cssstate no-sdk - No SDK instance and no `.orders`; also warned in the console once.
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
  /** The IANA time zone whose today counts days left and overdue; the browser's when unset. */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** The current page, from 1. */
  @state() page = 1;
  /**
   * Loading through the SDK: the cursor of every page from the first (null) to the current one,
   * so "previous" pops one and "next" pushes the current page's `next_cursor`.
   */
  @state() private cursors: (string | null)[] = [null];

  #rows: Order[] = [];
  /** Through the SDK: whether a page follows the current one, as far as is known. */
  #more = false;
  /** `page`, kept within the page count of the current rows. */
  #page = 1;

  protected override readonly data: DataController<Page> = new DataController<Page>(this, {
    given: () => (this.orders ? { items: this.orders, next_cursor: null } : undefined),
    args: () => [this.clientId ?? '', this.status, this.sort, this.limit, this.cursors],
    // A live change refetches the current page (same cursor), so it stays as the database orders it.
    load: (tracking, signal) =>
      tracking.orders.list(
        {
          ...(this.clientId ? { clientId: this.clientId } : {}),
          ...(this.status ? { status: this.status } : {}),
          sort: sortKeys.includes(this.sort) ? this.sort : 'priority',
          limit: this.limit,
          cursor: this.cursors.at(-1) ?? null,
        },
        { signal },
      ),
    watch: () => (this.clientId ? { clientId: this.clientId } : { all: true }),
  });

  /** Through the SDK the database pages: 1 to 500 rows. */
  private get limit() {
    return Math.min(500, Math.max(1, Math.floor(this.pageSize) || 1));
  }

  private get paged() {
    return !this.orders;
  }

  /**
   * The number of pages for the current filter. Loading through the SDK, the pages known so far:
   * up to the current one, plus one while the database says there are more.
   */
  get pageCount(): number {
    if (this.paged) return this.cursors.length + (this.#more ? 1 : 0);
    return Math.max(1, Math.ceil(this.#rows.length / Math.max(1, this.pageSize)));
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    // New rows from the host keep the page; switching between host rows and the SDK does not.
    const modeChanged = changed.has('orders') && (changed.get('orders') === undefined) !== (this.orders === undefined);
    // `sdk` covers both the element's own `.tracking` and the provider's: a cursor belongs to one SDK.
    if (modeChanged || ['status', 'sort', 'pageSize', 'clientId', 'tracking', 'sdk'].some((k) => changed.has(k))) {
      this.page = 1;
      this.#more = false;
      // A cursor only continues the sort and filter it came from.
      if (this.cursors.length > 1) this.cursors = [null];
    }
  }

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    if (this.paged) {
      this.#rows = value?.items ?? [];
      this.#page = this.cursors.length;
      if (status === 'ready') this.#more = !!value!.next_cursor;
    } else {
      // Filtering and sorting run in render because the data controller updates `value` during
      // the update; the work is one pass over the rows, a few milliseconds at 10,000.
      this.#rows = value ? view(value.items, this.status, this.sort) : [];
      this.#page = Math.min(this.page, this.pageCount);
    }
    let body;
    if (status === 'error') body = errorView(l, () => this.data.retry());
    else if (status === 'no-sdk') body = messageView(l.term('notConnected'), 'not-connected');
    else if (status === 'not-found') body = messageView(l.term('clientNotFound'), 'not-found');
    else if (status !== 'ready') body = skeleton(l);
    else body = this.renderRows(value!.items);
    // The page controls stay while the next page loads, so keyboard focus stays on them.
    const nav = this.pageCount > 1 && (status === 'ready' || (this.paged && status === 'loading')) ? this.renderPagination() : nothing;
    return html`<section aria-busy=${status === 'loading' ? 'true' : 'false'}>
      ${this.renderToolbar(status === 'ready')} ${body} ${nav}
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
      <span class="count" role="status">${ready ? this.countText() : nothing}</span>
    </div>`;
  }

  /** Every row, or through the SDK what the pages seen so far tell: exact on the last page. */
  private countText() {
    const l = this.localize;
    if (!this.paged) return l.term('orderCount')(this.#rows.length, l.number(this.#rows.length));
    const known = (this.cursors.length - 1) * this.limit + this.#rows.length;
    return this.#more ? l.term('orderCountMore')(l.number(known)) : l.term('orderCount')(known, l.number(known));
  }

  private renderRows(all: Order[]) {
    const l = this.localize;
    if (this.#rows.length === 0) {
      // Through the SDK an empty first page without a filter means the user has no orders.
      const none = this.paged ? !this.status && this.cursors.length === 1 : all.length === 0;
      return messageView(none ? l.term('listEmpty') : l.term('listNoMatches'), 'empty');
    }
    const size = Math.max(1, this.pageSize);
    const start = this.paged ? 0 : (this.#page - 1) * size;
    const pageRows = this.#rows.slice(start, start + size);
    return html`<ul part="list" aria-label=${l.term('listLabel')}>
      ${pageRows.map((order) => this.renderRow(order))}
    </ul>`;
  }

  private renderRow(order: Order) {
    const l = this.localize;
    const title = orderTitle(order);
    // An order whose values cannot be put in the template safely gets the button (order-open) instead.
    const href = this.hrefTemplate ? orderHref(this.hrefTemplate, order) : undefined;
    const link = href
      ? html`<a part="link" href=${href} @click=${(e: Event) => this.open(e, order)}>${title}</a>`
      : html`<button class="open" part="link" type="button" @click=${(e: Event) => this.open(e, order)}>${title}</button>`;
    return html`<li class="card" part="row">
      <div class="row-head"><span class="title">${link}</span>${statusBadge(l, order)}</div>
      ${progressBar(l, order)}
      <div class="facts">
        <span>${deliveredText(l, order)}</span>${timing(l, order, this.timeZone)}${pace(l, order)}
      </div>
    </li>`;
  }

  private renderPagination() {
    const l = this.localize;
    const pages = this.pageCount;
    const page = this.#page;
    // While a page loads its buttons only say they are unavailable (aria-disabled): a disabled
    // button would drop the keyboard focus.
    const busy = this.data.status !== 'ready';
    const label = this.paged && this.#more ? l.term('pageNumber')(l.number(page)) : l.term('pageOf')(l.number(page), l.number(pages));
    return html`<nav part="pagination" aria-label=${l.term('pagination')}>
      <button type="button" ?disabled=${page <= 1} aria-disabled=${busy} @click=${() => busy || this.go(-1)}>${l.term('previousPage')}</button>
      <span aria-live="polite">${busy ? nothing : label}</span>
      <button type="button" ?disabled=${!busy && page >= pages} aria-disabled=${busy} @click=${() => busy || this.go(1)}>
        ${l.term('nextPage')}
      </button>
    </nav>`;
  }

  private go(step: 1 | -1) {
    if (!this.paged) this.page = this.#page + step;
    else if (step < 0) {
      this.cursors = this.cursors.slice(0, -1);
      this.#more = true; // the page we leave follows the one we go back to
    }
    else if (this.data.value?.next_cursor) this.cursors = [...this.cursors, this.data.value.next_cursor];
  }

  private open(event: Event, order: Order) {
    const detail: OrderOpenDetail = { orderId: order.id, order };
    const proceed = this.dispatchEvent(
      new CustomEvent<OrderOpenDetail>('order-open', { detail, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) event.preventDefault();
  }
}
