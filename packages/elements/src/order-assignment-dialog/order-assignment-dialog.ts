import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { assignmentDialog } from '../shared/locales/en/assignment-dialog.js';
import { refusals } from '../shared/locales/en/refusals.js';
import { refusalText } from '../shared/refusal.js';
import { isolate } from '../shared/bidi.js';
import { tokens } from '../shared/tokens.js';
import type { Tracking } from '../shared/tracking.js';
import type { OrderSelect } from '../order-select/order-select.js';
import { styles } from './order-assignment-dialog.styles.js';

/** What `.show()` takes: the lead, and the client to start with. */
export interface AssignmentRequest {
  leadId: string;
  /** Preselects this client (the lead's own, when it has one). */
  clientId?: string | null;
  /**
   * The order the lead is in now (`lead.order_id`): preselected, so pressing Assign keeps the
   * lead where it is. Choosing "Assign without order" then says the lead will leave it.
   * Omitted or `null`: the lead is in no order.
   */
  orderId?: string | null;
  /** The lead's company, named in the title (shown as the user's text, isolated for direction). */
  company?: string | null;
}

type LeadAssignment = Awaited<ReturnType<Tracking['leads']['assignToClient']>>;

/** `detail` of `lead-assigned`. */
export interface LeadAssignedDetail {
  leadId: string;
  clientId: string;
  /** The order the lead went into; `null` for "Assign without order". */
  orderId: string | null;
  /** What the database returned: the lead, its new order and the order it left. */
  result: LeadAssignment;
}

type ClientOption = Awaited<ReturnType<Tracking['clients']['list']>>['items'][number];

/** The innermost focused element, through open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * Gives a lead to a client, and optionally to one of the client's orders, in a modal: the
 * native `<dialog>` opened with `showModal()`, so the page behind is inert, focus stays inside
 * and Escape closes it. Focus starts on the first field and returns to whatever had it before
 * (the button that opened it) when the dialog closes.
 *
 * The order is chosen with `<order-select>` ("ORD-2025-001 · Name (45/100)"), which lists the
 * client's orders, warns when the chosen one is nearly full and disables full or inactive ones;
 * "Assign without order" is offered too. The lead's current order (`show({ orderId })`) is
 * preselected, so Assign keeps it there; "without order" for such a lead says it will leave its
 * order. Submitting calls `leads.assignToClient(leadId, clientId,
 * orderId)`; a refusal (for example `order_full` when the order filled up meanwhile) is shown in
 * the dialog in the database's words and nothing changes.
 *
 * Clients come from `clients.list` (admins only), narrowed by the search field. Under the field a
 * status line (`role="status"`) says when no client matches the search, or why the clients could
 * not be loaded (the database's refusal in the reader's language, e.g. `forbidden` for a
 * non-admin).
 *
 * @summary The lead assignment modal: client, then order or none.
 * @tag order-assignment-dialog
 *
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires {CustomEvent<LeadAssignedDetail>} lead-assigned - The database assigned the lead; the dialog has closed.
 * @fires close - The dialog closed (assigned, cancelled or Escape).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - The title.
 * @csspart lead - The lead's company inside the title (`<bdi>`).
 * @csspart leaves-order - The note that "without order" takes the lead out of its order.
 * @csspart field - Each label with its control.
 * @csspart input - The client search and select.
 * @csspart search-status - Under the client search: no client matches, or the clients could not be loaded.
 * @csspart order-select - The `<order-select>`.
 * @csspart message - A problem to fix, or the database's refusal.
 * @csspart actions - The buttons.
 * @csspart submit - The assign button.
 * @csspart cancel - The cancel button.
 *
 * @cssprop --lo-dialog-width - The dialog's width (default `min(32rem, 100vw - 2rem)`).
 *
 * @cssstate open - The dialog is open.
 */
export class OrderAssignmentDialog extends TrackedElement {
  static override styles = [tokens, styles];
  static override terms = { ...assignmentDialog, ...refusals };

  @state() private leadId = '';
  @state() private clientId = '';
  @state() private currentOrderId: string | null = null;
  @state() private company = '';
  @state() private chosenOrderId = '';
  @state() private clients: ClientOption[] = [];
  /** What the status line under the client search says: nothing, no match for a term, or a failure. */
  @state() private clientSearch: { none: string } | { failed: unknown } | null = null;
  @state() private message = '';
  @state() private busy = false;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('order-select') private orderSelect?: OrderSelect;

  #opener: HTMLElement | null = null;
  #search: AbortController | undefined;

  /** Whether the dialog is open. */
  get open(): boolean {
    return !!this.dialog?.open;
  }

  /**
   * Opens the dialog for `leadId`, with `clientId` preselected when given. Resolves once the
   * dialog is open and focus is on its first field.
   */
  async show(request: AssignmentRequest): Promise<void> {
    this.#opener = deepActiveElement();
    this.leadId = request.leadId;
    this.clientId = request.clientId ?? '';
    this.currentOrderId = request.orderId ?? null;
    this.company = request.company ?? '';
    this.message = '';
    this.busy = false;
    await this.updateComplete;
    this.setOrder(this.currentOrderId ?? '');
    this.searchClients('');
    if (!this.dialog!.open) this.dialog!.showModal();
    this.internals.states.add('open');
    this.renderRoot.querySelector<HTMLElement>('#client-search')?.focus();
  }

