import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { loadOrders } from '../shared/order-list-loader.js';
import { TrackedElement } from '../shared/tracked-element.js';
import { select } from '../shared/locales/en/select.js';
import { tokens } from '../shared/tokens.js';
import { errorView, stateStyles } from '../shared/states.js';
import type { Order } from '../shared/types.js';
import { buildOptions, firstEnabled, lastEnabled, nextEnabled, type SelectOption } from './options.js';
import { TypeAhead } from './typeahead.js';
import { styles } from './order-select.styles.js';

/**
 * Chooses the order a lead is assigned to. Lists a client's orders as
 * "ORD-2025-001 · Q1 Hiring Blitz (45/100)", disables orders that cannot take a lead and says
 * why, and warns when the chosen order is nearly full. A form control: it submits `name=value`
 * (the order id, empty for none) with its `<form>`, supports `required`, `checkValidity()` and
 * form reset. Keyboard use follows the WAI-ARIA select-only combobox pattern, with type-ahead.
 *
 * @summary The order dropdown of the lead assignment flow.
 * @tag order-select
 *
 * @attr client-id - Whose orders to list through the SDK. Ignored when `.orders` is set.
 * @attr name - The form field name.
 * @attr value - The chosen order's id (the attribute sets the value the form resets to).
 * @attr label - The visible label (default "Order").
 * @attr allow-none - Offers "Assign without order" (value `''`), which then satisfies `required`.
 * @attr required - A choice is needed for the form to submit.
 * @attr disabled - Cannot be changed and is not submitted.
 * @attr locale - Language tag; defaults to the nearest `lang`.
 *
 * @fires change - The user chose an option (also `input`, just before).
 * @fires input - The user chose an option.
 *
 * @csspart label - The label.
 * @csspart combobox - The closed control showing the choice.
 * @csspart display - The choice's text inside the control.
 * @csspart listbox - The open list.
 * @csspart option - Each option.
 * @csspart option-reason - Why an option is disabled.
 * @csspart warning - The nearly-full warning.
 * @csspart note - Messages shown instead of options (no client, no orders).
 * @csspart error - The load error and its retry button.
 *
 * @cssprop --lo-select-max-height - The open list's maximum height.
 * @cssprop --lo-select-z-index - The open list's stacking order.
 *
 * @cssstate open - The list is open.
 * @cssstate loading - Fetching the orders.
 * @cssstate ready - Orders are shown.
 * @cssstate error - The fetch failed.
 */
export class OrderSelect extends TrackedElement {
  static override styles = [tokens, stateStyles, styles];
  static override terms = select;
  static formAssociated = true;

  /** Whose orders to list through the SDK. */
  @property({ attribute: 'client-id' }) clientId?: string;

  /** The orders to offer as they are; nothing is fetched while it is set. */
  @property({ attribute: false }) orders?: Order[];

