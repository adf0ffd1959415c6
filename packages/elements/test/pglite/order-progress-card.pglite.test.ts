import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/order-progress-card/define.js';
import '../../src/order-tracking-provider/define.js';
import type { OrderProgressCard } from '../../src/order-progress-card/order-progress-card.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { activeOrderWithDeliveredLead } from '../helpers/demo-orders.js';
import { expectAccessible } from '../helpers/axe.js';

const valueNow = (el: OrderProgressCard) =>
  Number(el.shadowRoot!.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'));
const delivered = (el: OrderProgressCard) => el.shadowRoot!.querySelector('.delivered')?.textContent;

describe('order-progress-card on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  it('as admin, loads the order and moves the bar live when a lead is unassigned and assigned again', async () => {
    const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, db.users.clientA.client_id!);
    const el = await fixture<OrderProgressCard>(html`<order-progress-card order-id=${order.id} .tracking=${db.admin}></order-progress-card>`);
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    expect(delivered(el)).to.equal(`${order.leads_delivered} / ${order.leads_purchased} delivered`);
    const before = valueNow(el);
    await expectAccessible(el);

    await db.admin.leads.assignToOrder(leadId, null);
    await waitUntil(() => delivered(el) === `${order.leads_delivered - 1} / ${order.leads_purchased} delivered`, 'bar after unassignment', { timeout: 10000 });
    expect(valueNow(el)).to.be.lessThan(before);

    await db.admin.leads.assignToOrder(leadId, order.id);
    await waitUntil(() => delivered(el) === `${order.leads_delivered} / ${order.leads_purchased} delivered`, 'bar after assignment', { timeout: 10000 });
    expect(valueNow(el)).to.equal(before);
  });

  it('as the owning client through the provider, shows the order; as another client, not found', async () => {
    const { order } = await activeOrderWithDeliveredLead(db.admin, db.users.clientA.client_id!);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <order-tracking-provider .tracking=${db.clientA}><order-progress-card order-id=${order.id}></order-progress-card></order-tracking-provider>
      <order-tracking-provider .tracking=${db.clientB}><order-progress-card order-id=${order.id}></order-progress-card></order-tracking-provider>
    </div>`);
    const [own, other] = wrapper.querySelectorAll('order-progress-card');
    await waitUntil(() => own!.matches(':state(ready)') && other!.matches(':state(not-found)'), 'both settled', { timeout: 10000 });
    expect(own!.shadowRoot!.querySelector('[part="order-number"]')!.textContent).to.equal(order.order_number);
    expect(other!.shadowRoot!.querySelector('[part="order-number"]')).to.be.null;
    expect(other!.shadowRoot!.textContent).not.to.contain(order.order_number);
  });

  it('shows not-found for an id that does not exist', async () => {
    const el = await fixture<OrderProgressCard>(
      html`<order-progress-card order-id="00000000-0000-4000-8000-000000000000" .tracking=${db.admin}></order-progress-card>`,
    );
    await waitUntil(() => el.matches(':state(not-found)'), 'not found', { timeout: 10000 });
    await expectAccessible(el);
  });
});
