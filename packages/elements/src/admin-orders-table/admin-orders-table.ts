import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { list } from '../shared/locales/en/list.js';
import { ordersTable } from '../shared/locales/en/orders-table.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import { isolate } from '../shared/bidi.js';
import { deliveredText, orderViewStyles, progressBar, statusBadge } from '../shared/order-view.js';
import { confirmStep, confirmStepStyles, focusConfirm } from '../shared/confirm-step.js';
import { dataTableStyles } from '../shared/data-table/data-table.styles.js';
import { sortHeader } from '../shared/data-table/sort-header.js';
import { formatDay } from '../shared/data-table/date-format.js';
import { currentCursor, firstPage, nextPage, pageNumber, previousPage, type CursorStack } from '../shared/data-table/keyset-pages.js';
import { orderHref } from '../client-orders-list/sort.js';
import type { OrderOpenDetail } from '../client-orders-list/client-orders-list.js';
import type { Order, OrderStatus } from '../shared/types.js';
import { refusalText } from '../shared/refusal.js';
import { actionLabel, actionsFor, expectedStatus, isFinal, runAction, type OrderAction } from './order-actions.js';
import { csvFilename, download } from './csv-download.js';
import { styles } from './admin-orders-table.styles.js';
import { filterBar, sortDirection, sorts, type ClientOption, type OrdersTableFilters, type OrdersTableSort } from './filter-bar.js';
import { bulkBar } from './bulk-bar.js';

export type { OrdersTableFilters, OrdersTableSort };

/** `detail` of `order-action`: a status change the database accepted. */
export interface OrderActionDetail {
  action: OrderAction;
  order: Order;
}

/** `detail` of `orders-export`. Cancel the event to keep the browser from downloading `blob`. */
export interface OrdersExportDetail {
  blob: Blob;
  filename: string;
}

interface Page {
  items: Order[];
  next_cursor: string | null;
}

/** A confirm step on screen: which action, for which orders, and the button to refocus after. */
interface Confirming {
  action: OrderAction;
  ids: string[];
  /** `row:<id>` for a row's action, `bulk` for the selection's. */
  where: string;
}

interface Notice {
  kind: 'done' | 'refused';
  text: string;
}

