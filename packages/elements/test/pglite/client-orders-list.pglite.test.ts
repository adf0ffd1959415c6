import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/client-orders-list/define.js';
import type { ClientOrdersList } from '../../src/client-orders-list/client-orders-list.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { activeOrderWithDeliveredLead, allOrders } from '../helpers/demo-orders.js';
import { expectAccessible } from '../helpers/axe.js';

const numbers = (el: ClientOrdersList) =>
  [...el.shadowRoot!.querySelectorAll('[part="row"] [part="order-number"]')].map((n) => n.textContent!);

describe('client-orders-list on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  for (const who of ['clientA', 'clientB'] as const) {
    it(`as ${who} without client-id, lists exactly that client's orders and never another's`, async () => {
      const own = await allOrders(db.admin, { clientId: db.users[who].client_id! });
      const others = (await allOrders(db.admin)).filter((o) => o.client_id !== db.users[who].client_id);
      expect(own.length, 'demo data gives the client orders').to.be.greaterThan(0);
      const el = await fixture<ClientOrdersList>(
        html`<client-orders-list page-size="500" .tracking=${db[who]}></client-orders-list>`,
      );
      await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
      expect(numbers(el).sort()).to.deep.equal(own.map((o) => o.order_number).sort());
      const shown = new Set(numbers(el));
      expect(others.filter((o) => shown.has(o.order_number))).to.deep.equal([]);
    });
  }

  it("as a client asking for another client's id, shows no orders", async () => {
    const el = await fixture<ClientOrdersList>(
      html`<client-orders-list client-id=${db.users.clientB.client_id!} .tracking=${db.clientA}></client-orders-list>`,
    );
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    expect(numbers(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part="empty"]')).to.exist;
  });

  it('as admin with client-id, filters by status and updates a row live after an assignment', async () => {
    const clientId = db.users.clientA.client_id!;
    const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, clientId);
    const el = await fixture<ClientOrdersList>(
      html`<client-orders-list client-id=${clientId} status="Active" page-size="500" .tracking=${db.admin}></client-orders-list>`,
    );
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    const badges = [...el.shadowRoot!.querySelectorAll('[part="row"] [part="badge"]')].map((b) => b.textContent);
    expect(badges.length).to.be.greaterThan(0);
    expect(new Set(badges)).to.deep.equal(new Set(['Active']));
    await expectAccessible(el);

    const row = () =>
      [...el.shadowRoot!.querySelectorAll('[part="row"]')].find((r) => r.querySelector('[part="order-number"]')!.textContent === order.order_number)!;
    expect(row().textContent).to.contain(`${order.leads_delivered} / ${order.leads_purchased} delivered`);
    await db.admin.leads.assignToOrder(leadId, null);
    await waitUntil(() => row().textContent!.includes(`${order.leads_delivered - 1} / ${order.leads_purchased} delivered`), 'row updated', {
      timeout: 10000,
    });
    await db.admin.leads.assignToOrder(leadId, order.id);
  });
});
