import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeliverySeries, LeadPage, LeadRow, OrderDetails, OrderForecast } from '@lead-orders/sdk';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { common } from '../shared/locales/en/common.js';
import { list } from '../shared/locales/en/list.js';
import { ordersTable } from '../shared/locales/en/orders-table.js';
import { orderDetail } from '../shared/locales/en/order-detail.js';
import { adminOrderDetail } from '../shared/locales/en/admin-order-detail.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import { isolate } from '../shared/bidi.js';
import { orderTitle, orderViewStyles, statusBadge } from '../shared/order-view.js';
import { confirmStep, confirmStepStyles, focusConfirm } from '../shared/confirm-step.js';
import { dataTableStyles } from '../shared/data-table/data-table.styles.js';
import { currentCursor, firstPage, nextPage, pageNumber, previousPage, type CursorStack } from '../shared/data-table/keyset-pages.js';
import { deliveryChart, deliveryChartStyles } from '../shared/delivery-chart/delivery-chart.js';
import { forecastView } from '../shared/order-detail/forecast-view.js';
import { leadTable } from '../shared/order-detail/lead-table.js';
import { timelineView } from '../shared/order-detail/timeline-view.js';
import { orderDetailStyles } from '../shared/order-detail/order-detail.styles.js';
import { actionsFor, isFinal, runAction, type OrderAction } from '../admin-orders-table/order-actions.js';
import { leadMoveStep } from './lead-move.js';
import { refusalText } from '../shared/refusal.js';
import type { OrderSelect } from '../order-select/order-select.js';
import type { OrderStatus } from '../shared/types.js';
import { styles } from './admin-order-detail.styles.js';

interface Overview {
  details: OrderDetails;
  series: DeliverySeries;
  forecast: OrderForecast;
}

/** `detail` of `leads-assigned`. */
export interface LeadsAssignedDetail {
  orderId: string;
  leadIds: string[];
}

/** The lead statuses of the agency's lead table (the database counts `Approved` and `Lead` as delivered). */
const leadStatuses = ['New', 'Approved', 'Lead', 'Rejected'];