/**
 * Every order the admin sees, in a real `<table>`: sortable columns, filters, keyset pages with
 * next/previous, progress per row, a sticky header, row selection with bulk Pause / Resume /
 * Cancel, quick actions per row and "Export CSV".
 *
 * Through the SDK it asks the database for one filtered, sorted page at a time
 * (`orders.list` with `status`, `clientId`, `targetFrom`, `targetTo`, `search`, `sort`, `limit`,
 * `cursor`) and refetches that page when any order changes (`subscribe({ all: true })`).
 * Sortable columns are the sorts `get_orders` has, each in its one direction: **priority**
 * (highest first), **target date** (nearest first, none last), **progress** (least delivered
 * first); `sort="newest"` (newest first) has no column. Order number, client, name and status
 * are not sortable (the database has no such sort; sorting one page in the browser would lie
 * about the other pages).
 *
 * Status actions are optimistic: the row shows the new status at once and goes back, with the
 * database's explanation in an alert, when the database refuses. Completing and cancelling ask
 * for confirmation first. The buttons offered follow the status; what is allowed is the
 * database's decision. "Export CSV" hands the filters (not the page) to `orders.exportCsv`,
 * which reads every page; the file is the SDK's, with its header row in the reader's language
 * (the cells as the database has them); the table only starts the download.
 *
 * With `.orders` given, those rows are shown as they are (no filtering, sorting or paging in the
 * browser; that is the host's) and nothing is fetched; actions still go through an SDK if
 * there is one.
 *
 * @summary Every order, with filters, pages, bulk and quick actions.
 * @tag admin-orders-table
 *
 * @attr status - Status filter (`Draft`, `Active`, `Paused`, `Completed`, `Cancelled`); empty shows all.
 * @attr client-id - Only this client's orders.
 * @attr target-from - Target delivery date on or after this day (`YYYY-MM-DD`).
 * @attr target-to - Target delivery date on or before this day (`YYYY-MM-DD`).
 * @attr search - Matches order number, name and client name (the database's search).
 * @attr sort - `priority` (default), `target`, `progress` or `newest`.
 * @attr page - The page on screen, as `filters-change` reported it (opaque keyset cursors); empty for the first.
 * @attr page-size - Rows per page, 1 to 500 (default 20).
 * @attr href-template - Link per order, e.g. `/admin/orders/{id}` (also `{order_number}`, `{client_id}`).
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires {CustomEvent<OrdersTableFilters>} filters-change - The user changed a filter, the sort or
 *   the page; `detail` holds all of them, for the host's URL (give them back as attributes and a
 *   reload shows the same rows). Not fired for changes the host makes.
 * @fires {CustomEvent<OrderOpenDetail>} order-open - An order number was activated. Cancelable:
 *   with `href-template`, cancelling keeps the browser from following the link.
 * @fires {CustomEvent<OrderActionDetail>} order-action - The database accepted a status change.
 * @fires {CustomEvent<OrdersExportDetail>} orders-export - The CSV is ready. Cancelable: cancelling
 *   keeps the browser from downloading it (the host saves `detail.blob` itself).
 *
 * @csspart toolbar - The filters and the export button.
 * @csspart bulk - The bar of actions for the selected rows.
 * @csspart table - The `<table>`.
 * @csspart header-cell - Each column header.
 * @csspart sort-button - The button of a sortable column.
 * @csspart row - Each order's row.
 * @csspart link - The order number's link or button.
 * @csspart bar - Each row's progress bar.
 * @csspart fill - Each bar's fill.
 * @csspart badge - Each row's status badge.
 * @csspart action - Each quick action button.
 * @csspart confirm - The confirm step of a final action.
 * @csspart notice - What the last action did.
 * @csspart refusal - The database's explanation of a refused action.
 * @csspart pagination - The page controls.
 * @csspart empty - The message when there are no orders (or none match).
 *
 * @cssprop --lo-table-max-height - The table's scroll height; the header stays in view (default `70vh`).
 * @cssprop --lo-table-header-background - The sticky header's background.
 *
 * @cssstate loading - Fetching a page.
 * @cssstate ready - Rows shown (or an empty message).
 * @cssstate error - The fetch failed; a retry button is shown.
 */
export class AdminOrdersTable extends TrackedElement {
  static override styles = [tokens, stateStyles, orderViewStyles, dataTableStyles, confirmStepStyles, styles];
  static override terms = { ...list, ...ordersTable };

  @property({ reflect: true }) status: OrderStatus | '' = '';
  @property({ attribute: 'client-id', reflect: true }) clientId = '';
  @property({ attribute: 'target-from', reflect: true }) targetFrom = '';
  @property({ attribute: 'target-to', reflect: true }) targetTo = '';
  @property({ reflect: true }) search = '';
  @property({ reflect: true }) sort: OrdersTableSort = 'priority';
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  @property({ attribute: 'href-template' }) hrefTemplate?: string;
  /**
   * The page on screen, as the keyset cursors of the pages after the first that lead to it,
   * space-separated (`''`: the first page). Opaque: store what `filters-change` reports and give
   * it back, so a reload shows the same page.
   */
  @property({ reflect: true }) page = '';
  /** The rows to show as they are; nothing is fetched while it is set. */
  @property({ attribute: false }) orders?: Order[];

  @state() private selected: ReadonlySet<string> = new Set();
  /** Optimistic statuses of actions still running, by order id. */
  @state() private pending: ReadonlyMap<string, OrderStatus> = new Map();
  /** Orders as the database returned them after an action, until a fetched page is as new. */
  @state() private settled: ReadonlyMap<string, Order> = new Map();
  @state() private confirming: Confirming | null = null;
  @state() private notices: Notice[] = [];
  @state() private exporting = false;
  /** Orders written so far by the running export. */
  @state() private exported = 0;
  @state() private clients: ClientOption[] | null = null;

