import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/admin-order-detail/define.js';
import '../../src/admin-orders-table/define.js';
import type { AdminOrderDetail } from '../../src/admin-order-detail/define.js';
import type { AdminOrdersTable } from '../../src/admin-orders-table/define.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { expectAccessible } from '../helpers/axe.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('admin-order-detail on PGlite', function () {
  this.timeout(90000);
  let db: Database;
  let clientId: string;
  before(async () => {
    db = await openDatabase();
    clientId = db.users.clientA.client_id!;
  });
  after(() => db?.close());

  /** Client A's leads in no order whose status counts as delivered (Approved, Lead). */
  async function deliveredPool(): Promise<string[]> {
    const ids: string[] = [];
    for await (const page of db.admin.leads.pages({ clientId, noOrder: true, status: ['Approved', 'Lead'], limit: 500 })) ids.push(...page.items.map((l) => l.id));
    return ids;
  }
  const pick = async (el: AdminOrderDetail, id: string, on = true) => {
    const box = $(el, `[part="assign"] tr[data-id="${id}"] input.pick`) as HTMLInputElement;
    if (box.checked !== on) box.click();
    await el.updateComplete;
  };
  const leadsInOrder = async (orderId: string) => (await db.admin.leads.list({ orderId, limit: 500 })).items.map((l) => l.id);

  it('assigns picked leads all or nothing, until the order is full and completes live in the table too', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 2, name: `Fill ${Date.now()}`, status: 'Active' });
    const pool = await deliveredPool();
    expect(pool.length, 'demo data has delivered leads in no order').to.be.greaterThan(2);
    const root = await fixture<HTMLDivElement>(html`<div>
      <admin-order-detail order-id=${order.id} leads-page-size="500" .tracking=${db.admin}></admin-order-detail>
      <admin-orders-table search=${order.name!} .tracking=${db.admin}></admin-orders-table>
    </div>`);
    const el = root.querySelector('admin-order-detail')!;
    const table = root.querySelector<AdminOrdersTable>('admin-orders-table')!;
    await waitUntil(() => !!$(el, '[part="assign"] input.pick'), 'pool listed', { timeout: 20000 });
    await waitUntil(() => table.matches(':state(ready)'), 'table loaded', { timeout: 20000 });
    const badgeInTable = () => text($(table, `tr[data-id="${order.id}"] [part="badge"]`));
    expect(badgeInTable()).to.equal('Active');

    // Three picked, room for two: the database refuses all three and nothing changes.
    for (const id of pool.slice(0, 3)) await pick(el, id);
    expect(text($(el, '[part="capacity"]'))).to.equal('3 picked · room for 2');
    await expectAccessible(el);
    ($(el, 'button.assign') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="notice"]')).startsWith('Nothing was assigned:'), 'refused', { timeout: 15000 });
    expect(await leadsInOrder(order.id)).to.deep.equal([]);

    await pick(el, pool[2]!, false);
    ($(el, 'button.assign') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="notice"]')) === `2 leads assigned to ${order.order_number}.`, 'assigned', { timeout: 15000 });
    expect((await leadsInOrder(order.id)).sort()).to.deep.equal(pool.slice(0, 2).sort());
    // Full, the order completed itself: the page and the table follow without reload.
    await waitUntil(() => text($(el, '[part="header"] [part="badge"]')) === 'Completed', 'completed on the page', { timeout: 15000 });
    await waitUntil(() => badgeInTable() === 'Completed', 'completed in the table', { timeout: 15000 });
    await waitUntil(() => $$(el, '[part="lead-row"]').filter((r) => !r.closest('[part="assign"]')).length === 2, 'leads listed', { timeout: 15000 });
    await expectAccessible(el);

    // Taking one out reopens it.
    const takeOut = $$(el, 'button.unassign')[0] as HTMLButtonElement;
    takeOut.click();
    await waitUntil(() => text($(el, '[part="header"] [part="badge"]')) === 'Active', 'active again', { timeout: 15000 });
    expect(await leadsInOrder(order.id)).to.have.length(1);
  });

  it('pauses and resumes the order, and asks before cancelling', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 5, status: 'Active' });
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => el.matches(':state(ready)'), 'loaded', { timeout: 15000 });
    const button = (action: string) => $(el, `[data-action="${action}"]`) as HTMLButtonElement;
    button('pause').click();
    await waitUntil(() => text($(el, '[part="header"] [part="badge"]')) === 'Paused', 'paused', { timeout: 15000 });
    await waitUntil(() => !!button('resume'), 'resume offered');
    button('resume').click();
    await waitUntil(() => text($(el, '[part="header"] [part="badge"]')) === 'Active', 'resumed', { timeout: 15000 });
    await waitUntil(() => !!button('cancel'), 'cancel offered');
    button('cancel').click();
    await el.updateComplete;
    expect(text($(el, '[part="confirm"] span'))).to.equal(`Cancel ${order.order_number}? This cannot be undone.`);
    ($(el, '[part="confirm-yes"]') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="header"] [part="badge"]')) === 'Cancelled', 'cancelled', { timeout: 15000 });
    expect((await db.admin.orders.get(order.id, { leadLimit: 0, timelineLimit: 0 })).order.status).to.equal('Cancelled');
    await expectAccessible(el);
  });
});
