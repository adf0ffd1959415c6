import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/order-select/define.js';
import type { OrderSelect } from '../../src/order-select/order-select.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { activeOrderWithDeliveredLead, allOrders } from '../helpers/demo-orders.js';
import { expectAccessible } from '../helpers/axe.js';

describe('order-select on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  it("as admin, offers the client's orders, disables those the database would refuse, and submits the chosen id", async () => {
    const clientId = db.users.clientA.client_id!;
    const orders = await allOrders(db.admin, { clientId });
    const form = await fixture<HTMLFormElement>(html`<form>
      <order-select name="order_id" required client-id=${clientId} .tracking=${db.admin}></order-select>
    </form>`);
    const el = form.querySelector('order-select')!;
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    expect(el.checkValidity()).to.be.false;
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const options = [...el.shadowRoot!.querySelectorAll('[role="option"]')];
    expect(options).to.have.length(orders.length);
    // Every order the database would refuse (not Active, or full) is disabled; the rest are not.
    for (const [i, order] of orders.entries()) {
      const refused = order.status !== 'Active' || order.leads_remaining === 0;
      expect(options[i]!.getAttribute('aria-disabled'), order.order_number).to.equal(String(refused));
    }
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const chosen = orders.find((o) => o.status === 'Active' && o.leads_remaining > 0)!;
    expect(new FormData(form).get('order_id')).to.equal(chosen.id);
    expect(el.checkValidity()).to.be.true;
  });

  it('set up as React 19 does, with properties only, submits the chosen order with the form', async () => {
    const clientId = db.users.clientA.client_id!;
    const chosen = (await allOrders(db.admin, { clientId })).find((o) => o.status === 'Active' && o.leads_remaining > 0)!;
    const form = await fixture<HTMLFormElement>(html`<form @submit=${(e: Event) => e.preventDefault()}><button>Assign</button></form>`);
    const el = document.createElement('order-select');
    // React 19 sets every prop the element knows as a property, none as an attribute.
    Object.assign(el, { name: 'order_id', clientId, allowNone: true, required: true, tracking: db.admin });
    form.prepend(el);
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    el.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!.click();
    await el.updateComplete;
    const options = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
    options.find((o) => o.textContent!.includes(chosen.order_number))!.click();
    const submitted = new Promise<SubmitEvent>((resolve) => form.addEventListener('submit', resolve as EventListener, { once: true }));
    form.querySelector('button')!.click();
    const event = await submitted;
    expect(new FormData(event.target as HTMLFormElement).get('order_id')).to.equal(chosen.id);
  });

  it('updates the capacity in the label live after an assignment through the SDK', async () => {
    const clientId = db.users.clientA.client_id!;
    const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, clientId);
    const el = await fixture<OrderSelect>(
      html`<order-select client-id=${clientId} value=${order.id} .tracking=${db.admin}></order-select>`,
    );
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    const display = () => el.shadowRoot!.querySelector('[part="display"]')!.textContent!;
    expect(display()).to.contain(`(${order.leads_delivered}/${order.leads_purchased})`);
    await db.admin.leads.assignToOrder(leadId, null);
    await waitUntil(() => display().includes(`(${order.leads_delivered - 1}/${order.leads_purchased})`), 'label updated', { timeout: 10000 });
    await db.admin.leads.assignToOrder(leadId, order.id);
    await waitUntil(() => display().includes(`(${order.leads_delivered}/${order.leads_purchased})`), 'label restored', { timeout: 10000 });
  });
});
