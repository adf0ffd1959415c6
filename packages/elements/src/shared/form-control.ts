import type { PropertyDeclarations } from 'lit';
import { TrackedElement } from './tracked-element.js';

/** Why a value is not valid: the `ValidityState` flags and the message the browser shows. */
export interface Invalidity {
  flags: ValidityStateFlags;
  message: string;
}

/**
 * What every form control of the package shares, built on `ElementInternals` and behaving as
 * native controls do, whether the host sets attributes or properties (React 19 sets properties):
 *
 * - `name`, `required` and `disabled` reflect their attributes at once, in both directions: the
 *   browser reads the `name` and `disabled` attributes of a form-associated element, so a name
 *   or a disabled state set as a property counts for the very next `FormData` or validity check.
 * - `value` is the current value; `defaultValue` is the `value` attribute. Until the user or the
 *   host changes `value`, it follows the attribute, at any time; form reset goes back to it.
 * - Form value and validity are set synchronously on every change, never after the next render.
 * - Form reset, form state restore (back/forward cache, autofill), disabled fieldsets, `labels`,
 *   `checkValidity()`, `reportValidity()`, `validity`, `validationMessage`, `willValidate`.
 *
 * A subclass renders the control, says what is invalid (`invalidity()`), points the validity
 * message at its inner control (`validationAnchor()`) and calls `setValue` for user choices.
 */
export abstract class FormControl extends TrackedElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...TrackedElement.shadowRootOptions, delegatesFocus: true };
  /**
   * Declared without an accessor and without an attribute of Lit's, so Lit keeps a value set
   * before the element was defined (and hands it to the accessors below on the first update)
   * while the attributes stay the only store.
   */
  static override properties: PropertyDeclarations = {
    name: { attribute: false, noAccessor: true },
    value: { attribute: false, noAccessor: true },
    defaultValue: { attribute: false, noAccessor: true },
    required: { attribute: false, noAccessor: true },
    disabled: { attribute: false, noAccessor: true },
  };
  /** The attributes whose changes update the form state right away. */
  protected static formAttributes = ['name', 'value', 'required', 'disabled'];

  static override get observedAttributes() {
    return [...super.observedAttributes, ...this.formAttributes];
  }

  #value = '';
  /** Whether `value` was set (by the user or the host) since the last reset: then it no longer follows the attribute. */
  #dirty = false;
  /** Set by a disabled `<fieldset>` around the element. */
  protected formDisabled = false;

  /** The form field name (the `name` attribute). */
  get name(): string {
    return this.getAttribute('name') ?? '';
  }
  set name(name: string) {
    this.setAttribute('name', name);
  }

  /** A value is needed for the form to submit (the `required` attribute). */
  get required(): boolean {
    return this.hasAttribute('required');
  }
  set required(required: boolean) {
    this.toggleAttribute('required', !!required);
  }

  /** Cannot be changed, is not submitted and is not validated (the `disabled` attribute). */
  get disabled(): boolean {
    return this.hasAttribute('disabled');
  }
  set disabled(disabled: boolean) {
    this.toggleAttribute('disabled', !!disabled);
  }

  /** The value the form resets to: the `value` attribute, `''` without one. */
  get defaultValue(): string {
    return this.getAttribute('value') ?? '';
  }
  set defaultValue(value: string) {
    this.setAttribute('value', value);
  }

  /** The current value, submitted as `name=value`; follows `defaultValue` until it is changed. */
  get value(): string {
    return this.#dirty ? this.#value : this.defaultValue;
  }
  set value(value: string) {
    this.#value = value == null ? '' : String(value);
    this.#dirty = true;
    this.formStateChanged();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if ((this.constructor as typeof FormControl).formAttributes.includes(name)) this.formStateChanged();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.formStateChanged();
  }

  protected override firstUpdated() {
    this.#setFormState(); // the validity message can now point at the rendered control
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get labels(): NodeList {
    return this.internals.labels;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback() {
    this.#dirty = false;
    this.formStateChanged();
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | null) {
    this.value = state ?? '';
  }

  /** Disabled itself or by a disabled fieldset. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Why the current value is invalid, or `undefined` when it is valid. */
  protected abstract invalidity(): Invalidity | undefined;

  /** The inner element the browser points the validity message at, once rendered. */
  protected abstract validationAnchor(): HTMLElement | null;

  /**
   * Sets the form value and validity from the current state, synchronously, and renders. Call it
   * after any change that affects them beyond the attributes and `value` handled here.
   */
  protected formStateChanged() {
    this.#setFormState();
    this.requestUpdate();
  }

  #setFormState() {
    const value = this.value;
    this.internals.setFormValue(value, value);
    const invalid = this.invalidity();
    const anchor = this.validationAnchor() ?? undefined;
    if (invalid) this.internals.setValidity(invalid.flags, invalid.message, anchor);
    else this.internals.setValidity({});
  }
}