  #clientsFor: unknown;
  #focusAfterUpdate: (() => void) | null = null;

  protected override readonly data: DataController<Page> = new DataController<Page>(this, {
    given: () => (this.orders ? { items: this.orders, next_cursor: null } : undefined),
    args: () => [this.status, this.clientId, this.targetFrom, this.targetTo, this.search, this.sortKey, this.limit, this.page],
    load: (tracking, signal) => tracking.orders.list({ ...this.serverFilters(), limit: this.limit, cursor: currentCursor(this.cursors) }, { signal }),
    watch: () => ({ all: true }),
  });

  /** The page's cursor stack, from `page`. */
  private get cursors(): CursorStack {
    const rest = this.page.split(' ').filter(Boolean);
    return rest.length ? [...firstPage, ...rest] : firstPage;
  }

  /** Moves to another page and tells the host (`filters-change`), for its URL. */
  private goTo(stack: CursorStack) {
    const page = stack.slice(1).join(' ');
    if (page === this.page) return;
    this.page = page;
    this.dispatchEvent(new CustomEvent<OrdersTableFilters>('filters-change', { detail: this.filters, bubbles: true, composed: true }));
  }

  /** The filters, sort and page as they are now (what `filters-change` reports). */
  get filters(): OrdersTableFilters {
    return {
      status: this.status,
      clientId: this.clientId,
      targetFrom: this.targetFrom,
      targetTo: this.targetTo,
      search: this.search,
      sort: this.sortKey,
      page: this.page,
    };
  }

  private get sortKey(): OrdersTableSort {
    return sorts.includes(this.sort) ? this.sort : 'priority';
  }

  private get limit() {
    return Math.min(500, Math.max(1, Math.floor(this.pageSize) || 1));
  }

  /** What the SDK is sent: empty filters are left out (the SDK validates what is there). */
  private serverFilters() {
    const search = this.search.trim();
    return {
      ...(this.status ? { status: this.status } : {}),
      ...(this.clientId ? { clientId: this.clientId } : {}),
      ...(this.targetFrom ? { targetFrom: this.targetFrom } : {}),
      ...(this.targetTo ? { targetTo: this.targetTo } : {}),
      ...(search ? { search } : {}),
      sort: this.sortKey,
    };
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    const filterKeys = ['status', 'clientId', 'targetFrom', 'targetTo', 'search', 'sort', 'pageSize', 'tracking', 'orders'];
    if (filterKeys.some((k) => changed.has(k))) {
      // A cursor only continues the filter and sort it came from; the selection was of other rows.
      // A page given together with its filters (a reload from the URL) is kept.
      if (this.page && !changed.has('page')) this.page = '';
      if (this.selected.size) this.selected = new Set();
      this.confirming = null;
    }
    this.loadClients();
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const focus = this.#focusAfterUpdate;
    this.#focusAfterUpdate = null;
    focus?.();
  }

