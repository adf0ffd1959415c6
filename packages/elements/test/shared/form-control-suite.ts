import { expect, fixture, html } from '@open-wc/testing';

/** What the suite needs to know about a form control of the package. */
export interface FormControlUnderTest {
  /** The tag, for the test names. */
  tag: string;
  /** The element's class: the suite registers subclasses of it under new names to test upgrades. */
  constructor: CustomElementConstructor;
  /** A new, not yet connected element, with whatever data it needs to offer `values`. */
  create(): FormControlElement;
  /** Two different valid, non-empty values. */
  values: [string, string];
  /** Chooses `value` the way a person does (pointer or keyboard), firing `input` and `change`. */
  choose(el: FormControlElement, value: string): Promise<void>;
}

/** The form-control API every control of the package has (see `FormControl`). */
export interface FormControlElement extends HTMLElement {
  name: string;
  value: string;
  defaultValue: string;
  required: boolean;
  disabled: boolean;
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
  formStateRestoreCallback?(state: string | null, mode: string): void;
  readonly updateComplete: Promise<boolean>;
}

type Way = 'attribute' | 'property';
const ways: Way[] = ['attribute', 'property'];

/** Sets `name` on `el` as a host would: as an attribute (HTML, Vue) or as a property (React 19, Lit). */
function set(el: FormControlElement, way: Way, name: 'name' | 'required' | 'disabled', value: string | boolean) {
  if (way === 'property') (el as unknown as Record<string, unknown>)[name] = value;
  else if (typeof value === 'boolean') el.toggleAttribute(name, value);
  else el.setAttribute(name, value);
}

let lateTags = 0;

/**
 * Every behaviour a native form control has and hosts rely on, for one control: submission
 * under a name set either way, the `value` attribute as the default value at any time, required
 * and disabled either way, validity and `FormData` right synchronously after any change, form
 * reset, form state restore, disabled fieldsets, labels, and values set before the element is
 * defined. Each control of the package runs it (in the spirit of Shoelace's
 * `runFormControlBaseTests`), so a new control cannot ship without these.
 */
