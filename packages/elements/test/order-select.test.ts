import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/order-select/define.js';
import '../src/shared/locales/register-de.js';
import type { OrderSelect } from '../src/order-select/order-select.js';
import type { Order } from '../src/shared/types.js';
import { makeOrder, sampleOrders } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { codedError, stubTracking } from './helpers/fake-tracking.js';

function orders(): Order[] {
  return [
    makeOrder({ order_number: 'ORD-2025-001', name: 'Q1 Hiring Blitz', leads_delivered: 45, leads_purchased: 100 }),
    makeOrder({ order_number: 'ORD-2025-002', name: 'Full House', leads_delivered: 50, leads_purchased: 50 }),
    makeOrder({ order_number: 'ORD-2025-003', name: 'Paused Push', status: 'Paused' }),
    makeOrder({ order_number: 'ORD-2025-004', name: 'Spring Push', leads_delivered: 97, leads_purchased: 100, is_nearly_full: true }),
    makeOrder({ order_number: 'ORD-2025-005', name: 'Closed', status: 'Completed', leads_delivered: 80, leads_purchased: 80 }),
    makeOrder({ order_number: 'ORD-2025-006', name: 'Stopped', status: 'Cancelled' }),
    makeOrder({ order_number: 'ORD-2025-007', name: 'Summer Sprint', leads_delivered: 3, leads_purchased: 30 }),
  ];
}

const combobox = (el: OrderSelect) => el.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!;
const optionEls = (el: OrderSelect) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const activeText = (el: OrderSelect) => {
  const id = combobox(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id)!.textContent!.trim() : null;
};

async function press(el: OrderSelect, ...keys: string[]) {
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
}

async function focused(template: ReturnType<typeof html>) {
  const el = await fixture<OrderSelect>(template);
  el.focus();
  return el;
}

