import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { orderForm } from '../shared/locales/en/order-form.js';
import { tokens } from '../shared/tokens.js';
import { errorView, messageView, skeleton, stateStyles } from '../shared/states.js';
import type { Tracking } from '../shared/tracking.js';
import type { Order } from '../shared/types.js';
import { bounds, changesFrom, createInput, emptyValues, fieldMessage, invalidFields, refusalsOf, type Field, type MessageContext, type Values } from './fields.js';
import { formatDay } from '../shared/data-table/date-format.js';
import { styles } from './order-form.styles.js';

/** `detail` of `order-saved`. */
export interface OrderSavedDetail {
  order: Order;
  /** True for a new order, false for an edit. */
  created: boolean;
}

type ClientOption = Awaited<ReturnType<Tracking['clients']['list']>>['items'][number];

/** The manual number's availability, as `orders.isNumberAvailable` last answered. */
type NumberCheck = 'idle' | 'checking' | 'available' | 'taken';

const initialStatuses = ['Draft', 'Active', 'Paused'] as const;

/** The order being edited, as loaded; `null` while creating. */
interface Loaded {
  order: Order | null;
}

/** The values an order fills the form with. */
function valuesOf(order: Order): Values {
  return {
    client_id: order.client_id,
    number_mode: 'manual',
    order_number: order.order_number,
    leads_purchased: String(order.leads_purchased),
    start_date: order.start_date ?? '',
    target_delivery_date: order.target_delivery_date ?? '',
    name: order.name ?? '',
    description: order.description ?? '',
    priority: String(order.priority),
    status: order.status,
  };
}

/**
 * Creates an order, or edits one when given `order-id`: client (searched through
 * `clients.list`), order number (automatic, previewing `orders.nextNumber()`, or manual, checked
 * with `orders.isNumberAvailable` as you type), leads purchased, start and target dates, name,
 * description, priority and, for a new order, its initial status.
 *
 * A real `<form>`: labels, Enter submits, each field's problem sits under it
 * (`aria-describedby`, `aria-invalid`) and is announced. Fields are checked with the SDK's own
 * zod schemas when they change and again before submitting; what only the database knows comes
 * back as its refusal and lands on its field: `order_number_taken` on the number,
 * `quantity_below_delivered` and `invalid_quantity` on the quantity, `invalid_dates` on the date
 * it names (else the target date), `invalid_input` on the field its `details.field` names,
 * `client_not_found` on the client. Anything else is said above the form. Every bounded field
 * names its bound in its message (number ≤ 40 characters, name ≤ 200, description ≤ 10,000,
 * quantity 1–10,000,000, priority ±1,000, dates 2000-01-01–2100-12-31).
 *
 * The availability check sends one request per `input` event and cancels the one before (an
 * `AbortSignal`), so only the answer for the latest text counts; no timers.
 *
 * @summary Create or edit an order.
 * @tag order-form
 *
 * @attr order-id - Edit this order (loaded through `orders.get`); without it the form creates one.
 * @attr client-id - Preselects the client of a new order.
 * @attr heading-level - Level of the form's heading (default 2).
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires {CustomEvent<OrderSavedDetail>} order-saved - The database saved the order; `detail.order` is the row as saved.
 *
 * @csspart form - The `<form>`.
 * @csspart heading - The title.
 * @csspart field - Each label with its input and message.
 * @csspart input - Each input, select and textarea.
 * @csspart field-error - A field's problem.
 * @csspart number-status - Whether a manual number is free, or the automatic number's preview.
 * @csspart summary - The form-level message (fields to fix, a refusal, or saved).
 * @csspart submit - The submit button.
 *
 * @cssstate loading - Loading the order to edit.
 * @cssstate ready - The form is shown.
 * @cssstate error - Loading the order failed.
 * @cssstate not-found - No such order for the current user.
 */
export class OrderForm extends TrackedElement {
  static override styles = [tokens, stateStyles, styles];
  static override terms = orderForm;

  @property({ attribute: 'order-id' }) orderId?: string;
  @property({ attribute: 'client-id' }) clientId?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private values: Values = emptyValues();
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private clients: ClientOption[] = [];
  @state() private nextNumber = '';
  @state() private numberCheck: NumberCheck = 'idle';
  @state() private saving = false;
  @state() private summary: { kind: 'error' | 'done'; text: string } | null = null;

  #loaded: Values | undefined;
  #loadedFor: unknown;
  #clientSearch: AbortController | undefined;
  #numberCheck: AbortController | undefined;
  #previewFor: unknown;

