import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { orderFilter } from '../shared/locales/en/order-filter.js';
import { tokens } from '../shared/tokens.js';
import type { Tracking } from '../shared/tracking.js';
import type { Order } from '../shared/types.js';
import { styles } from './order-filter.styles.js';

type ClientOption = Awaited<ReturnType<Tracking['clients']['list']>>['items'][number];

/** The value for "leads in no order". */
export const NO_ORDER = 'none';

/** What a host passes on to `leads.list` for the current choice. */
export type OrderFilterLeadFilters = { orderId: string } | { noOrder: true } | Record<string, never>;

/**
 * The order filter above a leads table: all orders, leads in no order, or the leads of one order
 * of a chosen client. A form control (ElementInternals): its `value` is `''` (all), `'none'`
 * (no order) or an order id, submitted under `name` with its form, reset with it, and it fires
 * `input` and `change` like a native select. `leadFilters` turns the choice into the filters
 * `leads.list` takes, so the host lists its leads with
 * `tracking.leads.list({ ...filter.leadFilters, ... })`.
 *
 * The clients come from `clients.list` (admins), the orders of the chosen client from
 * `orders.pages({ clientId })`, every status included (a filter looks at old orders too).
 *
 * @summary All orders / no order / one order of a client: the leads table's filter.
 * @tag order-filter
 *
 * @attr name - The form field name.
 * @attr value - `''` (all orders), `none` (no order) or an order id; the attribute is the reset value.
 * @attr client-id - The client whose orders "one order" offers, before the user picks one.
 * @attr disabled - Cannot be changed and is not submitted.
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires change - The user changed the choice; read `value` or `leadFilters`.
 * @fires input - The same, just before `change`.
 *
 * @csspart group - The fieldset.
 * @csspart mode - The select of all / none / one order.
 * @csspart client - The client select.
 * @csspart order - The order select.
 */
export class OrderFilter extends TrackedElement {
  static formAssociated = true;
  static override styles = [tokens, styles];
  static override terms = orderFilter;

  @property() name = '';
  @property() value = '';
  @property({ attribute: 'client-id' }) clientId = '';
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** "One order" chosen while no order is picked yet: the value stays `''` until one is. */
  @state() private pickingOne = false;
  @state() private clients: ClientOption[] = [];
  @state() private orders: Order[] = [];
  @state() private formDisabled = false;

  #defaultValue: string | undefined;
  #clientsFor: unknown;
  #ordersFor = '';
  #abort: AbortController | undefined;

  /** The filters for `leads.list` that this choice means. */
  get leadFilters(): OrderFilterLeadFilters {
    if (!this.value) return {};
    return this.value === NO_ORDER ? { noOrder: true } : { orderId: this.value };
  }

  get form() {
    return this.internals.form;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#defaultValue ??= this.getAttribute('value') ?? '';
  }

  formResetCallback() {
    this.value = this.#defaultValue ?? '';
    this.pickingOne = false;
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: string | null) {
    this.value = restored ?? '';
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('value') || changed.has('disabled')) this.internals.setFormValue(this.disabled ? null : this.value);
    const sdk = this.sdk;
    if (sdk && this.#clientsFor !== sdk) {
      this.#clientsFor = sdk;
      Promise.resolve(sdk)
        .then((tracking) => tracking.clients.list({ limit: 500 }))
        .then(
          (page) => (this.clients = page.items),
          () => undefined,
        );
    }
    // An order id given by the host names its client once the orders are known; until then the
    // client comes from `client-id`.
    if (sdk && this.oneOrder && this.clientId && this.#ordersFor !== this.clientId) this.loadOrders(sdk, this.clientId);
  }

  private get oneOrder() {
    return this.pickingOne || (!!this.value && this.value !== NO_ORDER);
  }

  private async loadOrders(tracking: Tracking, clientId: string) {
    this.#ordersFor = clientId;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const found: Order[] = [];
    try {
      for await (const page of tracking.orders.pages({ clientId, limit: 500, sort: 'newest' }, { signal: abort.signal })) found.push(...page.items);
      if (!abort.signal.aborted) this.orders = found;
    } catch {
      if (!abort.signal.aborted) this.orders = [];
    }
  }

  private choose(value: string) {
    if (value === this.value) return;
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override render() {
    const l = this.localize;
    const disabled = this.disabled || this.formDisabled;
    const mode = this.oneOrder ? 'one' : this.value === NO_ORDER ? NO_ORDER : '';
    return html`<fieldset part="group" ?disabled=${disabled}>
      <legend class="visually-hidden">${l.term('orderFilterLabel')}</legend>
      <label
        >${l.term('orderFilterLabel')}
        <select
          part="mode"
          @change=${(e: Event) => {
            const next = (e.target as HTMLSelectElement).value;
            this.pickingOne = next === 'one';
            if (next === 'one') {
              this.requestUpdate();
              if (this.value === NO_ORDER) this.choose('');
            } else this.choose(next);
          }}
        >
          <option value="" ?selected=${mode === ''}>${l.term('orderFilterAll')}</option>
          <option value=${NO_ORDER} ?selected=${mode === NO_ORDER}>${l.term('orderFilterNone')}</option>
          <option value="one" ?selected=${mode === 'one'}>${l.term('orderFilterOne')}</option>
        </select>
      </label>
      ${mode === 'one'
        ? html`<label
              >${l.term('orderFilterClient')}
              <select
                part="client"
                @change=${(e: Event) => {
                  this.clientId = (e.target as HTMLSelectElement).value;
                  this.orders = [];
                  this.#ordersFor = '';
                  this.choose('');
                  this.pickingOne = true;
                }}
              >
                <option value="" ?selected=${!this.clientId}>${l.term('orderFilterChooseClient')}</option>
                ${this.clients.map((c) => html`<option value=${c.id} ?selected=${c.id === this.clientId}>${c.client_name}</option>`)}
              </select>
            </label>
            <label
              >${l.term('orderFilterOrder')}
              <select part="order" ?disabled=${!this.clientId} @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.value}>${l.term('orderFilterChooseOrder')}</option>
                ${this.orders.map(
                  (o) => html`<option value=${o.id} ?selected=${o.id === this.value}>
                    ${o.order_number}${o.name ? ` · ${o.name}` : ''} (${l.term('status')[o.status]})
                  </option>`,
                )}
              </select>
            </label>`
        : nothing}
    </fieldset>`;
  }
}
