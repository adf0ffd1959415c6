import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataController } from '../shared/data-controller.js';
import { FormControl, type Invalidity } from '../shared/form-control.js';
import { loadOrders } from '../shared/order-list-loader.js';
import { select } from '../shared/locales/en/select.js';
import { tokens } from '../shared/tokens.js';
import { errorView, stateStyles } from '../shared/states.js';
import type { Order } from '../shared/types.js';
import { buildOptions, moveBy, optionLabel, type SelectOption } from './options.js';
import { TypeAhead } from './typeahead.js';
import { styles } from './order-select.styles.js';

/**
 * Chooses the order a lead is assigned to. Lists a client's orders as
 * "ORD-2025-001 · Q1 Hiring Blitz (45/100)", disables orders that cannot take a lead and says
 * why, and warns when the chosen order is nearly full. A form control (see `FormControl`): it
 * submits `name=value` (the order id, empty for none) with its `<form>`, supports `required`,
 * `checkValidity()`, form reset to the `value` attribute and form state restore, the same whether
 * the host sets attributes or properties. Keyboard use follows the WAI-ARIA select-only combobox
 * pattern, with type-ahead; disabled orders are reachable and say why, but cannot be chosen.
 *
 * @summary The order dropdown of the lead assignment flow.
 * @tag order-select
 *
 * @attr client-id - Whose orders to list through the SDK. Ignored when `.orders` is set.
 * @attr name - The form field name.
 * @attr value - The default value (`defaultValue`): the chosen order's id until the user or the
 *   host changes `.value`, and what form reset returns to, at any time.
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
 * @cssprop --lo-select-max-height - The open list's maximum height; it is also bounded by the
 *   room in the viewport below the control (or above it, where it opens when there is more room).
 * @cssprop --lo-select-z-index - The open list's stacking order.
 *
 * @cssstate open - The list is open.
 * @cssstate loading - Fetching the orders.
 * @cssstate ready - Orders are shown.
 * @cssstate error - The fetch failed.
 * @cssstate not-found - The client does not exist or is not visible (the SDK refused with `client_not_found`).
 * @cssstate no-sdk - A `client-id` but no SDK instance (and no `.orders`); also warned in the console once.
 */
export class OrderSelect extends FormControl {
  static override styles = [tokens, stateStyles, styles];
  static override terms = select;
  protected static override formAttributes = [...FormControl.formAttributes, 'allow-none'];

  /** Whose orders to list through the SDK. */
  @property({ attribute: 'client-id' }) clientId?: string;

  /** The orders to offer as they are; nothing is fetched while it is set. */
  @property({ attribute: false }) orders?: Order[];

  @property() label?: string;

  @state() private open = false;
  @state() private active = -1;

  #typeAhead = new TypeAhead();

  protected override readonly data: DataController<Order[]> = new DataController<Order[]>(this, {
    given: () => this.orders,
    args: () => (this.clientId ? [this.clientId] : undefined),
    load: (tracking, signal, changes) => loadOrders(tracking, { clientId: this.clientId! }, signal, this.data.value, changes),
    watch: () => (this.clientId ? { clientId: this.clientId } : undefined),
  });

  /** Offers "Assign without order" (value `''`), which then satisfies `required` (the `allow-none` attribute). */
  get allowNone(): boolean {
    return this.hasAttribute('allow-none');
  }
  set allowNone(allow: boolean) {
    this.toggleAttribute('allow-none', !!allow);
  }

  /** The chosen order's row, when it is among the listed orders. */
  get selectedOrder(): Order | undefined {
    return this.value ? this.data.value?.find((o) => o.id === this.value) : undefined;
  }

  override focus(options?: FocusOptions) {
    this.combobox?.focus(options);
  }

  override formResetCallback() {
    super.formResetCallback();
    this.open = false;
  }

  protected override invalidity(): Invalidity | undefined {
    if (!this.required || this.allowNone || this.value) return undefined;
    return { flags: { valueMissing: true }, message: this.localize.term('selectValueMissing') };
  }

  protected override validationAnchor() {
    return this.combobox;
  }

  private get combobox(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('.combobox') ?? null;
  }