  protected override readonly data = new DataController<Loaded>(this, {
    given: () => (this.orderId ? undefined : { order: null }),
    args: () => (this.orderId ? [this.orderId] : undefined),
    load: async (tracking, signal) => ({
      order: (await tracking.orders.get(this.orderId!, { signal, leadLimit: 0, timelineLimit: 0 })).order,
    }),
  });

  private get mode(): 'create' | 'edit' {
    return this.orderId ? 'edit' : 'create';
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('clientId') && this.mode === 'create' && this.clientId && !this.values.client_id) {
      this.values = { ...this.values, client_id: this.clientId };
    }
    if (changed.has('orderId')) {
      this.#loaded = undefined;
      this.#loadedFor = undefined;
      this.values = { ...emptyValues(), client_id: this.clientId ?? '' };
      this.errors = {};
      this.summary = null;
    }
    const sdk = this.sdk;
    // The order to edit fills the form once it is loaded; later refetches do not overwrite typing.
    // (The data arrives between updates and asks for one, so this runs before that render.)
    const order = this.data.value?.order;
    if (order && this.#loadedFor !== order.id) {
      this.#loadedFor = order.id;
      this.#loaded = valuesOf(order);
      this.values = this.#loaded;
    }
    if (sdk && this.#previewFor !== sdk) {
      this.#previewFor = sdk;
      this.searchClients('');
      if (this.mode === 'create') this.previewNumber();
    }
  }

  /** The automatic number the next order would get (not taken until it is saved). */
  private previewNumber() {
    const sdk = this.sdk;
    if (!sdk) return;
    Promise.resolve(sdk)
      .then((tracking) => tracking.orders.nextNumber())
      .then(
        (number) => (this.nextNumber = number),
        () => (this.nextNumber = ''),
      );
  }

  private searchClients(search: string) {
    const sdk = this.sdk;
    if (!sdk || this.mode === 'edit') return;
    this.#clientSearch?.abort();
    const abort = (this.#clientSearch = new AbortController());
    const text = search.trim().slice(0, 200);
    Promise.resolve(sdk)
      .then((tracking) => tracking.clients.list({ ...(text ? { search: text } : {}), limit: 50 }, { signal: abort.signal }))
      .then(
        (page) => {
          if (!abort.signal.aborted) this.clients = page.items;
        },
        () => undefined,
      );
  }

  /** One request per input event; the previous one is cancelled, so only the latest text is answered. */
  private checkNumber(number: string) {
    const sdk = this.sdk;
    this.#numberCheck?.abort();
    const text = number.trim();
    if (!sdk || !text || (this.mode === 'edit' && text === this.#loaded?.order_number)) {
      this.numberCheck = 'idle';
      return;
    }
    if ([...text].length > bounds.orderNumber) {
      // No order can hold it: say so on the field instead of asking the database.
      this.numberCheck = 'idle';
      this.setError('order_number', fieldMessage(this.messages, 'order_number', this.values));
      return;
    }
    const abort = (this.#numberCheck = new AbortController());
    this.numberCheck = 'checking';
    sdk.orders.isNumberAvailable(text, { signal: abort.signal }).then(
      (free) => {
        if (abort.signal.aborted) return;
        this.numberCheck = free ? 'available' : 'taken';
        this.setError('order_number', free ? undefined : this.localize.term('numberTaken'));
      },
      () => {
        if (!abort.signal.aborted) this.numberCheck = 'idle';
      },
    );
  }

  private setError(field: Field, message: string | undefined) {
    const errors = { ...this.errors };
    if (message) errors[field] = message;
    else delete errors[field];
    this.errors = errors;
  }

  private set(field: keyof Values, value: string) {
    this.values = { ...this.values, [field]: value } as Values;
  }

  /** Checks one field after it changed (the database's own refusal stays until the field changes). */
  private validateField(field: Field) {
    const bad = invalidFields(this.values, this.mode, this.#loaded);
    this.setError(field, bad.has(field) ? fieldMessage(this.messages, field, this.values) : undefined);
  }

  /** The words and formats the field messages use, in the form's language. */
  private get messages(): MessageContext {
    const l = this.localize;
    return { term: (k) => l.term(k), number: (n) => l.number(n), day: (d) => formatDay(l.lang(), d) };
  }

  protected override render() {
    const l = this.localize;
    const { status } = this.data;
    if (this.mode === 'edit' && status !== 'ready') {
      if (status === 'error') return errorView(l, () => this.data.retry());
      if (status === 'not-found') return messageView(l.term('orderNotFound'), 'not-found');
      return skeleton(l);
    }
    const title = this.mode === 'create' ? l.term('formCreateTitle') : l.term('formEditTitle')(this.#loaded?.order_number ?? '');
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<form part="form" class="card" novalidate @submit=${this.submit} aria-labelledby="heading">
      <div id="heading" class="heading" part="heading" role="heading" aria-level=${level}>${title}</div>
      <div class="summary ${this.summary?.kind ?? ''}" part="summary" role="alert">${this.summary?.text ?? nothing}</div>
      ${this.renderClient()} ${this.renderNumber()}
      <div class="row">
        ${this.input('leads_purchased', l.term('fieldQuantity'), { type: 'text', required: true, inputmode: 'numeric' })}
        ${this.input('priority', l.term('fieldPriority'), { type: 'text', inputmode: 'numeric' })}
      </div>
      <div class="row">
        ${this.input('start_date', l.term('fieldStartDate'), { type: 'date' })}
        ${this.input('target_delivery_date', l.term('fieldTargetDate'), { type: 'date', min: this.values.start_date || undefined })}
      </div>
      ${this.input('name', l.term('fieldName'), { type: 'text', maxlength: String(bounds.name) })}
      ${this.field('description', l.term('fieldDescription'), html`<textarea
        id="description"
        name="description"
        part="input"
        rows="3"
        aria-invalid=${this.errors.description ? 'true' : 'false'}
        aria-describedby="description-error"
        .value=${this.values.description}
        @input=${(e: Event) => this.set('description', (e.target as HTMLTextAreaElement).value)}
      ></textarea>`)}
      ${this.mode === 'create' ? this.renderStatus() : nothing}
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${this.saving ? l.term('saving') : this.mode === 'create' ? l.term('submitCreate') : l.term('submitEdit')}
        </button>
      </div>
    </form>`;
  }

  /** A label, its control and the control's message, linked by ids (all inside this shadow root). */
  private field(field: Field, label: string, control: TemplateResult, extra: TemplateResult | typeof nothing = nothing) {
    return html`<div class="field" part="field">
      <label for=${field}>${label}</label>
      ${control} ${extra}
      <p class="field-error" part="field-error" id="${field}-error" aria-live="polite">${this.errors[field] ?? nothing}</p>
    </div>`;
  }

  private input(field: Field, label: string, attrs: { type: string; min?: string | undefined; step?: string; required?: boolean; inputmode?: string; maxlength?: string }) {
    return this.field(
      field,
      label,
      html`<input
        id=${field}
        name=${field}
        part="input"
        type=${attrs.type}
        min=${attrs.min ?? nothing}
        step=${attrs.step ?? nothing}
        inputmode=${attrs.inputmode ?? nothing}
        maxlength=${attrs.maxlength ?? nothing}
        ?required=${!!attrs.required}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby="${field}-error"
        .value=${this.values[field]}
        @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}
        @change=${() => this.validateField(field)}
      />`,
    );
  }

  private renderClient() {
    const l = this.localize;
    if (this.mode === 'edit') {
      // An order never changes client (the database refuses); the client is shown, not offered.
      return html`<div class="field" part="field">
        <span class="label">${l.term('fieldClient')}</span>
        <bdi>${this.data.value?.order?.client_name ?? ''}</bdi>
      </div>`;
    }
    const chosen = this.values.client_id;
    const listed = this.clients.some((c) => c.id === chosen);
    return html`<div class="field" part="field">
        <label for="client-search">${l.term('fieldClientSearch')}</label>
        <input
          id="client-search"
          part="input"
          type="search"
          autocomplete="off"
          aria-controls="client_id"
          @input=${(e: Event) => this.searchClients((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            // Enter in the search finds clients; it does not submit the order.
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      ${this.field(
        'client_id',
        l.term('fieldClient'),
        html`<select
          id="client_id"
          name="client_id"
          part="input"
          required
          aria-invalid=${this.errors.client_id ? 'true' : 'false'}
          aria-describedby="client_id-error"
          @change=${(e: Event) => {
            this.set('client_id', (e.target as HTMLSelectElement).value);
            this.validateField('client_id');
          }}
        >
          <option value="" ?selected=${!chosen}>${l.term('chooseClient')}</option>
          ${chosen && !listed ? html`<option value=${chosen} selected>${chosen}</option>` : nothing}
          ${this.clients.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${c.client_name}</option>`)}
        </select>`,
      )}`;
  }

  private renderNumber() {
    const l = this.localize;
    const manual = this.values.number_mode === 'manual';
    const status =
      this.numberCheck === 'checking'
        ? l.term('numberChecking')
        : this.numberCheck === 'available'
          ? l.term('numberAvailable')
          : '';
    const modes =
      this.mode === 'create'
        ? html`<fieldset class="modes">
            <legend>${l.term('fieldNumberMode')}</legend>
            ${(['auto', 'manual'] as const).map(
              (mode) => html`<label class="radio"
                ><input
                  type="radio"
                  name="number_mode"
                  value=${mode}
                  .checked=${this.values.number_mode === mode}
                  @change=${() => {
                    this.set('number_mode', mode);
                    this.setError('order_number', undefined);
                    if (mode === 'manual') this.checkNumber(this.values.order_number);
                  }}
                />
                ${mode === 'auto' ? l.term('numberAuto') : l.term('numberManual')}</label
              >`,
            )}
            ${manual
              ? nothing
              : html`<span class="hint" part="number-status" aria-live="polite">${this.nextNumber ? l.term('numberPreview')(this.nextNumber) : nothing}</span>`}
          </fieldset>`
        : nothing;
    // One template whichever the mode: a different one would rebuild the radios under the focus
    // as ArrowLeft/ArrowRight change the mode, and the focus would fall to the page.
    return html`${modes}
    ${!manual ? nothing : this.field(
      'order_number',
      l.term('fieldNumber'),
      html`<input
        id="order_number"
        name="order_number"
        part="input"
        type="text"
        required
        maxlength=${bounds.orderNumber}
        autocomplete="off"
        aria-invalid=${this.errors.order_number ? 'true' : 'false'}
        aria-describedby="order_number-error order_number-status"
        .value=${this.values.order_number}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          this.set('order_number', value);
          this.setError('order_number', undefined);
          this.checkNumber(value);
        }}
      />`,
      html`<span class="hint" id="order_number-status" part="number-status" aria-live="polite">${status}</span>`,
    )}`;
  }

  private renderStatus() {
    const l = this.localize;
    const names = l.term('status');
    return this.field(
      'status',
      l.term('fieldStatus'),
      html`<select
        id="status"
        name="status"
        part="input"
        aria-describedby="status-error"
        @change=${(e: Event) => this.set('status', (e.target as HTMLSelectElement).value)}
      >
        ${initialStatuses.map((s) => html`<option value=${s} ?selected=${this.values.status === s}>${names[s]}</option>`)}
      </select>`,
    );
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const tracking = this.sdk;
    if (!tracking || this.saving) return;
    const l = this.localize;
    const bad = invalidFields(this.values, this.mode, this.#loaded);
    const errors: Partial<Record<Field, string>> = {};
    for (const field of bad) errors[field] = fieldMessage(this.messages, field, this.values);
    // A number the database already said is taken stays wrong until it changes.
    if (this.numberCheck === 'taken' && this.values.number_mode === 'manual') errors.order_number = l.term('numberTaken');
    if (Object.keys(errors).length) return this.showErrors(errors);

    this.saving = true;
    this.summary = null;
    try {
      const order =
        this.mode === 'create'
          ? await tracking.orders.create(createInput(this.values))
          : await tracking.orders.update(this.orderId!, changesFrom(this.values, this.#loaded!));
      this.errors = {};
      this.summary = { kind: 'done', text: l.term('saved')(order.order_number) };
      if (this.mode === 'edit') {
        this.#loaded = valuesOf(order);
        this.values = this.#loaded;
      } else {
        this.values = { ...emptyValues(), client_id: this.clientId ?? '' };
        this.numberCheck = 'idle';
        this.previewNumber();
      }
      this.dispatchEvent(
        new CustomEvent<OrderSavedDetail>('order-saved', { detail: { order, created: this.mode === 'create' }, bubbles: true, composed: true }),
      );
    } catch (error) {
      const refusals = refusalsOf(error, this.messages, this.values);
      if (refusals.length) {
        if (refusals.some((r) => r.field === 'order_number') && (error as { code?: string }).code === 'order_number_taken') this.numberCheck = 'taken';
        this.showErrors(Object.fromEntries(refusals.map((r) => [r.field, r.message])));
      } else {
        const { message } = error as { message?: string };
        this.summary = { kind: 'error', text: l.term('saveFailed')(message ?? String(error)) };
      }
    } finally {
      this.saving = false;
    }
  }

  /** Shows each field's problem, says how many above the form, and moves focus to the first. */
  private async showErrors(errors: Partial<Record<Field, string>>) {
    const l = this.localize;
    this.errors = errors;
    const n = Object.keys(errors).length;
    this.summary = { kind: 'error', text: l.term('fixFields')(n, l.number(n)) };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