describe('order-select', () => {
  it('lists orders as "number · name (delivered/purchased)" and says why unavailable ones are disabled', async () => {
    const el = await fixture<OrderSelect>(html`<order-select .orders=${orders()}></order-select>`);
    combobox(el).click();
    await el.updateComplete;
    const items = optionEls(el);
    expect(items).to.have.length(7);
    expect(items[0]!.textContent!.trim()).to.equal('ORD-2025-001 · Q1 Hiring Blitz (45/100)');
    const disabled = items.filter((o) => o.getAttribute('aria-disabled') === 'true');
    expect(disabled.map((o) => o.querySelector('[part="option-reason"]')!.textContent)).to.deep.equal([
      'Full',
      'Paused',
      'Completed',
      'Cancelled',
    ]);
    expect(el.matches(':state(open)')).to.be.true;
    await expectAccessible(el);
  });

  it('is accessible closed, with a placeholder', async () => {
    const el = await fixture<OrderSelect>(html`<order-select label="Campaign" .orders=${orders()}></order-select>`);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part="display"]')!.textContent).to.equal('Select an order');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Campaign');
    await expectAccessible(el);
  });

  it('opens with ArrowDown, skips disabled options, chooses with Enter and fires input then change', async () => {
    const el = await focused(html`<order-select .orders=${orders()}></order-select>`);
    await press(el, 'ArrowDown');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    expect(activeText(el)).to.contain('ORD-2025-001');
    await press(el, 'ArrowDown'); // 002 full, 003 paused: skipped
    expect(activeText(el)).to.contain('ORD-2025-004');
    await press(el, 'ArrowDown', 'ArrowDown'); // 005, 006 disabled; 007 is last
    expect(activeText(el)).to.contain('ORD-2025-007');
    await press(el, 'ArrowDown'); // stays on the last enabled option
    expect(activeText(el)).to.contain('ORD-2025-007');
    const events: string[] = [];
    el.addEventListener('input', () => events.push('input'));
    el.addEventListener('change', () => events.push('change'));
    await press(el, 'Enter');
    expect(el.value).to.equal(orders().length && el.selectedOrder!.id);
    expect(el.selectedOrder!.order_number).to.equal('ORD-2025-007');
    expect(events).to.deep.equal(['input', 'change']);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('Home and End jump to the first and last enabled options; Escape closes without choosing', async () => {
    const el = await focused(html`<order-select .orders=${orders()}></order-select>`);
    await press(el, 'End');
    expect(activeText(el)).to.contain('ORD-2025-007');
    await press(el, 'Home');
    expect(activeText(el)).to.contain('ORD-2025-001');
    await press(el, 'Escape');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal('');
  });

  it('type-ahead matches order names and numbers, skipping disabled orders', async () => {
    const el = await focused(html`<order-select .orders=${orders()}></order-select>`);
    await press(el, 'ArrowDown', 's'); // "Stopped" is cancelled: the first enabled "s" is Spring Push
    expect(activeText(el)).to.contain('Spring Push');
    await press(el, 's'); // the same letter again moves to the next match
    expect(activeText(el)).to.contain('Summer Sprint');
    await press(el, 'Escape');
    // Closed, typing chooses directly, as a native select does.
    await press(el, 'q');
    expect(el.selectedOrder!.name).to.equal('Q1 Hiring Blitz');
  });

  it('never chooses a disabled option by mouse', async () => {
    const el = await fixture<OrderSelect>(html`<order-select .orders=${orders()}></order-select>`);
    combobox(el).click();
    await el.updateComplete;
    optionEls(el)[1]!.click(); // full
    await el.updateComplete;
    expect(el.value).to.equal('');
    optionEls(el)[0]!.click();
    await el.updateComplete;
    expect(el.selectedOrder!.order_number).to.equal('ORD-2025-001');
  });

  it('warns when the chosen order is nearly full', async () => {
    const list = orders();
    const el = await fixture<OrderSelect>(html`<order-select .orders=${list} value=${list[3]!.id}></order-select>`);
    const warning = el.shadowRoot!.querySelector('[part="warning"]')!;
    expect(warning.textContent).to.equal('Nearly full: only 3 leads left in this order.');
    expect(combobox(el).getAttribute('aria-describedby')).to.contain('warning');
    el.value = list[0]!.id;
    await el.updateComplete;
    expect(warning.textContent).to.equal('');
  });

  it('offers "Assign without order" first with allow-none, which satisfies required', async () => {
    const el = await focused(html`<order-select allow-none required .orders=${orders()}></order-select>`);
    expect(el.shadowRoot!.querySelector('[part="display"]')!.textContent).to.equal('Assign without order');
    expect(el.checkValidity()).to.be.true;
    await press(el, 'ArrowDown');
    expect(activeText(el)).to.equal('Assign without order');
    await press(el, 'ArrowDown', 'Enter');
    expect(el.selectedOrder!.order_number).to.equal('ORD-2025-001');
  });

  it('renders markup in order names as inert text', async () => {
    const evil = makeOrder({ name: '<img src=x onerror="window.__pwned=1">' });
    const el = await fixture<OrderSelect>(html`<order-select .orders=${[evil]} value=${evil.id}></order-select>`);
    combobox(el).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
    expect(optionEls(el)[0]!.textContent).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('speaks German', async () => {
    const el = await fixture<OrderSelect>(html`<order-select locale="de" allow-none .orders=${orders()}></order-select>`);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Auftrag');
    expect(el.shadowRoot!.querySelector('[part="display"]')!.textContent).to.equal('Ohne Auftrag zuweisen');
    combobox(el).click();
    await el.updateComplete;
    expect(optionEls(el)[2]!.textContent).to.contain('Voll');
  });
});

describe('order-select as a form control', () => {
  it('submits name=value with its form', async () => {
    const list = orders();
    const form = await fixture<HTMLFormElement>(html`<form><order-select name="order_id" .orders=${list}></order-select></form>`);
    const el = form.querySelector('order-select')!;
    el.focus();
    await press(el, 'ArrowDown', 'Enter');
    expect(new FormData(form).get('order_id')).to.equal(list[0]!.id);
    expect(el.form).to.equal(form);
  });

  it('is invalid while required and empty, and blocks submission', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><order-select required name="o" .orders=${orders()}></order-select></form>`);
    const el = form.querySelector('order-select')!;
    await el.updateComplete;
    expect(el.checkValidity()).to.be.false;
    expect(el.validity.valueMissing).to.be.true;
    expect(el.validationMessage).to.equal('Please select an order.');
    expect(form.checkValidity()).to.be.false;
    el.focus();
    await press(el, 'ArrowDown', 'Enter');
    expect(el.checkValidity()).to.be.true;
    expect(form.checkValidity()).to.be.true;
  });

  it('submits through a real submit event once valid', async () => {
    const list = orders();
    const form = await fixture<HTMLFormElement>(html`<form @submit=${(e: Event) => e.preventDefault()}>
      <order-select required name="o" .orders=${list} value=${list[6]!.id}></order-select>
      <button>Assign</button>
    </form>`);
    const submitted = oneEvent(form, 'submit');
    form.querySelector('button')!.click();
    const event = (await submitted) as unknown as SubmitEvent;
    expect(new FormData(event.target as HTMLFormElement).get('o')).to.equal(list[6]!.id);
  });

  it('resets to its initial value with the form', async () => {
    const list = orders();
    const form = await fixture<HTMLFormElement>(html`<form><order-select name="o" .orders=${list} value=${list[0]!.id}></order-select></form>`);
    const el = form.querySelector('order-select')!;
    el.value = list[6]!.id;
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(list[0]!.id);
    expect(new FormData(form).get('o')).to.equal(list[0]!.id);
  });

  it('is not submitted and cannot be opened inside a disabled fieldset', async () => {
    const list = orders();
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
      <order-select name="o" .orders=${list} value=${list[0]!.id}></order-select>
    </fieldset></form>`);
    const el = form.querySelector('order-select')!;
    await el.updateComplete;
    expect(new FormData(form).has('o')).to.be.false;
    combobox(el).click();
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(combobox(el).getAttribute('aria-disabled')).to.equal('true');
  });
});

describe('order-select loading through the SDK', () => {
  it('asks to choose a client first when there is no client-id', async () => {
    const el = await fixture<OrderSelect>(html`<order-select .tracking=${stubTracking({})}></order-select>`);
    expect(el.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('Choose a client first');
    await expectAccessible(el);
  });

  it('says when the client has no orders', async () => {
    const tracking = stubTracking({});
    (tracking.orders as { pages: unknown }).pages = async function* () {
      yield { items: [], next_cursor: null };
    };
    const el = await fixture<OrderSelect>(html`<order-select client-id="c1" .tracking=${tracking}></order-select>`);
    await waitUntil(() => el.matches(':state(ready)'));
    expect(el.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('no orders');
    await expectAccessible(el);
  });

  it('shows an error with retry', async () => {
    let calls = 0;
    const tracking = stubTracking({});
    (tracking.orders as { pages: unknown }).pages = async function* () {
      calls += 1;
      if (calls === 1) throw codedError('network');
      yield { items: [sampleOrders.active()], next_cursor: null };
    };
    const el = await fixture<OrderSelect>(html`<order-select client-id="c1" .tracking=${tracking}></order-select>`);
    await waitUntil(() => el.matches(':state(error)'));
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => el.matches(':state(ready)'));
    combobox(el).click();
    await el.updateComplete;
    expect(optionEls(el)).to.have.length(1);
  });
});
