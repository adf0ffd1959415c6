import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/order-select/define.js';
import '../src/shared/locales/register-de.js';
import type { OrderSelect } from '../src/order-select/order-select.js';
import type { Order } from '../src/shared/types.js';
import { makeOrder, sampleOrders } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { codedError, stubTracking } from './helpers/fake-tracking.js';
import { runFormControlTests, type FormControlElement } from './shared/form-control-suite.js';
import { OrderSelect as OrderSelectClass } from '../src/order-select/order-select.js';

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

const formOrders = orders();

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

  it('opens with ArrowDown, reaches disabled options with their reason but never chooses one, chooses with Enter', async () => {
    const el = await focused(html`<order-select .orders=${orders()}></order-select>`);
    await press(el, 'ArrowDown');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    expect(activeText(el)).to.contain('ORD-2025-001');
    await press(el, 'ArrowDown'); // 002 is full: reachable, announced with its reason
    expect(activeText(el)).to.contain('ORD-2025-002');
    expect(activeText(el)).to.contain('Full');
    const active = el.shadowRoot!.getElementById(combobox(el).getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-disabled')).to.equal('true');
    await press(el, 'Enter', ' '); // cannot be chosen: the list stays open, the value empty
    expect(el.value).to.equal('');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'ArrowDown'); // 003 paused
    expect(activeText(el)).to.contain('Paused');
    await press(el, 'End', 'ArrowDown'); // 007 is last; stays there
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

  it('Home and End jump to the first and last options, disabled or not; Escape closes without choosing', async () => {
    const list = orders();
    list.push(makeOrder({ order_number: 'ORD-2025-008', name: 'Last, paused', status: 'Paused' }));
    const el = await focused(html`<order-select .orders=${list}></order-select>`);
    await press(el, 'End');
    expect(activeText(el)).to.contain('ORD-2025-008');
    await press(el, 'Home');
    expect(activeText(el)).to.contain('ORD-2025-001');
    await press(el, 'Escape');
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal('');
  });

  it('type-ahead in the open list matches names and numbers, disabled orders included', async () => {
    const el = await focused(html`<order-select .orders=${orders()}></order-select>`);
    await press(el, 'ArrowDown', 's');
    expect(activeText(el)).to.contain('Spring Push');
    await press(el, 's'); // the same letter again moves to the next match
    expect(activeText(el)).to.contain('Stopped'); // cancelled: reachable, with its reason
    expect(activeText(el)).to.contain('Cancelled');
    await press(el, 'Escape');
    // Closed, typing chooses directly, as a native select does, and only what can be chosen.
    await press(el, 'q');
    expect(el.selectedOrder!.name).to.equal('Q1 Hiring Blitz');
  });

  it('a space that continues a type-ahead search joins it: "spring s" finds Spring Sale and keeps the list open', async () => {
    const list = [
      makeOrder({ order_number: 'ORD-2025-101', name: 'Spring Push' }),
      makeOrder({ order_number: 'ORD-2025-102', name: 'Spring Sale' }),
    ];
    const el = await focused(html`<order-select .orders=${list}></order-select>`);
    await press(el, 'ArrowDown');
    await sendKeys({ type: 'spring s' });
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    expect(activeText(el)).to.contain('Spring Sale');
    expect(el.value).to.equal('');
    await press(el, 'Enter');
    expect(el.selectedOrder!.name).to.equal('Spring Sale');
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

  it('isolates option labels: a right-to-left override in a name does not reverse the counts after it', async () => {
    const evil = makeOrder({ order_number: 'ORD-2025-045', name: '\u202Eevil name', leads_delivered: 45, leads_purchased: 100 });
    const el = await fixture<OrderSelect>(html`<order-select .orders=${[evil]} value=${evil.id}></order-select>`);
    combobox(el).click();
    await el.updateComplete;
    for (const root of [optionEls(el)[0]!, el.shadowRoot!.querySelector('[part="display"]')!]) {
      const bdis = [...root.querySelectorAll('bdi')].map((b) => b.textContent);
      expect(bdis).to.deep.equal(['ORD-2025-045', '\u202Eevil name', '45/100']);
      // On screen "45/100" still reads left to right: "4" is left of "5".
      const counts = root.querySelectorAll('bdi')[2]!.firstChild!;
      const walker = document.createTreeWalker(root.querySelectorAll('bdi')[2]!, NodeFilter.SHOW_TEXT);
      const node = (walker.nextNode() ?? counts) as Text;
      const x = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      expect(x(0)).to.be.lessThan(x(1));
    }
  });

  it('makes every state visible, not only announced: the chosen option has a check mark, disabled and busy look different', async () => {
    const list = orders();
    const el = await fixture<OrderSelect>(html`<order-select .orders=${list} value=${list[0]!.id}></order-select>`);
    combobox(el).click();
    await el.updateComplete;
    const mark = (o: Element) => getComputedStyle(o, '::before').content;
    expect(mark(optionEls(el)[0]!)).to.contain('✓');
    expect(mark(optionEls(el)[6]!)).not.to.contain('✓');
    const enabledColour = getComputedStyle(optionEls(el)[0]!).color;
    expect(getComputedStyle(optionEls(el)[1]!).color, 'a disabled option').not.to.equal(enabledColour);
    const enabledOpacity = getComputedStyle(combobox(el)).opacity;
    el.disabled = true;
    await el.updateComplete;
    expect(getComputedStyle(combobox(el)).opacity).not.to.equal(enabledOpacity);
    const tracking = stubTracking({});
    (tracking.orders as { pages: unknown }).pages = async function* () {
      await new Promise(() => {}); // never settles: the busy state stays
    };
    const busy = await fixture<OrderSelect>(html`<order-select client-id="c1" .tracking=${tracking}></order-select>`);
    await waitUntil(() => busy.matches(':state(loading)'));
    expect(combobox(busy).getAttribute('aria-busy')).to.equal('true');
    expect(getComputedStyle(combobox(busy)).borderStyle).to.equal('dashed');
    expect(busy.shadowRoot!.querySelector('[part="display"]')!.textContent).to.equal('Loading…');
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

runFormControlTests({
  tag: 'order-select',
  constructor: OrderSelectClass,
  values: [formOrders[0]!.id, formOrders[6]!.id],
  create() {
    const el = document.createElement('order-select');
    el.orders = formOrders;
    return el as unknown as FormControlElement;
  },
  async choose(el, value) {
    const select = el as unknown as OrderSelect;
    combobox(select).click();
    await select.updateComplete;
    const index = formOrders.findIndex((o) => o.id === value) + (select.allowNone ? 1 : 0);
    optionEls(select)[index]!.click();
    await select.updateComplete;
  },
});

describe('order-select as a form control', () => {
  it('submits name=value with its form, chosen by keyboard', async () => {
    const list = orders();
    const form = await fixture<HTMLFormElement>(html`<form><order-select name="order_id" .orders=${list}></order-select></form>`);
    const el = form.querySelector('order-select')!;
    el.focus();
    await press(el, 'ArrowDown', 'Enter');
    expect(new FormData(form).get('order_id')).to.equal(list[0]!.id);
    expect(el.form).to.equal(form);
  });

  it('says which order is missing, and allow-none set as attribute or property satisfies required at once', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><order-select required name="o" .orders=${orders()}></order-select></form>`);
    const el = form.querySelector('order-select')!;
    expect(el.validationMessage).to.equal('Please select an order.');
    el.allowNone = true;
    expect(el.hasAttribute('allow-none')).to.be.true;
    expect(el.checkValidity()).to.be.true;
    el.removeAttribute('allow-none');
    expect(el.allowNone).to.be.false;
    expect(el.checkValidity()).to.be.false;
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

  it('cannot be opened inside a disabled fieldset', async () => {
    const list = orders();
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
      <order-select name="o" .orders=${list} value=${list[0]!.id}></order-select>
    </fieldset></form>`);
    const el = form.querySelector('order-select')!;
    await el.updateComplete;
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