  // ------------------------------------------------------------------ rendering

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
    if (changed.has('open')) {
      if (this.open) {
        this.place();
        addEventListener('scroll', this.place, { capture: true, passive: true });
        addEventListener('resize', this.place, { passive: true });
      } else this.unplace();
    }
    if (this.open && changed.has('active')) this.scrollActiveIntoList();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unplace();
  }

  /**
   * Places the open list in the viewport (`position: fixed`), below the control or, where there
   * is more room, above it, its height bounded by the room there. Inside a scrolling container
   * such as a modal `<dialog>`, a list positioned in the flow made the container scroll and
   * took the dialog's title and buttons out of view.
   */
  private place = () => {
    const listbox = this.renderRoot.querySelector<HTMLElement>('[role="listbox"]');
    const combobox = this.combobox;
    if (!listbox || !combobox || !this.open) return;
    const box = combobox.getBoundingClientRect();
    const gap = 4;
    const below = innerHeight - box.bottom - 2 * gap;
    const above = box.top - 2 * gap;
    const upward = below < 160 && above > below;
    Object.assign(listbox.style, {
      position: 'fixed',
      left: `${box.left}px`,
      width: `${box.width}px`,
      top: upward ? 'auto' : `${box.bottom + gap}px`,
      bottom: upward ? `${innerHeight - box.top + gap}px` : 'auto',
      maxHeight: `min(var(--lo-select-max-height, 18rem), ${Math.max(upward ? above : below, 48)}px)`,
      margin: '0',
    });
  };

  private unplace() {
    removeEventListener('scroll', this.place, { capture: true });
    removeEventListener('resize', this.place);
  }

  /** Scrolls the list itself (never the page or the dialog around it) to show the active option. */
  private scrollActiveIntoList() {
    const listbox = this.renderRoot.querySelector<HTMLElement>('[role="listbox"]');
    const active = this.renderRoot.querySelector<HTMLElement>('.active');
    if (!listbox || !active) return;
    const top = active.offsetTop - listbox.clientTop;
    if (top < listbox.scrollTop) listbox.scrollTop = top;
    else if (top + active.offsetHeight > listbox.scrollTop + listbox.clientHeight) listbox.scrollTop = top + active.offsetHeight - listbox.clientHeight;
  }

  protected override render() {
    const l = this.localize;
    const { status } = this.data;
    const options = this.options();
    const selected = options.find((o) => o.value === this.value && (o.value || this.allowNone));
    const label = this.label ?? l.term('selectLabel');
    const busy = status === 'loading';
    const unavailable = this.isDisabled || busy || status !== 'ready';
    const warning = this.selectedOrder?.is_nearly_full ? this.selectedOrder : undefined;
    let display: unknown;
    if (busy) display = l.term('loading');
    else if (selected) display = optionLabel(l, selected);
    else display = html`<span class="placeholder">${l.term('selectPlaceholder')}</span>`;

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
        aria-invalid=${!!this.invalidity() && this.internals.states.has('touched') ? 'true' : 'false'}
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
      <span class="label">${optionLabel(this.localize, option)}</span>${option.disabledReason
        ? html`<span class="reason" part="option-reason">${option.disabledReason}</span>`
        : nothing}
    </li>`;
  }

  private renderNote(options: SelectOption[]) {
    const l = this.localize;
    const { status } = this.data;
    if (status === 'error') return errorView(l, () => this.data.retry());
    if (status === 'no-sdk') return l.term('notConnected');
    if (status === 'not-found') return l.term('clientNotFound');
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
      const current = this.options().findIndex((o) => o.value === this.value);
      this.active = current >= 0 && (this.value || this.allowNone) ? current : 0;
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
    const { key, timeStamp } = event;
    // A space while a search is in progress continues the search ("spring s"), as in a listbox.
    const typed = isPrintable(event) || (key === ' ' && this.#typeAhead.searching(timeStamp));
    let handled = true;
    if (typed) {
      // Closed, a native select changes its value as you type, skipping what cannot be chosen;
      // open, type-ahead moves to any matching option, disabled ones included.
      const from = this.open ? this.active : options.findIndex((o) => o.value === this.value);
      const found = this.#typeAhead.find(options, from, key, timeStamp, !this.open);
      if (found >= 0 && this.open) this.active = found;
      else if (found >= 0) this.choose(found);
    } else if (!this.open) {
      if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter' || key === ' ') this.toggle(true);
      else if (key === 'Home') (this.toggle(true), (this.active = 0));
      else if (key === 'End') (this.toggle(true), (this.active = options.length - 1));
      else handled = false;
    } else if (key === 'ArrowDown') this.active = moveBy(options, this.active, 1);
    else if (key === 'ArrowUp') {
      if (event.altKey) this.choose(this.active);
      else this.active = moveBy(options, this.active, -1);
    } else if (key === 'Home') this.active = 0;
    else if (key === 'End') this.active = options.length - 1;
    else if (key === 'PageDown') this.active = moveBy(options, this.active, 10);
    else if (key === 'PageUp') this.active = moveBy(options, this.active, -10);
    else if (key === 'Enter' || key === ' ') this.choose(this.active);
    else if (key === 'Escape') this.open = false;
    else if (key === 'Tab') {
      this.open = false;
      handled = false; // let focus move on
    } else handled = false;
    if (handled) event.preventDefault();
  };
}

function isPrintable(event: KeyboardEvent) {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}
