import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/order-filter/define.js';
import type { OrderFilter } from '../../src/order-filter/define.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { expectAccessible } from '../helpers/axe.js';

const select = (el: OrderFilter, part: string) => el.shadowRoot!.querySelector<HTMLSelectElement>(`[part="${part}"]`)!;
async function choose(el: OrderFilter, part: string, value: string) {
  const s = select(el, part);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('order-filter on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  it('is a form control whose choice lists the right leads: all, no order, one order of a client', async () => {
    const clientId = db.users.clientA.client_id!;
    const form = await fixture<HTMLFormElement>(html`<form><order-filter name="order" .tracking=${db.admin}></order-filter></form>`);
    const el = form.querySelector('order-filter')!;
    let changes = 0;
    el.addEventListener('change', () => changes++);
    expect(el.value).to.equal('');
    expect(el.leadFilters).to.deep.equal({});
    await expectAccessible(el);

    await choose(el, 'mode', 'none');
    expect([el.value, changes, new FormData(form).get('order')]).to.deep.equal(['none', 1, 'none']);
    const none = await db.admin.leads.list({ ...el.leadFilters, limit: 50 });
    expect(none.items.length).to.be.greaterThan(0);
    expect(none.items.every((lead) => lead.order_id === null)).to.be.true;

    await choose(el, 'mode', 'one');
    expect(el.value, 'no order picked yet: all leads').to.equal('');
    await waitUntil(() => select(el, 'client').options.length > 1, 'clients listed', { timeout: 10000 });
    await choose(el, 'client', clientId);
    const own = (await db.admin.orders.list({ clientId, limit: 500 })).items.find((o) => o.leads_delivered > 0)!;
    await waitUntil(() => [...select(el, 'order').options].some((o) => o.value === own.id), 'orders listed', { timeout: 10000 });
    await choose(el, 'order', own.id);
    expect([el.value, new FormData(form).get('order')]).to.deep.equal([own.id, own.id]);
    const leads = await db.admin.leads.list({ ...el.leadFilters, limit: 500 });
    expect(leads.items.length).to.be.greaterThan(0);
    expect(leads.items.every((lead) => lead.order_id === own.id)).to.be.true;
    await expectAccessible(el);

    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(select(el, 'mode').value).to.equal('');
  });
});