  /** The client picker's choices, once per SDK instance (`clients.list`, admins only). */
  private loadClients() {
    const sdk = this.sdk;
    if (this.orders || !sdk || this.#clientsFor === sdk) return;
    this.#clientsFor = sdk;
    // Through a promise, so an SDK without `clients` (an older one, a stand-in) only hides the picker.
    Promise.resolve(sdk)
      .then((tracking) => tracking.clients.list({ limit: 500 }))
      .then(
      (page) => {
        if (this.#clientsFor === sdk) this.clients = page.items;
      },
      // Without the list the filter still works from the `client-id` attribute.
      () => undefined,
    );
  }

  /** A row as it should look now: an action's optimistic status, or the database's answer to it. */
  private current(order: Order): Order {
    const optimistic = this.pending.get(order.id);
    if (optimistic) return { ...order, status: optimistic };
    const settled = this.settled.get(order.id);
    return settled && settled.updated_at >= order.updated_at ? settled : order;
  }

  protected override render() {
    const l = this.localize;
    const { status, value } = this.data;
    let body;
    if (status === 'error') body = errorView(l, () => this.data.retry());
    else if (status !== 'ready' || !value) body = skeleton(l);
    else if (value.items.length === 0) body = messageView(this.nothingText(), 'empty');
    else body = this.renderTable(value.items.map((o) => this.current(o)));
    const paged = !this.orders;
    const nav = paged && (status === 'ready' || status === 'loading') && (this.cursors.length > 1 || !!value?.next_cursor)
      ? this.renderPagination(value)
      : nothing;
    return html`<section>
      ${this.renderToolbar()} ${this.renderBulk(value?.items ?? [])} ${this.renderNotices()} ${body} ${nav}
    </section>`;
  }

  private nothingText() {
    const l = this.localize;
    const filtered = !!(this.status || this.clientId || this.targetFrom || this.targetTo || this.search.trim());
    return filtered ? l.term('listNoMatches') : l.term('listEmpty');
  }

  private renderToolbar() {
    return filterBar(this.localize, {
      filters: this.filters,
      clients: this.clients,
      canExport: !!this.sdk && !this.orders,
      exporting: this.exporting,
      exported: this.exported,
      onFilter: (key, value) => this.setFilter(key, value),
      onExport: () => this.exportCsv(),
    });
  }

  private setFilter(key: keyof OrdersTableFilters, raw: string) {
    const value = raw.trim();
    if ((this.filters[key] as string) === value) return;
    switch (key) {
      case 'status':
        this.status = value as OrderStatus | '';
        break;
      case 'clientId':
        this.clientId = value;
        break;
      case 'targetFrom':
        this.targetFrom = value;
        break;
      case 'targetTo':
        this.targetTo = value;
        break;
      case 'search':
        this.search = value;
        break;
      case 'sort':
        this.sort = value as OrdersTableSort;
        break;
    }
    // A cursor only continues the filter and sort it came from.
    this.page = '';
    this.dispatchEvent(new CustomEvent<OrdersTableFilters>('filters-change', { detail: this.filters, bubbles: true, composed: true }));
  }

  private renderBulk(rows: Order[]) {
    const ids = rows.map((o) => o.id).filter((id) => this.selected.has(id));
    if (ids.length === 0 || !this.sdk) return nothing;
    return bulkBar(this.localize, {
      ids,
      confirmingCancel: this.confirming?.where === 'bulk' ? this.confirming.ids : null,
      onPause: (chosen) => this.act('pause', chosen, true),
      onResume: (chosen) => this.act('resume', chosen, true),
      onAskCancel: (chosen) => this.ask('cancel', chosen, 'bulk'),
      onCancel: (chosen) => this.act('cancel', chosen, true),
      onCloseConfirm: () => this.closeConfirm('[data-bulk="cancel"]'),
    });
  }

  private renderNotices() {
    const done = this.notices.filter((n) => n.kind === 'done');
    const refused = this.notices.filter((n) => n.kind === 'refused');
    // Both regions are always in the page, so screen readers hear what is added to them.
    return html`<div class="notices">
      <div part="notice" role="status">${done.map((n) => html`<p>${n.text}</p>`)}</div>
      <div part="refusal" role="alert">${refused.map((n) => html`<p>${n.text}</p>`)}</div>
    </div>`;
  }

  private renderTable(rows: Order[]) {
    const l = this.localize;
    const sortable = (label: string, key: OrdersTableSort, className = '') =>
      sortHeader({
        label,
        className,
        sort: this.orders
          ? undefined
          : {
              key,
              active: this.sortKey === key,
              direction: sortDirection[key],
              buttonLabel: l.term('sortColumn')(label),
              onSort: (k) => this.setFilter('sort', k),
            },
      });
    const actions = !!this.sdk;
    const allSelected = rows.length > 0 && rows.every((o) => this.selected.has(o.id));
    const someSelected = rows.some((o) => this.selected.has(o.id));
    return html`<div class="scroller" role="group" aria-label=${l.term('tableLabel')} tabindex="0">
      <table part="table">
        <thead>
          <tr>
            ${actions
              ? html`<th scope="col" class="select" part="header-cell">
                  <input
                    type="checkbox"
                    aria-label=${l.term('selectAll')}
                    .checked=${allSelected}
                    .indeterminate=${someSelected && !allSelected}
                    @change=${(e: Event) => this.selectAll(rows, (e.target as HTMLInputElement).checked)}
                  />
                </th>`
              : nothing}
            ${sortHeader({ label: l.term('colOrder') })} ${sortHeader({ label: l.term('colClient') })}
            ${sortHeader({ label: l.term('colName') })} ${sortable(l.term('colProgress'), 'progress', 'progress')}
            ${sortHeader({ label: l.term('colStatus') })} ${sortable(l.term('colTarget'), 'target')}
            ${sortable(l.term('colPriority'), 'priority', 'numeric')}
            ${actions ? sortHeader({ label: l.term('colActions') }) : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map((order) => this.renderRow(order, actions))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(order: Order, actions: boolean) {
    const l = this.localize;
    const selected = this.selected.has(order.id);
    const number = html`<span part="order-number">${order.order_number}</span>`;
    const open = (e: Event) => this.open(e, order);
    const link = this.hrefTemplate
      ? html`<a part="link" href=${orderHref(this.hrefTemplate, order)} @click=${open}>${number}</a>`
      : html`<button class="open" part="link" type="button" @click=${open}>${number}</button>`;
    return html`<tr part="row" data-id=${order.id} class=${selected ? 'selected' : ''}>
      ${actions
        ? html`<td class="select">
            <input
              type="checkbox"
              aria-label=${l.term('selectRow')(order.order_number)}
              .checked=${selected}
              @change=${(e: Event) => this.select(order.id, (e.target as HTMLInputElement).checked)}
            />
          </td>`
        : nothing}
      <th scope="row" class="number">${link}</th>
      <td><bdi>${order.client_name ?? ''}</bdi></td>
      <td class="name"><bdi part="name">${order.name ?? ''}</bdi></td>
      <td class="progress">${progressBar(l, order)}<span class="delivered">${deliveredText(l, order)}</span></td>
      <td>${statusBadge(l, order)}</td>
      <td class=${order.is_overdue ? 'overdue' : ''}>${formatDay(l.lang(), order.target_delivery_date)}</td>
      <td class="numeric">${l.number(order.priority)}</td>
      ${actions ? html`<td class="actions">${this.renderActions(order)}</td>` : nothing}
    </tr>`;
  }

  private renderActions(order: Order) {
    const l = this.localize;
    const where = `row:${order.id}`;
    if (this.confirming?.where === where) {
      const action = this.confirming.action;
      return confirmStep({
        question: (action === 'cancel' ? l.term('confirmCancel') : l.term('confirmComplete'))(order.order_number),
        yes: l.term('confirmYes'),
        no: l.term('confirmNo'),
        onYes: () => this.act(action, [order.id]),
        onNo: () => this.closeConfirm(`tr[data-id="${order.id}"] [data-action="${action}"]`),
      });
    }
    const busy = this.pending.has(order.id);
    return html`<div class="row-actions" role="group" aria-label=${l.term('rowActions')(order.order_number)}>
      ${actionsFor(order.status).map(
        (action) => html`<button
          type="button"
          part="action"
          data-action=${action}
          aria-label=${l.term('actionOnOrder')(actionLabel(l, action, order.status), isolate(order.order_number))}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => busy || (isFinal(action) ? this.ask(action, [order.id], where) : this.act(action, [order.id]))}
        >
          ${actionLabel(this.localize, action, order.status)}
        </button>`,
      )}
    </div>`;
  }

  private renderPagination(value: Page | undefined) {
    const l = this.localize;
    const page = pageNumber(this.cursors);
    // While a page loads its buttons only say they are unavailable: a disabled button drops focus.
    const busy = this.data.status !== 'ready';
    return html`<nav class="pagination" part="pagination" aria-label=${l.term('pagination')}>
      <button type="button" ?disabled=${page <= 1} aria-disabled=${busy ? 'true' : 'false'} @click=${() => busy || this.goTo(previousPage(this.cursors))}>
        ${l.term('previousPage')}
      </button>
      <span aria-live="polite">${busy ? nothing : l.term('pageNumber')(l.number(page))}</span>
      <button
        type="button"
        ?disabled=${!busy && !value?.next_cursor}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => busy || this.goTo(nextPage(this.cursors, value?.next_cursor ?? null))}
      >
        ${l.term('nextPage')}
      </button>
    </nav>`;
  }

  private select(id: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private selectAll(rows: Order[], on: boolean) {
    this.selected = on ? new Set(rows.map((o) => o.id)) : new Set();
  }

  private ask(action: OrderAction, ids: string[], where: string) {
    this.confirming = { action, ids, where };
    this.#focusAfterUpdate = () => focusConfirm(this.renderRoot);
  }

  private closeConfirm(returnTo: string) {
    this.confirming = null;
    this.#focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>(returnTo)?.focus();
  }

  /**
   * Runs `action` on each order, optimistically: the rows show the expected status at once; each
   * refusal puts its row back and says why, in the database's words. One call per order, so one
   * refusal does not hold back the others.
   */
  private async act(action: OrderAction, ids: string[], bulk = false) {
    const tracking = this.sdk;
    if (!tracking) return;
    const l = this.localize;
    this.confirming = null;
    // The bulk bar's work is done once it starts: the selection goes, the results are announced.
    if (bulk) this.selected = new Set();
    const rows = new Map((this.data.value?.items ?? []).map((o) => [o.id, this.current(o)]));
    const pending = new Map(this.pending);
    for (const id of ids) pending.set(id, expectedStatus[action]);
    this.pending = pending;
    this.notices = [];
    const results = await Promise.all(
      ids.map((id) =>
        runAction(tracking, action, id).then(
          (order) => ({ id, order, error: undefined }),
          (error: unknown) => ({ id, order: undefined, error }),
        ),
      ),
    );
    const stillPending = new Map(this.pending);
    const settled = new Map(this.settled);
    const notices: Notice[] = [];
    for (const { id, order, error } of results) {
      stillPending.delete(id);
      const number = order?.order_number ?? rows.get(id)?.order_number ?? id;
      if (order) {
        settled.set(id, order);
        notices.push({ kind: 'done', text: l.term('actionDone')(number, l.term('status')[order.status]) });
        this.dispatchEvent(new CustomEvent<OrderActionDetail>('order-action', { detail: { action, order }, bubbles: true, composed: true }));
      } else {
        settled.delete(id);
        notices.push({ kind: 'refused', text: l.term('actionRefused')(number, refusalText(l, error)) });
      }
    }
    this.pending = stillPending;
    this.settled = settled;
    this.notices = notices;
  }

  private async exportCsv() {
    const sdk = this.sdk;
    if (!sdk || this.exporting) return;
    const l = this.localize;
    this.exporting = true;
    this.exported = 0;
    this.notices = [];
    try {
      // The SDK reads every page the filters select and yields to the browser between pages.
      const blob = await sdk.orders.exportCsv(this.serverFilters(), {
        // The header row in the reader's language; the cells stay as the database has them.
        labels: l.term('csvHeaders'),
        onProgress: (rows) => (this.exported = rows),
      });
      const detail: OrdersExportDetail = { blob, filename: csvFilename() };
      const proceed = this.dispatchEvent(
        new CustomEvent<OrdersExportDetail>('orders-export', { detail, bubbles: true, composed: true, cancelable: true }),
      );
      if (proceed) download(blob, detail.filename);
      this.notices = [{ kind: 'done', text: l.term('exportDone') }];
    } catch (error) {
      this.notices = [{ kind: 'refused', text: l.term('exportFailed')(refusalText(l, error)) }];
    } finally {
      this.exporting = false;
    }
  }

  private open(event: Event, order: Order) {
    const detail: OrderOpenDetail = { orderId: order.id, order };
    const proceed = this.dispatchEvent(
      new CustomEvent<OrderOpenDetail>('order-open', { detail, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) event.preventDefault();
  }
}