  /**
   * The field name the value submits under. Reflected: a form reads a form-associated element's
   * name from its `name` attribute only, so a name set as a property (as React wrappers do) must
   * reach the attribute or the value is left out of the submission.
   */
  @property({ reflect: true }) name = '';
  /** The chosen order's id; `''` means no order. */
  @property() value = '';
  @property() label?: string;
  @property({ type: Boolean, attribute: 'allow-none' }) allowNone = false;
  @property({ type: Boolean }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private open = false;
  @state() private active = -1;
  @state() private formDisabled = false;

  @query('.combobox') private combobox?: HTMLElement;

  #defaultValue: string | undefined;
  #typeAhead = new TypeAhead();

  protected override readonly data: DataController<Order[]> = new DataController<Order[]>(this, {
    given: () => this.orders,
    args: () => (this.clientId ? [this.clientId] : undefined),
    load: (tracking, signal, changes) => loadOrders(tracking, { clientId: this.clientId! }, signal, this.data.value, changes),
    watch: () => (this.clientId ? { clientId: this.clientId } : undefined),
  });

  // ------------------------------------------------------------------ form control API

  get form() {
    return this.internals.form;
  }
  get validity() {
    return this.internals.validity;
  }
  get validationMessage() {
    return this.internals.validationMessage;
  }
  get willValidate() {
    return this.internals.willValidate;
  }
  checkValidity() {
    return this.internals.checkValidity();
  }
  reportValidity() {
    return this.internals.reportValidity();
  }

  /** The chosen order's row, when it is among the listed orders. */
  get selectedOrder(): Order | undefined {
    return this.value ? this.data.value?.find((o) => o.id === this.value) : undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#defaultValue ??= this.value;
  }

  formResetCallback() {
    this.value = this.#defaultValue ?? '';
    this.open = false;
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: string | null) {
    this.value = restored ?? '';
  }

  override focus(options?: FocusOptions) {
    this.combobox?.focus(options);
  }

  // ------------------------------------------------------------------ rendering

  private get isDisabled() {
    return this.disabled || this.formDisabled;
  }

  private options(): SelectOption[] {
    return buildOptions(this.localize, this.data.value ?? [], this.allowNone);
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (changed.has('open')) {
      this.#typeAhead.reset();
      if (this.open) this.internals.states.add('open');
      else this.internals.states.delete('open');
    }
    this.internals.setFormValue(this.value);
    const missing = this.required && !this.allowNone && !this.value;
    if (missing && this.combobox) {
      this.internals.setValidity({ valueMissing: true }, this.localize.term('selectValueMissing'), this.combobox);
    } else {
      this.internals.setValidity({});
    }
    if (this.open && changed.has('active')) {
      this.renderRoot.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render() {
    const l = this.localize;
    const { status } = this.data;
    const options = this.options();
    const selected = options.find((o) => o.value === this.value && (o.value || this.allowNone));
    const label = this.label ?? l.term('selectLabel');
    const busy = status === 'loading';
    const unavailable = this.isDisabled || busy || status === 'error';
    const warning = this.selectedOrder?.is_nearly_full ? this.selectedOrder : undefined;
    let display: unknown = selected?.label;
    if (busy) display = l.term('loading');
    else if (!display) display = html`<span class="placeholder">${l.term('selectPlaceholder')}</span>`;

    return html`<div>
      <label id="label" part="label" @click=${() => this.focus()}>${label}</label>
      <div
        class="combobox"
        part="combobox"
        role="combobox"
        tabindex=${this.isDisabled ? '-1' : '0'}
        aria-labelledby="label"
        aria-controls="listbox"
        aria-haspopup="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
        aria-disabled=${unavailable ? 'true' : 'false'}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.required && !this.allowNone && !this.value && this.internals.states.has('touched') ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        aria-describedby="warning note"
        @click=${() => this.toggle(!this.open)}
        @keydown=${this.onKeydown}
        @blur=${this.onBlur}
      >
        <span class="display" part="display">${display}</span>
        <span class="caret" aria-hidden="true"></span>
      </div>
      <ul id="listbox" role="listbox" part="listbox" aria-labelledby="label" ?hidden=${!this.open}>
        ${this.open ? options.map((option, i) => this.renderOption(option, i)) : nothing}
      </ul>
      <div id="warning" class="warning note" part="warning" role="status">${warning
        ? l.term('nearlyFull')(warning.leads_remaining, l.number(warning.leads_remaining))
        : nothing}</div>
      <div id="note" class="note" part="note">${this.renderNote(options)}</div>
    </div>`;
  }

  private renderOption(option: SelectOption, i: number) {
    const selected = option.value === this.value;
    return html`<li
      id="option-${i}"
      role="option"
      part="option"
      class=${i === this.active ? 'active' : ''}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${option.disabledReason ? 'true' : 'false'}
      @mousedown=${(e: Event) => e.preventDefault()}
      @click=${() => this.choose(i)}
    >
      <span>${option.label}</span>${option.disabledReason
        ? html`<span class="reason" part="option-reason">${option.disabledReason}</span>`
        : nothing}
    </li>`;
  }

  private renderNote(options: SelectOption[]) {
    const l = this.localize;
    const { status } = this.data;
    if (status === 'error') return errorView(l, () => this.data.retry());
    if (status === 'idle' && !this.orders) return l.term('selectNoClient');
    if (status === 'ready' && options.every((o) => !o.order)) return l.term('selectEmpty');
    return nothing;
  }

  // ------------------------------------------------------------------ behaviour

  private toggle(open: boolean) {
    if (open && (this.isDisabled || this.data.status !== 'ready')) return;
    if (open === this.open) return;
    this.open = open;
    if (open) {
      const options = this.options();
      const current = options.findIndex((o) => o.value === this.value && !o.disabledReason);
      this.active = current >= 0 && (this.value || this.allowNone) ? current : firstEnabled(options);
    }
  }

  /** Chooses option `i` (never a disabled one) and tells the host, as a native select does. */
  private choose(i: number) {
    const option = this.options()[i];
    if (!option || option.disabledReason) return;
    this.open = false;
    this.internals.states.add('touched');
    if (option.value === this.value) return;
    this.value = option.value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onBlur = () => {
    this.open = false;
    this.internals.states.add('touched');
    this.requestUpdate();
  };

  private onKeydown = (event: KeyboardEvent) => {
    if (this.isDisabled || this.data.status !== 'ready') return;
    const options = this.options();
    const { key } = event;
    let handled = true;
    if (!this.open) {
      if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter' || key === ' ') this.toggle(true);
      else if (key === 'Home') (this.toggle(true), (this.active = firstEnabled(options)));
      else if (key === 'End') (this.toggle(true), (this.active = lastEnabled(options)));
      else if (isPrintable(event)) {
        // Closed, a native select changes its value as you type; so does this one.
        const found = this.#typeAhead.find(options, options.findIndex((o) => o.value === this.value), key);
        if (found >= 0) this.choose(found);
      } else handled = false;
    } else if (key === 'ArrowDown') this.active = nextEnabled(options, this.active, 1);
    else if (key === 'ArrowUp') {
      if (event.altKey) this.choose(this.active);
      else this.active = nextEnabled(options, this.active, -1);
    } else if (key === 'Home') this.active = firstEnabled(options);
    else if (key === 'End') this.active = lastEnabled(options);
    else if (key === 'PageDown') this.active = move(options, this.active, 10);
    else if (key === 'PageUp') this.active = move(options, this.active, -10);
    else if (key === 'Enter' || key === ' ') this.choose(this.active);
    else if (key === 'Escape') this.open = false;
    else if (key === 'Tab') {
      this.open = false;
      handled = false; // let focus move on
    } else if (isPrintable(event)) {
      const found = this.#typeAhead.find(options, this.active, key);
      if (found >= 0) this.active = found;
    } else handled = false;
    if (handled) event.preventDefault();
  };
}

function isPrintable(event: KeyboardEvent) {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Moves `steps` enabled options at most, stopping at the ends. */
function move(options: readonly SelectOption[], from: number, steps: number) {
  let at = from;
  for (let n = 0; n < Math.abs(steps); n++) at = nextEnabled(options, at, steps > 0 ? 1 : -1);
  return at;
}
