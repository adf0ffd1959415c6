import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/order-stats-card/define.js';
import '../../src/client-orders-summary/define.js';
import type { OrderStatsCard } from '../../src/order-stats-card/order-stats-card.js';
import type { ClientOrdersSummary } from '../../src/client-orders-summary/client-orders-summary.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { activeOrderWithDeliveredLead, allOrders } from '../helpers/demo-orders.js';

const values = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part="value"]')].map((v) => Number(v.textContent!.replace(/\D/g, '')));

describe('dashboard cards on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  it("order-stats-card as admin shows the database's active, attention and overdue counts", async () => {
    const stats = await db.admin.stats();
    const el = await fixture<OrderStatsCard>(html`<order-stats-card .tracking=${db.admin}></order-stats-card>`);
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    expect(values(el)).to.deep.equal([stats.active, stats.needs_attention, stats.overdue]);
  });

  it("client-orders-summary as client B counts only client B's orders, and follows assignments live", async () => {
    const own = await allOrders(db.admin, { clientId: db.users.clientB.client_id! });
    const delivered = own.reduce((sum, o) => sum + o.leads_delivered, 0);
    const active = own.filter((o) => o.status === 'Active').length;
    const el = await fixture<ClientOrdersSummary>(html`<client-orders-summary .tracking=${db.clientB}></client-orders-summary>`);
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 10000 });
    expect(values(el)).to.deep.equal([active, delivered]);

    const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, db.users.clientB.client_id!);
    await db.admin.leads.assignToOrder(leadId, null);
    await waitUntil(() => values(el)[1] === delivered - 1, 'summary updated', { timeout: 10000 });
    await db.admin.leads.assignToOrder(leadId, order.id);
    await waitUntil(() => values(el)[1] === delivered, 'summary restored', { timeout: 10000 });
  });
});
