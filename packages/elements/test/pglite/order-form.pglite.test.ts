import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/order-form/define.js';
import type { OrderForm, OrderSavedDetail } from '../../src/order-form/define.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { allOrders } from '../helpers/demo-orders.js';
import { expectAccessible } from '../helpers/axe.js';
import { en } from '../../src/shared/locales/en.js';
import { emptyValues, refusalsOf, type MessageContext } from '../../src/order-form/fields.js';

const $ = <T extends Element = HTMLElement>(el: OrderForm, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const errorOf = (el: OrderForm, field: string) => $(el, `#${field}-error`).textContent!.trim();
/** The innermost focused element, through shadow roots. */
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** Types into an input as a person does: focus, then one input event per keystroke. */
async function type(el: OrderForm, selector: string, text: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.focus();
  input.select();
  await sendKeys({ type: text });
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Sets a value as a script or the browser's autofill does (no `maxlength` cut), then leaves the field. */
async function fill(el: OrderForm, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function choose(el: OrderForm, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('order-form on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  let clientId: string;
  before(async () => {
    db = await openDatabase();
    clientId = db.users.clientA.client_id!;
  });
  after(() => db?.close());

  /** A create form with the client list and the number preview loaded. */
  async function createForm(): Promise<OrderForm> {
    const el = await fixture<OrderForm>(html`<order-form .tracking=${db.admin}></order-form>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#client_id option').length > 1, 'clients listed', { timeout: 10000 });
    await waitUntil(() => $(el, '[part="number-status"]').textContent!.trim() !== '', 'number previewed', { timeout: 10000 });
    return el;
  }

  it('creates an order with the automatic number it previewed, submitted with Enter', async () => {
    const el = await createForm();
    const preview = await db.admin.orders.nextNumber();
    expect($(el, '[part="number-status"]').textContent!.trim()).to.equal(`Next number: ${preview}`);
    await expectAccessible(el);

    await choose(el, '#client_id', clientId);
    await type(el, '#leads_purchased', '25');
    await type(el, '#name', 'Spring push');
    await choose(el, '#status', 'Active');
    const saved = oneEvent(el, 'order-saved');
    $<HTMLInputElement>(el, '#name').focus();
    await sendKeys({ press: 'Enter' });
    const { order, created } = ((await saved) as CustomEvent<OrderSavedDetail>).detail;
    expect(created).to.be.true;
    expect(order.order_number).to.equal(preview);
    const stored = (await db.admin.orders.get(order.id, { leadLimit: 0, timelineLimit: 0 })).order;
    expect([stored.client_id, stored.leads_purchased, stored.name, stored.status]).to.deep.equal([clientId, 25, 'Spring push', 'Active']);
    await waitUntil(() => $(el, '[part="summary"]').textContent === `${preview} saved.`, 'saved announced');
    await waitUntil(() => $(el, '[part="number-status"]').textContent!.trim() === `Next number: ${stored.order_number.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(n.length, '0'))}`, 'next preview', { timeout: 10000 });
    await expectAccessible(el);
  });

  it('creates an order with a manual number after saying it is free', async () => {
    const el = await createForm();
    const number = `MAN-${Date.now().toString(36)}`;
    await choose(el, '#client_id', clientId);
    $<HTMLInputElement>(el, 'input[value="manual"]').click();
    await el.updateComplete;
    await type(el, '#order_number', number);
    await waitUntil(() => $(el, '#order_number-status').textContent === 'This number is free.', 'free', { timeout: 10000 });
    await type(el, '#leads_purchased', '5');
    const saved = oneEvent(el, 'order-saved');
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    const { order } = ((await saved) as CustomEvent<OrderSavedDetail>).detail;
    expect(order.order_number).to.equal(number);
  });

  it('says a duplicate number is taken on its field while typing, and again when the database refuses it', async () => {
    const [existing] = await allOrders(db.admin);
    const el = await createForm();
    await choose(el, '#client_id', clientId);
    $<HTMLInputElement>(el, 'input[value="manual"]').click();
    await el.updateComplete;
    await type(el, '#order_number', existing!.order_number);
    await waitUntil(() => errorOf(el, 'order_number') === 'Another order already has this number.', 'taken while typing', { timeout: 10000 });
    expect($(el, '#order_number').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);

    // A number that was free while typing and is taken by someone else before submit: the database refuses.
    const number = `RACE-${Date.now().toString(36)}`;
    await type(el, '#order_number', number);
    await waitUntil(() => $(el, '#order_number-status').textContent === 'This number is free.', 'free', { timeout: 10000 });
    await db.admin.orders.create({ client_id: clientId, leads_purchased: 1, order_number: number });
    await type(el, '#leads_purchased', '5');
    let savedEvents = 0;
    el.addEventListener('order-saved', () => savedEvents++);
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => errorOf(el, 'order_number') === 'Another order already has this number.', 'refusal on the field', { timeout: 10000 });
    expect($(el, '[part="summary"]').textContent).to.equal('1 field needs attention.');
    expect(focused() === $(el, '#order_number'), 'focus on the number').to.be.true;
    expect(savedEvents).to.equal(0);
  });

  it('checks fields before submitting and sends nothing while one is wrong', async () => {
    const el = await createForm();
    const before = (await allOrders(db.admin)).length;
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => $(el, '[part="summary"]').textContent !== '', 'errors shown');
    expect(errorOf(el, 'client_id')).to.equal('Choose the client this order is for.');
    expect(errorOf(el, 'leads_purchased')).to.equal('Enter a whole number of leads from 1 to 10,000,000.');
    expect($(el, '[part="summary"]').textContent).to.equal('2 fields need attention.');
    expect(focused() === $(el, '#client_id'), 'focus on the first wrong field').to.be.true;
    expect($(el, '#leads_purchased').getAttribute('aria-describedby')).to.equal('leads_purchased-error');
    await expectAccessible(el);
    // A field is checked again as soon as it changes.
    await type(el, '#leads_purchased', '3');
    expect(errorOf(el, 'leads_purchased')).to.equal('');
    expect((await allOrders(db.admin)).length).to.equal(before);
  });

  it('keeps "1e3" typed in Leads purchased as typed and refuses it with the field error, creating nothing', async () => {
    const el = await createForm();
    const before = (await allOrders(db.admin)).length;
    await choose(el, '#client_id', clientId);
    const input = $<HTMLInputElement>(el, '#leads_purchased');
    input.focus();
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(input.value));
    for (const key of ['1', 'e', '3']) {
      await sendKeys({ type: key });
      await el.updateComplete;
    }
    expect(seen, 'every keystroke kept').to.deep.equal(['1', '1e', '1e3']);
    expect(input.value).to.equal('1e3');
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(errorOf(el, 'leads_purchased')).to.equal('Enter a whole number of leads from 1 to 10,000,000.');
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => $(el, '[part="summary"]').textContent !== '', 'refused');
    expect(input.value, 'still as typed').to.equal('1e3');
    expect((await allOrders(db.admin)).length).to.equal(before);
  });

  it('reads Arabic-Indic and Persian digits typed in Leads purchased and Priority as the numbers they are', async () => {
    const el = await createForm();
    await choose(el, '#client_id', clientId);
    await type(el, '#leads_purchased', '٢٥');
    await type(el, '#priority', '۳');
    await el.updateComplete;
    expect(errorOf(el, 'leads_purchased')).to.equal('');
    const saved = oneEvent(el, 'order-saved');
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    const { order } = ((await saved) as CustomEvent<OrderSavedDetail>).detail;
    expect([order.leads_purchased, order.priority]).to.deep.equal([25, 3]);
  });

  it('keeps the focus on the order number radios as ArrowRight and ArrowLeft change the mode', async () => {
    const el = await createForm();
    const radio = (mode: string) => $<HTMLInputElement>(el, `input[name="number_mode"][value="${mode}"]`);
    radio('auto').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(radio('manual').checked).to.be.true;
    expect(focused() === radio('manual'), 'focus on "Enter my own"').to.be.true;
    expect(!!el.shadowRoot!.querySelector('#order_number'), 'number field shown').to.be.true;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(radio('auto').checked).to.be.true;
    expect(focused() === radio('auto'), 'focus on "Automatic"').to.be.true;
  });

  it('puts the database refusal of dates in the wrong order on the target date', async () => {
    const el = await createForm();
    await choose(el, '#client_id', clientId);
    await type(el, '#leads_purchased', '5');
    const start = $<HTMLInputElement>(el, '#start_date');
    start.value = '2026-06-10';
    start.dispatchEvent(new Event('input'));
    const target = $<HTMLInputElement>(el, '#target_delivery_date');
    target.value = '2026-06-01';
    target.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => errorOf(el, 'target_delivery_date') !== '', 'refusal on the date', { timeout: 10000 });
    expect(errorOf(el, 'target_delivery_date')).to.equal('The target date cannot be before the start date.');
  });

  it('edits an order and puts a quantity below what was delivered on the quantity', async () => {
    const order = (await allOrders(db.admin)).find((o) => o.leads_delivered >= 2 && o.status !== 'Cancelled')!;
    const el = await fixture<OrderForm>(html`<order-form order-id=${order.id} .tracking=${db.admin}></order-form>`);
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    expect($(el, '[part="heading"]').textContent).to.equal(`Edit ${order.order_number}`);
    expect($<HTMLInputElement>(el, '#leads_purchased').value).to.equal(String(order.leads_purchased));
    await expectAccessible(el);

    await type(el, '#leads_purchased', String(order.leads_delivered - 1));
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => errorOf(el, 'leads_purchased') !== '', 'refusal on the quantity', { timeout: 10000 });
    expect(errorOf(el, 'leads_purchased')).to.equal('This order already has more leads delivered than that.');

    await type(el, '#leads_purchased', String(order.leads_purchased + 5));
    const saved = oneEvent(el, 'order-saved');
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    const detail = ((await saved) as CustomEvent<OrderSavedDetail>).detail;
    expect(detail.created).to.be.false;
    expect(detail.order.leads_purchased).to.equal(order.leads_purchased + 5);
  });

  it("says not found for an order a client may not see", async () => {
    const other = (await allOrders(db.admin)).find((o) => o.client_id !== clientId)!;
    const el = await fixture<OrderForm>(html`<order-form order-id=${other.id} .tracking=${db.clientA}></order-form>`);
    await waitUntil(() => el.matches(':state(not-found)'), 'not found', { timeout: 10000 });
    expect(el.shadowRoot!.textContent).to.contain('Order not found.');
    await expectAccessible(el);
  });
  it('says on the number field that a number over 40 characters is too long, while typing and on submit, and sends nothing', async () => {
    const el = await createForm();
    const before = (await allOrders(db.admin)).length;
    await choose(el, '#client_id', clientId);
    await type(el, '#leads_purchased', '5');
    $<HTMLInputElement>(el, 'input[value="manual"]').click();
    await el.updateComplete;
    expect($(el, '#order_number').getAttribute('maxlength')).to.equal('40');
    await fill(el, '#order_number', 'N'.repeat(41));
    expect(errorOf(el, 'order_number')).to.equal('An order number has at most 40 characters.');
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => $(el, '[part="summary"]').textContent !== '', 'errors shown');
    expect(errorOf(el, 'order_number')).to.equal('An order number has at most 40 characters.');
    expect($(el, '[part="summary"]').textContent).to.equal('1 field needs attention.');
    expect(focused() === $(el, '#order_number'), 'focus on the number').to.be.true;
    await expectAccessible(el);
    // Exactly 40 characters is a number an order can hold.
    await fill(el, '#order_number', `F${Date.now().toString(36)}`.padEnd(40, 'x'));
    await waitUntil(() => $(el, '#order_number-status').textContent === 'This number is free.', 'free', { timeout: 10000 });
    expect(errorOf(el, 'order_number')).to.equal('');
    expect((await allOrders(db.admin)).length).to.equal(before);
  });

  it('shows each bounded field its own bound before submitting, and sends nothing', async () => {
    const el = await createForm();
    const before = (await allOrders(db.admin)).length;
    await choose(el, '#client_id', clientId);
    await fill(el, '#leads_purchased', '10000001');
    await fill(el, '#priority', '1001');
    await fill(el, '#start_date', '1999-12-31');
    await fill(el, '#target_delivery_date', '2101-01-01');
    await fill(el, '#name', 'n'.repeat(201));
    await fill(el, '#description', 'd'.repeat(10_001));
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => $(el, '[part="summary"]').textContent !== '', 'errors shown');
    expect({
      quantity: errorOf(el, 'leads_purchased'),
      priority: errorOf(el, 'priority'),
      start: errorOf(el, 'start_date'),
      target: errorOf(el, 'target_delivery_date'),
      name: errorOf(el, 'name'),
      description: errorOf(el, 'description'),
    }).to.deep.equal({
      quantity: 'Enter a whole number of leads from 1 to 10,000,000.',
      priority: 'Enter a whole number from -1,000 to 1,000.',
      start: 'Enter a date from Jan 1, 2000 to Dec 31, 2100.',
      target: 'Enter a date from Jan 1, 2000 to Dec 31, 2100.',
      name: 'Enter at most 200 characters.',
      description: 'Enter at most 10,000 characters.',
    });
    expect($(el, '[part="summary"]').textContent).to.equal('6 fields need attention.');
    await expectAccessible(el);
    // At the bounds every field is accepted.
    await fill(el, '#leads_purchased', '10000000');
    await fill(el, '#priority', '-1000');
    await fill(el, '#start_date', '2000-01-01');
    await fill(el, '#target_delivery_date', '2100-12-31');
    await fill(el, '#name', 'n'.repeat(200));
    await fill(el, '#description', 'd'.repeat(10_000));
    for (const field of ['leads_purchased', 'priority', 'start_date', 'target_delivery_date', 'name']) expect(errorOf(el, field), field).to.equal('');
    expect((await allOrders(db.admin)).length).to.equal(before);
  });

  it('maps each database refusal that names a field onto that field, with its bound', async () => {
    // The database's own answers, sent without the SDK's input checks (as a client with other bounds would).
    const refuse = async (changes: Record<string, unknown>) => {
      try {
        await db.adminTransport.call(
          'create_order',
          { p_client_id: clientId, p_leads_purchased: 5, p_order_number: null, p_name: null, p_description: null, p_target_delivery_date: null, p_start_date: null, p_priority: 0, p_status: 'Draft', ...changes },
          {},
        );
      } catch (error) {
        return error;
      }
      throw new Error(`the database accepted ${JSON.stringify(changes).slice(0, 80)}`);
    };
    const words: MessageContext = {
      term: (k) => en[k],
      number: (n) => n.toLocaleString('en'),
      day: (d) => d,
    };
    const values = { ...emptyValues(), number_mode: 'manual' as const, order_number: 'N'.repeat(41) };
    const cases: [Record<string, unknown>, { field: string; message: string }[]][] = [
      [{ p_order_number: 'N'.repeat(41) }, [{ field: 'order_number', message: 'An order number has at most 40 characters.' }]],
      [{ p_name: 'n'.repeat(201) }, [{ field: 'name', message: 'Enter at most 200 characters.' }]],
      [{ p_description: 'd'.repeat(10_001) }, [{ field: 'description', message: 'Enter at most 10,000 characters.' }]],
      [{ p_priority: 1001 }, [{ field: 'priority', message: 'Enter a whole number from -1,000 to 1,000.' }]],
      [{ p_leads_purchased: 10_000_001 }, [{ field: 'leads_purchased', message: 'Enter a whole number of leads from 1 to 10,000,000.' }]],
      [{ p_start_date: '1999-12-31' }, [{ field: 'start_date', message: 'Enter a date from 2000-01-01 to 2100-12-31.' }]],
      [{ p_target_delivery_date: '2101-01-01' }, [{ field: 'target_delivery_date', message: 'Enter a date from 2000-01-01 to 2100-12-31.' }]],
      [{ p_start_date: '2026-06-10', p_target_delivery_date: '2026-06-01' }, [{ field: 'target_delivery_date', message: 'The target date cannot be before the start date.' }]],
    ];
    for (const [changes, expected] of cases) {
      const error = await refuse(changes);
      expect(refusalsOf(error, words, values), JSON.stringify(changes).slice(0, 60)).to.deep.equal(expected);
    }
  });
});