  /** Closes the dialog without assigning; focus returns to where it was before `show()`. */
  close(): void {
    this.dialog?.close();
  }

  private onClose() {
    this.internals.states.delete('open');
    this.#search?.abort();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
  }

  private setOrder(orderId: string) {
    this.chosenOrderId = orderId;
    if (this.orderSelect) this.orderSelect.value = orderId;
  }

  private searchClients(search: string) {
    const sdk = this.sdk;
    if (!sdk) return;
    this.#search?.abort();
    const abort = (this.#search = new AbortController());
    const text = search.trim().slice(0, 200);
    Promise.resolve(sdk)
      .then((tracking) => tracking.clients.list({ ...(text ? { search: text } : {}), limit: 50 }, { signal: abort.signal }))
      .then(
        (page) => {
          if (abort.signal.aborted) return;
          this.clients = page.items;
          this.clientSearch = text && page.items.length === 0 ? { none: text } : null;
        },
        (error: unknown) => {
          if (!abort.signal.aborted) this.clientSearch = { failed: error };
        },
      );
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('clientId')) this.message = '';
  }

  protected override render() {
    const l = this.localize;
    const chosen = this.clientId;
    const listed = this.clients.some((c) => c.id === chosen);
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
      <form method="dialog" @submit=${this.submit} novalidate>
        <h2 id="title" part="heading">
          ${l.term('dialogTitle')}${this.company ? html` · <bdi part="lead">${this.company}</bdi>` : nothing}
        </h2>
        <div class="field" part="field">
          <label for="client-search">${l.term('dialogClientSearch')}</label>
          <input
            id="client-search"
            part="input"
            type="search"
            autocomplete="off"
            aria-controls="client"
            aria-describedby="client-search-status"
            @input=${(e: Event) => this.searchClients((e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
          <p id="client-search-status" class="search-status" part="search-status" role="status">${this.clientSearchText()}</p>
        </div>
        <div class="field" part="field">
          <label for="client">${l.term('dialogClient')}</label>
          <select
            id="client"
            part="input"
            required
            @change=${(e: Event) => {
              this.clientId = (e.target as HTMLSelectElement).value;
              this.setOrder('');
            }}
          >
            <option value="" ?selected=${!chosen}>${l.term('dialogChooseClient')}</option>
            ${chosen && !listed ? html`<option value=${chosen} selected>${chosen}</option>` : nothing}
            ${this.clients.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${c.client_name}</option>`)}
          </select>
        </div>
        <order-select
          part="order-select"
          allow-none
          required
          client-id=${chosen || nothing}
          .tracking=${this.sdk}
          locale=${this.locale || nothing}
          @change=${(e: Event) => {
            this.message = '';
            this.chosenOrderId = (e.currentTarget as OrderSelect).value;
          }}
        ></order-select>
        ${this.currentOrderId && !this.chosenOrderId
          ? html`<p class="note" part="leaves-order" role="status">${l.term('dialogLeavesOrder')}</p>`
          : nothing}
        <p class="message" part="message" role="alert">${this.message || nothing}</p>
        <div class="actions" part="actions">
          <button type="button" part="cancel" @click=${() => this.close()}>${l.term('dialogCancel')}</button>
          <button type="submit" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? l.term('dialogAssigning') : l.term('dialogAssign')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private clientSearchText() {
    const found = this.clientSearch;
    if (!found) return nothing;
    const l = this.localize;
    // The term is the reader's own text, in any script: isolated, so a right-to-left sentence keeps its order.
    return 'none' in found ? l.term('dialogNoClients')(isolate(found.none)) : l.term('dialogClientsFailed')(refusalText(l, found.failed));
  }

  private async submit(event: SubmitEvent) {
    // The form's method="dialog" would close the dialog at once; it closes after the database answers.
    event.preventDefault();
    const tracking = this.sdk;
    if (!tracking || this.busy) return;
    const l = this.localize;
    const select = this.orderSelect!;
    if (!this.clientId) {
      this.message = l.term('dialogClientRequired');
      this.renderRoot.querySelector<HTMLElement>('#client')?.focus();
      return;
    }
    if (!select.checkValidity()) {
      this.message = l.term('dialogOrderRequired');
      select.focus();
      return;
    }
    // order-select never holds a full order; one that filled up since it was listed is refused below.
    const orderId = select.value || null;
    // The lead's own order counts it already: keeping it there needs no free place.
    if (select.selectedOrder && select.selectedOrder.leads_remaining <= 0 && orderId !== this.currentOrderId) {
      this.message = l.term('dialogOrderFull');
      return;
    }
    this.busy = true;
    this.message = '';
    try {
      const result = await tracking.leads.assignToClient(this.leadId, this.clientId, orderId);
      const detail: LeadAssignedDetail = { leadId: this.leadId, clientId: this.clientId, orderId, result };
      this.close();
      this.dispatchEvent(new CustomEvent<LeadAssignedDetail>('lead-assigned', { detail, bubbles: true, composed: true }));
    } catch (error) {
      // The known refusals in the reader's language, with their numbers; any other in its own words.
      this.message = l.term('dialogRefused')(refusalText(l, error));
    } finally {
      this.busy = false;
    }
  }
}
