import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Order } from '../../src/shared/types.js';
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

  /** Clicks "next" until it is disabled, collecting every page's order numbers. */
  async function walk(el: ClientOrdersList): Promise<string[][]> {
    const pages: string[][] = [];
    const next = () => el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button')[1];
    for (;;) {
      await waitUntil(() => el.matches(':state(ready)'), 'page loaded', { timeout: 10000 });
      pages.push(numbers(el));
      if (!next() || next()!.disabled) return pages;
      next()!.click();
      await el.updateComplete;
    }
  }
  async function choose(el: ClientOrdersList, index: number, value: string) {
    const select = el.shadowRoot!.querySelectorAll('select')[index]!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }
  const day = (o: Order) => o.target_delivery_date ?? '9999-12-31';
  const share = (o: Order) => o.leads_delivered / Math.max(o.leads_purchased, 1);

  it('asks the database for one sorted page at a time and pages through every order in that order', async () => {
    const every = new Map((await allOrders(db.admin)).map((o) => [o.order_number, o]));
    const el = await fixture<ClientOrdersList>(html`<client-orders-list sort="progress" page-size="4" .tracking=${db.admin}></client-orders-list>`);
    const pages = await walk(el);
    expect(pages.length, 'several pages').to.be.greaterThan(2);
    expect(pages.slice(0, -1).every((p) => p.length === 4)).to.be.true;
    const seen = pages.flat();
    expect([...seen].sort()).to.deep.equal([...every.keys()].sort());
    const shares = seen.map((n) => share(every.get(n)!));
    expect(shares.every((x, i) => i === 0 || shares[i - 1]! <= x), 'least delivered first').to.be.true;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(`${every.size} orders`);

    // Back through the stack of cursors to the first page.
    const previous = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pagination"] button')!;
    while (!previous().disabled) {
      previous().click();
      await el.updateComplete;
      await waitUntil(() => el.matches(':state(ready)'), 'page loaded', { timeout: 10000 });
    }
    expect(numbers(el)).to.deep.equal(pages[0]);

    await choose(el, 1, 'newest');
    const newest = (await walk(el)).flat().map((n) => Date.parse(every.get(n)!.created_at));
    expect(newest).to.have.length(every.size);
    expect(newest.every((t, i) => i === 0 || newest[i - 1]! >= t), 'newest first').to.be.true;
    await expectAccessible(el);
  });

  it('sends the status filter and the target sort to the database', async () => {
    const active = (await allOrders(db.admin)).filter((o) => o.status === 'Active');
    const byNumber = new Map(active.map((o) => [o.order_number, o]));
    const el = await fixture<ClientOrdersList>(
      html`<client-orders-list status="Active" sort="target" page-size="3" .tracking=${db.admin}></client-orders-list>`,
    );
    const seen = (await walk(el)).flat();
    expect([...seen].sort()).to.deep.equal([...byNumber.keys()].sort());
    const rows = seen.map((n) => byNumber.get(n)!);
    expect(
      rows.every((o, i) => i === 0 || day(rows[i - 1]!) < day(o) || (day(rows[i - 1]!) === day(o) && rows[i - 1]!.priority >= o.priority)),
      'nearest target date first, none last, then priority',
    ).to.be.true;
  });

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
