import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/client-order-detail/define.js';
import '../../src/shared/locales/register-de.js';
import type { ClientOrderDetail } from '../../src/client-order-detail/define.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { activeOrderWithDeliveredLead, allOrders } from '../helpers/demo-orders.js';
import { expectAccessible } from '../helpers/axe.js';
import { fixtureWithin } from '../helpers/within.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const ready = (el: ClientOrderDetail) =>
  waitUntil(() => el.matches(':state(ready)') && !!$(el, '[part="leads-table"], [part="empty"]'), 'page loaded', { timeout: 15000 });

describe('client-order-detail on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  it("shows the client's own order: status in words, progress, forecast, chart with its table, leads with client columns, history", async () => {
    const clientId = db.users.clientA.client_id!;
    const { order } = await activeOrderWithDeliveredLead(db.admin, clientId);
    const [series, forecast, details, leads] = await Promise.all([
      db.clientA.orders.deliverySeries(order.id, { bucket: 'auto' }),
      db.clientA.orders.forecast(order.id),
      db.clientA.orders.get(order.id, { leadLimit: 0, timelineLimit: 100 }),
      db.clientA.leads.list({ orderId: order.id, limit: 20 }),
    ]);
    const el = await fixture<ClientOrderDetail>(html`<client-order-detail order-id=${order.id} .tracking=${db.clientA}></client-order-detail>`);
    await ready(el);
    expect(text($(el, '[part="header"]'))).to.contain(order.order_number);
    expect(text($(el, '[part="status-words"]'))).to.equal('Leads are being delivered.');
    const card = $(el, 'order-progress-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[role="progressbar"]'), 'card drawn');
    expect(card.shadowRoot!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal(String(Math.min(100, order.completion_percentage)));
    expect(text($(el, '[part="forecast"]'))).to.contain(`over the last ${forecast.window_days} days`);

    const svg = $(el, '[part="chart"] svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(text(svg.querySelector('title'))).to.match(new RegExp(`^${series.leads_delivered} of ${series.leads_purchased} leads delivered`));
    expect(svg.querySelector('path.delivered')).to.exist;
    const rows = $$(el, '[part="chart-data"] tbody tr').map((tr) => [...tr.children].slice(1).map((c) => c.textContent));
    expect(rows).to.deep.equal(series.points.map((p) => [String(p.delivered), String(p.cumulative)]));

    expect($$(el, '[part="leads-table"] thead th').map((th) => text(th))).to.deep.equal(['Company', 'Contact', 'Email', 'Phone', 'Status', 'Delivered']);
    expect($$(el, '[part="lead-row"]').map((tr) => tr.dataset.id)).to.deep.equal(leads.items.map((l) => l.id));
    expect($$(el, '[part="event"]')).to.have.length(details.timeline.length);
    expect(text($(el, '[part="event"]:last-child'))).to.contain('Order placed');
    // A client's history never names people, though the agency's admin made these changes.
    expect(details.timeline.every((e) => e.actor_name === null)).to.be.true;
    expect($$(el, '[part="actor"]')).to.have.length(0);
    await expectAccessible(el);
  });

  it("says not found for another client's order and shows nothing of it", async () => {
    const other = (await allOrders(db.admin, { clientId: db.users.clientB.client_id! }))[0]!;
    const el = await fixture<ClientOrderDetail>(html`<client-order-detail order-id=${other.id} .tracking=${db.clientA}></client-order-detail>`);
    await waitUntil(() => el.matches(':state(not-found)'), 'not found', { timeout: 15000 });
    expect(text(el.shadowRoot as unknown as Element)).to.equal('Order not found.');
    expect(text(el.shadowRoot as unknown as Element)).not.to.contain(other.order_number);
    await expectAccessible(el);
  });

  it('follows a lead taken out of the order elsewhere, without reload', async () => {
    const clientId = db.users.clientA.client_id!;
    const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, clientId);
    const el = await fixture<ClientOrderDetail>(html`<client-order-detail order-id=${order.id} leads-page-size="500" .tracking=${db.clientA}></client-order-detail>`);
    await ready(el);
    expect($$(el, '[part="lead-row"]').some((tr) => tr.dataset.id === leadId)).to.be.true;
    await db.admin.leads.assignToOrder(leadId, null);
    await waitUntil(() => !$$(el, '[part="lead-row"]').some((tr) => tr.dataset.id === leadId), 'lead gone from the list', { timeout: 15000 });
    await waitUntil(() => text($(el, '[part="event"]')).includes('taken out'), 'history updated', { timeout: 15000 });
    await db.admin.leads.assignToOrder(leadId, order.id);
  });

  it('speaks German, right to left too', async () => {
    const { order } = await activeOrderWithDeliveredLead(db.admin, db.users.clientA.client_id!);
    const el = await fixtureWithin<ClientOrderDetail>(
      { lang: 'de', dir: 'rtl' },
      html`<client-order-detail order-id=${order.id} .tracking=${db.clientA}></client-order-detail>`,
    );
    await ready(el);
    expect($$(el, '.section-title').map((h) => text(h))).to.deep.equal(['Prognose', 'Lieferungen', 'Leads', 'Verlauf']);
    expect(text($(el, '[part="status-words"]'))).to.equal('Leads werden geliefert.');
    await expectAccessible(el);
  });
});