/**
 * An order as the admin works on it: information and progress (the progress card), the status
 * actions, the forecast, the delivery chart, the order's leads (paged, filtered by lead status,
 * each can be taken out or moved to another order of the client through `<order-select>`, which
 * shows each order's room and says why a full or inactive one cannot take it), a panel to assign the client's leads that are in no order (searchable,
 * paged, pick one or many, capacity shown as you pick, all-or-nothing through `leads.assignMany`)
 * and the history. Live: another admin's assignment shows up without reload.
 *
 * Reads `orders.get`, `orders.deliverySeries`, `orders.forecast`, `leads.list({ orderId, status })`
 * and `leads.list({ clientId, noOrder: true, search })`; writes through `orders.pause` (and the
 * other status methods), `leads.assignMany`, `leads.assignToOrder(leadId, otherOrderId)` (move)
 * and `leads.assignToOrder(leadId, null)` (take out). Every refusal
 * is shown in the database's words and changes nothing.
 *
 * @summary The admin's order page: progress, chart, leads, assignment, history, status.
 * @tag admin-order-detail
 *
 * @attr order-id - The order to show.
 * @attr leads-page-size - Rows per page of both lead tables, 1 to 500 (default 20).
 * @attr heading-level - Level of the page heading (default 2); sections use the next level.
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires {CustomEvent<LeadsAssignedDetail>} leads-assigned - The database assigned the picked leads.
 *
 * @csspart header - The order number, name and status.
 * @csspart progress - The `<order-progress-card>`.
 * @csspart status-actions - The status buttons.
 * @csspart action - Each status button.
 * @csspart confirm - The confirm step of a final action.
 * @csspart forecast - The forecast sentences.
 * @csspart chart - The delivery chart.
 * @csspart leads-table - The lead tables.
 * @csspart lead-row - Each lead.
 * @csspart assign - The assignment panel.
 * @csspart capacity - Picked leads against the room left.
 * @csspart move - The step that moves a lead to another order.
 * @csspart notice - What the last change did, or the database's refusal.
 * @csspart timeline - The history.
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
export class AdminOrderDetail extends TrackedElement {
  static override styles = [tokens, stateStyles, orderViewStyles, dataTableStyles, confirmStepStyles, deliveryChartStyles, orderDetailStyles, styles];
  static override terms = { ...common, ...list, ...ordersTable, ...orderDetail, ...adminOrderDetail };

  @property({ attribute: 'order-id' }) orderId?: string;
  @property({ type: Number, attribute: 'leads-page-size' }) leadsPageSize = 20;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private leadCursors: CursorStack = firstPage;
  @state() private leadStatus = '';
  @state() private poolCursors: CursorStack = firstPage;
  @state() private poolSearch = '';
  @state() private picked: ReadonlySet<string> = new Set();
  @state() private confirming: OrderAction | null = null;
  @state() private busy = false;
  /** The lead being moved to another order, while its move step is open. */
  @state() private moving: LeadRow | null = null;
  @state() private notice: { kind: 'done' | 'refused'; text: string } | null = null;

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
    args: () => (this.orderId ? [this.orderId, this.leadStatus, this.limit, this.leadCursors] : undefined),
    load: (tracking, signal) =>
      tracking.leads.list(
        { orderId: this.orderId!, ...(this.leadStatus ? { status: this.leadStatus } : {}), limit: this.limit, cursor: currentCursor(this.leadCursors) },
        { signal },
      ),
    watch: () => (this.orderId ? { orderId: this.orderId } : undefined),
  });

  /** The client's leads in no order, once the order (and so its client) is known. */
  private readonly pool = new DataController<LeadPage>(this, {
    given: () => undefined,
    args: () => {
      const clientId = this.data.value?.details.order.client_id;
      return clientId ? [clientId, this.poolSearch, this.limit, this.poolCursors] : undefined;
    },
    load: (tracking, signal) =>
      tracking.leads.list(
        {
          clientId: this.data.value!.details.order.client_id,
          noOrder: true,
          ...(this.poolSearch ? { search: this.poolSearch } : {}),
          limit: this.limit,
          cursor: currentCursor(this.poolCursors),
        },
        { signal },
      ),
    watch: () => {
      const clientId = this.data.value?.details.order.client_id;
      return clientId ? { clientId } : undefined;
    },
  });

  private get limit() {
    return Math.min(500, Math.max(1, Math.floor(this.leadsPageSize) || 1));
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('orderId') || changed.has('leadsPageSize')) {
      this.leadCursors = firstPage;
      this.poolCursors = firstPage;
      this.picked = new Set();
      this.moving = null;
      this.notice = null;
    }
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
    const heading = (text: string, id?: string) =>
      html`<div class="section-title" role="heading" aria-level=${section} id=${id ?? nothing} tabindex=${id ? '-1' : nothing}>${text}</div>`;
    return html`<article class="page" aria-labelledby="title">
      <header part="header">
        <div class="page-title" role="heading" aria-level=${level} id="title">${orderTitle(order)}</div>
        ${statusBadge(l, order)} <span class="client"><bdi>${order.client_name ?? ''}</bdi></span>
      </header>
      <order-progress-card part="progress" .order=${order} locale=${this.locale || nothing}></order-progress-card>
      ${this.renderStatusActions()}
      <div part="notice" role="status" class="notice ${this.notice?.kind ?? ''}">${this.notice?.text ?? nothing}</div>
      <section>${heading(l.term('forecastTitle'))} ${forecastView(l, value.forecast)}</section>
      <section>${heading(l.term('chartTitle'))} ${deliveryChart(l, value.series)}</section>
      <section>${heading(l.term('leadsTitle'))} ${this.renderLeads()}</section>
      <section part="assign">${heading(l.term('assignTitle'), 'assign-title')} ${this.renderPool(order.status, order.leads_remaining)}</section>
      <section>
        ${heading(l.term('timelineTitle'))}
        ${timelineView(l, timeline, (e) => l.term('clientEvent')(e.event_type, e.data, l.term('status')), (e) => e.actor_name)}
      </section>
    </article>`;
  }

  private renderStatusActions() {
    const l = this.localize;
    const order = this.data.value!.details.order;
    const actions = actionsFor(order.status);
    if (actions.length === 0) return nothing;
    if (this.confirming) {
      const action = this.confirming;
      return confirmStep({
        question: (action === 'cancel' ? l.term('confirmCancel') : l.term('confirmComplete'))(order.order_number),
        yes: l.term('confirmYes'),
        no: l.term('confirmNo'),
        onYes: () => this.act(action),
        onNo: () => {
          this.confirming = null;
          this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus());
        },
      });
    }
    const labels: Record<OrderAction, string> = {
      activate: l.term('actionActivate'),
      pause: l.term('actionPause'),
      resume: order.status === 'Completed' ? l.term('actionReopen') : l.term('actionResume'),
      complete: l.term('actionComplete'),
      cancel: l.term('actionCancel'),
    };
    return html`<div class="status-actions" part="status-actions" role="group" aria-label=${l.term('adminStatusActions')}>
      ${actions.map(
        (action) => html`<button
          type="button"
          part="action"
          data-action=${action}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => {
            if (this.busy) return;
            if (isFinal(action)) {
              this.confirming = action;
              this.updateComplete.then(() => focusConfirm(this.renderRoot));
            } else this.act(action);
          }}
        >
          ${labels[action]}
        </button>`,
      )}
    </div>`;
  }

  private async act(action: OrderAction) {
    const tracking = this.sdk;
    if (!tracking || !this.orderId) return;
    const l = this.localize;
    this.confirming = null;
    this.busy = true;
    try {
      const order = await runAction(tracking, action, this.orderId);
      this.notice = { kind: 'done', text: l.term('actionDone')(order.order_number, l.term('status')[order.status]) };
    } catch (error) {
      this.notice = { kind: 'refused', text: l.term('actionRefusedPlain')(refusalText(l, error)) };
    } finally {
      this.busy = false;
    }
  }

  private renderLeads() {
    const l = this.localize;
    const { status, value } = this.leads;
    const filter = html`<label class="inline leads-filter"
      >${l.term('leadStatusFilter')}
      <select
        @change=${(e: Event) => {
          this.leadStatus = (e.target as HTMLSelectElement).value;
          this.leadCursors = firstPage;
        }}
      >
        <option value="" ?selected=${!this.leadStatus}>${l.term('leadAllStatuses')}</option>
        ${leadStatuses.map((s) => html`<option value=${s} ?selected=${this.leadStatus === s}>${s}</option>`)}
      </select>
    </label>`;
    let body;
    if (status === 'error') body = errorView(l, () => this.leads.retry());
    else if (status !== 'ready' || !value) body = skeleton(l);
    else if (value.items.length === 0 && this.leadCursors.length === 1) body = messageView(l.term('leadsEmpty'), 'empty');
    else
      body = html`${leadTable(l, value.items, {
        action: {
          header: l.term('colActions'),
          cell: (lead) => html`<div class="lead-actions">
            <button
              type="button"
              class="move-start"
              data-lead=${lead.id}
              aria-label=${l.term('leadMove')(isolate(lead.company_name))}
              aria-expanded=${this.moving?.id === lead.id ? 'true' : 'false'}
              @click=${() => this.startMove(lead)}
            >
              ${l.term('leadMoveShort')}
            </button>
            <button type="button" class="unassign" data-lead=${lead.id} aria-label=${l.term('leadUnassign')(isolate(lead.company_name))} @click=${() => this.unassign(lead)}>
              ${l.term('leadUnassignShort')}
            </button>
          </div>`,
        },
      })}
      ${this.moving
        ? leadMoveStep(l, {
            lead: this.moving,
            clientId: this.data.value!.details.order.client_id,
            tracking: this.sdk,
            locale: this.locale ?? undefined,
            busy: this.busy,
            onMove: (select) => this.move(select),
            onCancel: () => this.endMove(true),
          })
        : nothing}
      ${this.pager(l.term('leadsTitle'), this.leadCursors, value.next_cursor, (c) => (this.leadCursors = c))}`;
    return html`${filter} ${body}`;
  }

  /**
   * After a lead is taken out, where the focus goes once its row has left the list: the next
   * row's "Take out" (the previous one's on the last row), else the list's status filter.
   */
  #focusWhenGone: { gone: string; next: string | null } | null = null;

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const pending = this.#focusWhenGone;
    if (!pending || this.leads.status !== 'ready' || this.renderRoot.querySelector(`button.unassign[data-lead="${pending.gone}"]`)) return;
    this.#focusWhenGone = null;
    const next = pending.next ? this.renderRoot.querySelector<HTMLElement>(`button.unassign[data-lead="${pending.next}"]`) : null;
    (next ?? this.renderRoot.querySelector<HTMLElement>('.leads-filter select'))?.focus();
  }

  private async unassign(lead: LeadRow) {
    const tracking = this.sdk;
    if (!tracking) return;
    const l = this.localize;
    const rows = this.leads.value?.items ?? [];
    const at = rows.findIndex((r) => r.id === lead.id);
    const neighbour = rows[at + 1] ?? rows[at - 1];
    try {
      await tracking.leads.assignToOrder(lead.id, null);
      this.#focusWhenGone = { gone: lead.id, next: neighbour?.id ?? null };
      this.notice = { kind: 'done', text: l.term('leadUnassigned')(isolate(lead.company_name)) };
    } catch (error) {
      this.notice = { kind: 'refused', text: l.term('actionRefusedPlain')(refusalText(l, error)) };
    }
  }

  private startMove(lead: LeadRow) {
    this.moving = lead;
    this.notice = null;
    this.updateComplete.then(() => this.renderRoot.querySelector<OrderSelect>('.move order-select')?.focus());
  }

  /** Closes the move step; `refocus` puts focus back on the lead's "Move" button (when it is still listed). */
  private endMove(refocus: boolean) {
    const id = this.moving?.id;
    this.moving = null;
    if (!refocus) return;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.move-start[data-lead="${id}"]`)?.focus());
  }

  /**
   * Moves the lead to the order picked in the step, in one call (`leads.assignToOrder`): the
   * database checks that the order is the client's, active and has room, and moves the counts of
   * both orders with it. Full or inactive orders are disabled in the picker with the reason; if one
   * fills up meanwhile, the database's refusal is shown and nothing changes.
   */
  private async move(select: OrderSelect) {
    const tracking = this.sdk;
    const lead = this.moving;
    if (!tracking || !lead || this.busy) return;
    const l = this.localize;
    const target = select.selectedOrder;
    if (!target) {
      this.notice = { kind: 'refused', text: l.term('moveChoose') };
      select.focus();
      return;
    }
    if (target.id === this.orderId) {
      this.notice = { kind: 'refused', text: l.term('moveSameOrder') };
      select.focus();
      return;
    }
    this.busy = true;
    try {
      await tracking.leads.assignToOrder(lead.id, target.id);
      this.notice = { kind: 'done', text: l.term('moveDone')(isolate(lead.company_name), target.order_number) };
      this.endMove(false);
      // The lead has left this order's list: focus goes to the list's filter, the section's first control.
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.leads-filter select')?.focus());
    } catch (error) {
      this.notice = { kind: 'refused', text: l.term('moveRefused')(refusalText(l, error)) };
    } finally {
      this.busy = false;
    }
  }

  /**
   * The assignment panel. Only an Active order with room takes leads: otherwise the panel says why
   * instead of offering a pick (`assignClosed`). Picking more than the room disables the submit and
   * says so; the database still decides (another admin may fill the order meanwhile).
   */
  private renderPool(orderStatus: OrderStatus, remaining: number) {
    const l = this.localize;
    if (orderStatus !== 'Active' || remaining <= 0) {
      const why = orderStatus !== 'Active' ? l.term('assignNotActive')(l.term('status')[orderStatus]) : l.term('assignFull');
      return html`<p class="assign-closed" part="assign-closed">${why}</p>`;
    }
    const { status, value } = this.pool;
    const n = this.picked.size;
    const over = n > remaining;
    const search = html`<label class="inline"
      >${l.term('assignSearch')}
      <input
        type="search"
        .value=${this.poolSearch}
        @change=${(e: Event) => {
          this.poolSearch = (e.target as HTMLInputElement).value.trim().slice(0, 200);
          this.poolCursors = firstPage;
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).dispatchEvent(new Event('change'));
        }}
      />
    </label>`;
    let body;
    if (status === 'error') body = errorView(l, () => this.pool.retry());
    else if (status !== 'ready' || !value) body = skeleton(l);
    else if (value.items.length === 0 && this.poolCursors.length === 1) body = messageView(l.term('assignEmpty'), 'empty');
    else
      body = html`${leadTable(l, value.items, {
        label: l.term('assignTitle'),
        action: {
          header: l.term('colSelect'),
          cell: (lead) => html`<input
            type="checkbox"
            class="pick"
            aria-label=${l.term('assignPick')(isolate(lead.company_name))}
            .checked=${this.picked.has(lead.id)}
            @change=${(e: Event) => this.pick(lead.id, (e.target as HTMLInputElement).checked)}
          />`,
        },
      })}
      ${this.pager(l.term('assignTitle'), this.poolCursors, value.next_cursor, (c) => (this.poolCursors = c))}`;
    return html`${search} ${body}
      <div class="assign-bar">
        <span part="capacity" aria-live="polite">${l.term('assignCapacity')(l.number(n), l.number(remaining))}</span>
        ${over ? html`<span class="over" id="assign-over">${l.term('assignOverCapacity')(remaining, l.number(remaining))}</span>` : nothing}
        <button
          type="button"
          class="assign"
          ?disabled=${n === 0 || over}
          aria-describedby=${over ? 'assign-over' : nothing}
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.assign()}
        >
          ${l.term('assignButton')(n, l.number(n))}
        </button>
      </div>`;
  }

  private pick(id: string, on: boolean) {
    const next = new Set(this.picked);
    if (on) next.add(id);
    else next.delete(id);
    this.picked = next;
  }

  /** All picked leads into this order in one call: the database assigns all of them or none. */
  private async assign() {
    const tracking = this.sdk;
    const room = this.data.value?.details.order.leads_remaining ?? 0;
    if (!tracking || !this.orderId || this.busy || this.picked.size === 0 || this.picked.size > room) return;
    const l = this.localize;
    const ids = [...this.picked];
    this.busy = true;
    try {
      const result = await tracking.leads.assignMany(ids, this.orderId);
      this.picked = new Set();
      this.notice = { kind: 'done', text: l.term('assignDone')(ids.length, l.number(ids.length), result.order.order_number) };
      // The button just used is disabled now (nothing picked) and the rows leave the pool: the
      // panel's heading keeps the focus; the notice (role=status) says what happened.
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#assign-title')?.focus());
      this.dispatchEvent(
        new CustomEvent<LeadsAssignedDetail>('leads-assigned', { detail: { orderId: this.orderId, leadIds: ids }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.notice = { kind: 'refused', text: l.term('assignRefused')(refusalText(l, error)) };
    } finally {
      this.busy = false;
    }
  }

  /** Page controls; `title` names them apart, as the page has two. */
  private pager(title: string, cursors: CursorStack, next: string | null, go: (c: CursorStack) => void) {
    const l = this.localize;
    const page = pageNumber(cursors);
    if (page === 1 && !next) return nothing;
    return html`<nav class="pagination" part="pagination" aria-label="${title}: ${l.term('pagination')}">
      <button type="button" ?disabled=${page <= 1} @click=${() => go(previousPage(cursors))}>${l.term('previousPage')}</button>
      <span>${l.term('pageNumber')(l.number(page))}</span>
      <button type="button" ?disabled=${!next} @click=${() => go(nextPage(cursors, next))}>${l.term('nextPage')}</button>
    </nav>`;
  }
}