export function runFormControlTests(control: FormControlUnderTest) {
  const [first, second] = control.values;

  async function inForm(setup?: (el: FormControlElement) => void) {
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    const el = control.create();
    setup?.(el);
    form.append(el);
    await el.updateComplete;
    return { form, el };
  }

  describe(`${control.tag} as a form control (shared suite)`, () => {
    for (const way of ways) {
      it(`submits under a name set as the ${way}`, async () => {
        const { form, el } = await inForm();
        set(el, way, 'name', 'order_id');
        el.value = first;
        expect(new FormData(form).get('order_id')).to.equal(first);
        expect(el.getAttribute('name')).to.equal('order_id');
        expect(el.name).to.equal('order_id');
      });

      it(`is required, set as the ${way}, at once`, async () => {
        const { form, el } = await inForm((e) => set(e, 'attribute', 'name', 'o'));
        set(el, way, 'required', true);
        expect(el.checkValidity()).to.be.false;
        expect(el.validity.valueMissing).to.be.true;
        expect(el.validationMessage).not.to.equal('');
        expect(form.checkValidity()).to.be.false;
        expect(el.hasAttribute('required')).to.be.true;
        set(el, way, 'required', false);
        expect(el.checkValidity()).to.be.true;
      });

      it(`is disabled, set as the ${way}: not submitted and not validated, at once`, async () => {
        const { form, el } = await inForm((e) => {
          set(e, 'attribute', 'name', 'o');
          e.required = true;
        });
        set(el, way, 'disabled', true);
        expect(new FormData(form).has('o')).to.be.false;
        expect(form.checkValidity()).to.be.true;
        expect(el.hasAttribute('disabled')).to.be.true;
        set(el, way, 'disabled', false);
        expect(new FormData(form).has('o')).to.be.true;
        expect(form.checkValidity()).to.be.false;
      });
    }

    it('has FormData and validity right synchronously after value changes, without waiting for a render', async () => {
      const { form, el } = await inForm((e) => {
        e.name = 'o';
        e.required = true;
        e.value = first;
      });
      expect(el.checkValidity()).to.be.true;
      el.value = '';
      expect(el.checkValidity()).to.be.false;
      expect(new FormData(form).get('o')).to.equal('');
      el.value = second;
      expect(el.checkValidity()).to.be.true;
      expect(new FormData(form).get('o')).to.equal(second);
    });

    it('takes the value attribute as its default value at any time, and resets to it', async () => {
      const { form, el } = await inForm((e) => (e.name = 'o'));
      el.setAttribute('value', first); // after connecting, as a framework may do
      expect(el.value).to.equal(first);
      expect(el.defaultValue).to.equal(first);
      await control.choose(el, second);
      expect(el.value).to.equal(second);
      el.setAttribute('value', first); // once changed, the value no longer follows the attribute
      expect(el.value).to.equal(second);
      form.reset();
      expect(el.value).to.equal(first);
      expect(new FormData(form).get('o')).to.equal(first);
      el.defaultValue = second; // the property reflects the attribute
      expect(el.getAttribute('value')).to.equal(second);
      expect(el.value).to.equal(second);
    });

    it('resets to empty without a value attribute, and is then invalid if required', async () => {
      const { form, el } = await inForm((e) => {
        e.name = 'o';
        e.required = true;
      });
      await control.choose(el, first);
      expect(el.checkValidity()).to.be.true;
      form.reset();
      expect(el.value).to.equal('');
      expect(el.checkValidity()).to.be.false;
    });

    it('fires input then change when a person chooses, and submits what was chosen', async () => {
      const { form, el } = await inForm((e) => (e.name = 'o'));
      const events: string[] = [];
      el.addEventListener('input', () => events.push('input'));
      el.addEventListener('change', () => events.push('change'));
      await control.choose(el, second);
      expect(events).to.deep.equal(['input', 'change']);
      expect(new FormData(form).get('o')).to.equal(second);
    });

    it('restores a saved form state (back/forward navigation, autofill)', async () => {
      const { form, el } = await inForm((e) => (e.name = 'o'));
      el.formStateRestoreCallback!(second, 'restore');
      expect(el.value).to.equal(second);
      expect(new FormData(form).get('o')).to.equal(second);
    });

    it('is neither submitted nor validated inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled></fieldset></form>`);
      const el = control.create();
      el.name = 'o';
      el.required = true;
      form.querySelector('fieldset')!.append(el);
      await el.updateComplete;
      expect(new FormData(form).has('o')).to.be.false;
      expect(form.checkValidity()).to.be.true;
      form.querySelector('fieldset')!.disabled = false;
      expect(form.checkValidity()).to.be.false;
    });

    it('is labelled by a <label for>, which focuses it when clicked', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><label for="late-label">Pick one</label></form>`);
      const el = control.create();
      el.id = 'late-label';
      form.append(el);
      await el.updateComplete;
      expect([...el.labels].map((l) => l.textContent)).to.deep.equal(['Pick one']);
      form.querySelector('label')!.click();
      expect(document.activeElement).to.equal(el);
    });

    it('keeps name, value, required and disabled set as properties before the element was defined', async () => {
      const tag = `${control.tag}-late-${++lateTags}`;
      const form = await fixture<HTMLFormElement>(html`<form></form>`);
      const el = document.createElement(tag) as FormControlElement;
      Object.assign(el, { name: 'o', value: first, required: true });
      form.append(el);
      customElements.define(tag, class extends control.constructor {});
      await el.updateComplete;
      expect(new FormData(form).get('o')).to.equal(first);
      expect(el.checkValidity()).to.be.true;
      el.value = '';
      expect(el.checkValidity()).to.be.false;
    });
  });
}
