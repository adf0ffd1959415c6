import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OrderSelect } from '../../src/order-select/define.js';
import '../../src/admin-order-detail/define.js';
import '../../src/admin-orders-table/define.js';
import type { AdminOrderDetail } from '../../src/admin-order-detail/define.js';
import type { AdminOrdersTable } from '../../src/admin-orders-table/define.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { expectAccessible } from '../helpers/axe.js';
import { fixtureWithin } from '../helpers/within.js';
import { LocalizeController } from '../../src/shared/localize.js';
import { refusalText } from '../../src/shared/refusal.js';
import { ordersTable } from '../../src/shared/locales/en/orders-table.js';
import '../../src/shared/locales/register-ar.js';
import '../../src/shared/locales/register-de.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** The innermost focused element, through shadow roots. */
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
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
  /** One of client A's leads in no order that does not count as delivered (the delivered ones fill other tests' orders). */
  const undeliveredLead = async () => (await db.admin.leads.list({ clientId, noOrder: true, status: ['New'], limit: 1 })).items[0]!.id;
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

    // Three picked, room for two: Assign is disabled with the reason, and nothing is sent.
    for (const id of pool.slice(0, 3)) await pick(el, id);
    expect(text($(el, '[part="capacity"]'))).to.equal('3 picked · room for 2');
    const submit = $(el, 'button.assign') as HTMLButtonElement;
    expect(submit.disabled, 'Assign disabled beyond the room').to.be.true;
    expect(text($(el, `#${submit.getAttribute('aria-describedby')}`))).to.equal('Pick at most 2 leads: the order has room for no more.');
    await expectAccessible(el);
    submit.click();
    await el.updateComplete;
    expect(text($(el, '[part="notice"]'))).to.equal('');
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

  it("moves a lead to another order of the client from the order's leads, by keyboard, refusing a full order with the reason", async () => {
    const stamp = Date.now().toString(36);
    const create = (name: string, leads: number) => db.admin.orders.create({ client_id: clientId, leads_purchased: leads, name: `${name} ${stamp}`, status: 'Active' });
    const [home, other, full, racing] = [await create('Home', 5), await create('Other', 3), await create('Full', 1), await create('Racing', 4)];
    const pool = await deliveredPool();
    expect(pool.length, 'demo data has delivered leads in no order').to.be.greaterThan(2);
    await db.admin.leads.assignMany(pool.slice(0, 2), home.id);
    await db.admin.leads.assignMany([pool[2]!], full.id);
    const [first, second] = pool;
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${home.id} leads-page-size="500" .tracking=${db.admin}></admin-order-detail>`);
    const moveButton = (id: string) => $(el, `button.move-start[data-lead="${id}"]`) as HTMLButtonElement | null;
    const select = () => $(el, '[part="move"] order-select') as OrderSelect | null;
    const delivered = () => (($(el, 'order-progress-card') as unknown as { order?: { leads_delivered: number } }).order?.leads_delivered);
    await waitUntil(() => !!moveButton(first!) && !!moveButton(second!), 'leads listed', { timeout: 20000 });
    expect(delivered()).to.equal(2);

    // Keyboard: Enter on the row's Move opens the step with focus in the order picker; Escape closes it and focus returns.
    moveButton(first!)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!select(), 'move step open');
    await select()!.updateComplete;
    await waitUntil(() => select()!.shadowRoot!.contains(focused()), 'focus in the order picker');
    expect(moveButton(first!)!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !select(), 'move step closed');
    expect(focused() === moveButton(first!), 'focus back on Move').to.be.true;

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!select() && select()!.matches(':state(ready)'), 'orders listed', { timeout: 15000 });
    // The full order (it completed itself) is offered but cannot be chosen, and says why; the counts are shown.
    await sendKeys({ press: 'ArrowDown' });
    await select()!.updateComplete;
    const option = (number: string) => [...select()!.shadowRoot!.querySelectorAll<HTMLElement>('[part="option"]')].find((o) => o.textContent!.includes(number))!;
    expect(option(full.order_number).getAttribute('aria-disabled')).to.equal('true');
    expect(text(option(full.order_number).querySelector('[part="option-reason"]'))).to.equal('Completed');
    expect(text(option(other.order_number))).to.contain('(0/3)');
    await sendKeys({ press: 'Escape' }); // closes the list only
    expect(select(), 'the step stays open').to.exist;
    await expectAccessible(el);

    // Move submitted without an order chosen: said, nothing sent.
    ($(el, 'button.move-submit') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="notice"]')) === 'Choose the order to move the lead to.', 'asks for an order');

    select()!.value = other.id;
    ($(el, 'button.move-submit') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '[part="notice"]')).endsWith(`was moved to ${other.order_number}.`), 'moved', { timeout: 15000 });
    expect(await leadsInOrder(other.id)).to.deep.equal([first]);
    expect(await leadsInOrder(home.id)).to.deep.equal([second]);
    // Live: this order's counts and list follow, and the picker shows the other order's new count.
    await waitUntil(() => delivered() === 1, 'counts live', { timeout: 15000 });
    await waitUntil(() => !moveButton(first!), 'lead gone from the list', { timeout: 15000 });
    expect(select(), 'step closed').to.be.null;

    // An order paused after it was chosen: the database refuses, in its words, and the lead stays.
    moveButton(second!)!.click();
    await waitUntil(() => !!select() && select()!.matches(':state(ready)'), 'orders listed again', { timeout: 15000 });
    await waitUntil(() => select()!.shadowRoot!.contains(focused()), 'focus in the order picker');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => text(option(other.order_number) ?? null).includes('(1/3)'), 'picker counts live', { timeout: 15000 });
    await sendKeys({ press: 'Escape' });
    select()!.value = racing.id;
    await db.admin.orders.pause(racing.id);
    ($(el, 'button.move-submit') as HTMLButtonElement).click();
    await waitUntil(() => text($(el, '[part="notice"]')).startsWith('Not moved:'), 'refused', { timeout: 15000 });
    expect(text($(el, '[part="notice"]')), 'in the reader\'s words, with the status from the details').to.equal('Not moved: The order is Paused; only an active order takes leads.');
    expect(await leadsInOrder(home.id)).to.deep.equal([second]);
    expect(await leadsInOrder(racing.id)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('names who made each change in the history, isolated as user text', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 5, name: `Who ${Date.now()}`, status: 'Active' });
    await db.admin.orders.update(order.id, { status: 'Paused' });
    const { timeline } = await db.admin.orders.get(order.id, { leadLimit: 0, timelineLimit: 100 });
    const name = timeline[0]!.actor_name;
    expect(name, 'the admin has a profile name').to.be.a('string').and.not.equal('');
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => $$(el, '[part="event"]').length === timeline.length, 'history shown', { timeout: 20000 });
    const actors = $$(el, '[part="event"] [part="actor"]');
    expect(actors).to.have.length(timeline.length);
    for (const actor of actors) {
      expect(text(actor)).to.equal(`by ${name}`);
      expect(actor.querySelector('bdi')!.textContent).to.equal(name);
    }
    await expectAccessible(el);
  });

  it('isolates every lead text cell right to left, keeps email and phone left to right on one line, and names the row buttons with the isolated company', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 5, name: `RTL ${Date.now()}`, status: 'Active' });
    await db.admin.leads.assignMany([await undeliveredLead()], order.id);
    const lead = (await db.admin.leads.list({ orderId: order.id, limit: 5 })).items[0]!;
    expect(lead.email, 'demo lead has an email').to.be.a('string');
    expect(lead.phone, 'demo lead has a phone').to.be.a('string');
    const el = await fixtureWithin<AdminOrderDetail>({ lang: 'ar', dir: 'rtl' }, html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    const row = () => $$(el, '[part="lead-row"]').find((r) => r.dataset.id === lead.id && !r.closest('[part="assign"]'));
    await waitUntil(() => !!row(), 'lead listed', { timeout: 20000 });
    const cells = [...row()!.children] as HTMLElement[];
    // company, contact, email, phone, status, delivered, actions
    expect(cells[0]!.querySelector('bdi')!.textContent).to.equal(lead.company_name);
    expect(cells[1]!.querySelector('bdi')!.textContent).to.equal(lead.contact_name ?? '');
    expect(cells[4]!.querySelector('bdi')!.textContent).to.equal(lead.status);
    for (const [cell, value] of [[cells[2]!, lead.email], [cells[3]!, lead.phone]] as const) {
      const data = cell.querySelector<HTMLElement>('[dir="ltr"]')!;
      expect(data.textContent).to.equal(value);
      expect(getComputedStyle(data).whiteSpace, 'kept on one line').to.equal('nowrap');
    }
    const move = cells[6]!.querySelector<HTMLButtonElement>('button.move-start')!;
    const out = cells[6]!.querySelector<HTMLButtonElement>('button.unassign')!;
    expect(text(move)).to.equal('نقل');
    expect(move.getAttribute('aria-label')).to.equal(`نقل \u2068${lead.company_name}\u2069`);
    expect(text(out)).to.equal('إزالة');
    expect(out.getAttribute('aria-label')).to.equal(`إزالة \u2068${lead.company_name}\u2069 من الطلب`);
    await expectAccessible(el);
  });

  it('shows short "Move" and "Take out" buttons on each lead row, each named with its company', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 5, name: `Names ${Date.now()}`, status: 'Active' });
    await db.admin.leads.assignMany([await undeliveredLead()], order.id);
    const lead = (await db.admin.leads.list({ orderId: order.id, limit: 5 })).items[0]!;
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => !!$(el, `button.unassign[data-lead="${lead.id}"]`), 'lead listed', { timeout: 20000 });
    const move = $(el, `button.move-start[data-lead="${lead.id}"]`)!;
    const out = $(el, `button.unassign[data-lead="${lead.id}"]`)!;
    expect([text(move), move.getAttribute('aria-label')]).to.deep.equal(['Move', `Move \u2068${lead.company_name}\u2069`]);
    expect([text(out), out.getAttribute('aria-label')]).to.deep.equal(['Take out', `Take out \u2068${lead.company_name}\u2069`]);
  });

  it('lists the newest ten changes of a long history and folds the earlier ones behind a translated "Show n earlier changes"', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 5, name: `Long ${Date.now()}`, status: 'Active' });
    for (let i = 0; i < 7; i++) {
      await db.admin.orders.pause(order.id);
      await db.admin.orders.resume(order.id);
    }
    const { timeline } = await db.admin.orders.get(order.id, { leadLimit: 0, timelineLimit: 100 });
    expect(timeline.length, 'more than ten events').to.be.greaterThan(12);
    const earlier = timeline.length - 10;
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => $$(el, '[part="event"]').length === timeline.length, 'history rendered', { timeout: 20000 });
    const details = $(el, 'details[part="timeline-earlier"]') as HTMLDetailsElement;
    expect(details.open, 'folded').to.be.false;
    expect(text(details.querySelector('summary'))).to.equal(`Show ${earlier} earlier changes`);
    const shown = $$(el, '[part="event"]').filter((e) => e.checkVisibility());
    expect(shown).to.have.length(10);
    expect(shown.map((e) => e.querySelector('time')!.getAttribute('datetime'))).to.deep.equal(timeline.slice(0, 10).map((e) => e.created_at));
    details.querySelector('summary')!.click();
    await waitUntil(() => $$(el, '[part="event"]').filter((e) => e.checkVisibility()).length === timeline.length, 'earlier changes shown');
    await expectAccessible(el);
    const de = await fixtureWithin<AdminOrderDetail>({ lang: 'de' }, html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => !!$(de, 'details[part="timeline-earlier"] summary'), 'German history', { timeout: 20000 });
    expect(text($(de, 'details[part="timeline-earlier"] summary'))).to.equal(`${earlier} frühere Änderungen anzeigen`);
  });

  it('says why nothing can be assigned to a Paused or a full order instead of offering the pick', async () => {
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 1, name: `Closed ${Date.now()}`, status: 'Active' });
    await db.admin.orders.pause(order.id);
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => !!$(el, '[part="assign-closed"]'), 'closed panel', { timeout: 20000 });
    expect(text($(el, '[part="assign-closed"]'))).to.equal('No leads can be assigned: the order is Paused. Only an active order takes leads.');
    expect($(el, '[part="assign"] input.pick'), 'no pick offered').to.be.null;
    expect($(el, 'button.assign'), 'no submit').to.be.null;
    await expectAccessible(el);
    const de = await fixtureWithin<AdminOrderDetail>({ lang: 'de' }, html`<admin-order-detail order-id=${order.id} .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => !!$(de, '[part="assign-closed"]'), 'German closed panel', { timeout: 20000 });
    expect(text($(de, '[part="assign-closed"]'))).to.equal('Es können keine Leads zugewiesen werden: Der Auftrag ist Pausiert. Nur ein aktiver Auftrag nimmt Leads auf.');
  });

  it("words the database's refusals the pages know in the reader's language with the numbers from their details, else in the database's message", async () => {
    // Client B's leads: the other tests use up client A's delivered leads in no order.
    const clientB = db.users.clientB.client_id!;
    const order = await db.admin.orders.create({ client_id: clientB, leads_purchased: 2, name: `Refusal ${Date.now()}`, status: 'Active' });
    const leads = (await db.admin.leads.list({ clientId: clientB, noOrder: true, status: ['Approved', 'Lead'], limit: 3 })).items.map((l) => l.id);
    expect(leads, 'demo data has delivered leads in no order').to.have.length(3);
    const refusal = async (run: () => Promise<unknown>) => run().then(() => expect.fail('refused'), (error: unknown) => error);
    // Three delivered leads into an order with room for two.
    const full = await refusal(() => db.admin.leads.assignMany(leads, order.id)) as { code: string; message: string };
    await db.admin.orders.pause(order.id);
    const paused = await refusal(() => db.admin.leads.assignMany([leads[0]!], order.id)) as { code: string; message: string };
    // A refusal the pages have no words of their own for: the database's message.
    const other = await refusal(() => db.admin.orders.complete(order.id).then(() => db.admin.orders.pause(order.id))) as { code: string; message: string };
    expect(other.code).to.equal('invalid_status_transition');
    expect([full.code, paused.code]).to.deep.equal(['order_full', 'order_not_active']);
    expect(full.message, 'the database speaks English').to.match(/places left/);
    const words = (lang: string) => {
      const host = Object.assign(document.createElement('div'), { lang, addController() {}, requestUpdate() {} });
      document.body.append(host);
      const l = new LocalizeController(host as never, ordersTable);
      const said = [full, paused, other].map((e) => refusalText(l, e));
      host.remove();
      return said;
    };
    expect(words('en')).to.deep.equal(['The order has room for only 2 more leads.', 'The order is Paused; only an active order takes leads.', other.message]);
    expect(words('de')).to.deep.equal(['Im Auftrag ist nur noch Platz für 2 Leads.', 'Der Auftrag ist Pausiert; nur ein aktiver Auftrag nimmt Leads auf.', other.message]);
    expect(words('ar').slice(0, 2)).to.deep.equal([`المتاح في الطلب: ${new Intl.NumberFormat('ar').format(2)} فقط.`, 'حالة الطلب: متوقف مؤقتًا؛ لا يقبل العملاء المحتملين إلا طلب نشط.']);
  });

  it('keeps the focus after assigning (on the panel heading) and after taking a lead out (on the next row), and says what happened', async () => {
    // Client B's leads: the other tests use up client A's leads in no order.
    const clientB = db.users.clientB.client_id!;
    const order = await db.admin.orders.create({ client_id: clientB, leads_purchased: 5, name: `Focus ${Date.now()}`, status: 'Active' });
    const free = (await db.admin.leads.list({ clientId: clientB, noOrder: true, limit: 2 })).items.map((l) => l.id);
    expect(free).to.have.length(2);
    const el = await fixture<AdminOrderDetail>(html`<admin-order-detail order-id=${order.id} leads-page-size="500" .tracking=${db.admin}></admin-order-detail>`);
    await waitUntil(() => free.every((id) => !!$(el, `[part="assign"] tr[data-id="${id}"] input.pick`)), 'pool listed', { timeout: 20000 });
    for (const id of free) await pick(el, id);
    ($(el, 'button.assign') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '[part="notice"]')) === `2 leads assigned to ${order.order_number}.`, 'assigned', { timeout: 15000 });
    expect($(el, '[part="notice"]')!.getAttribute('role')).to.equal('status');
    await waitUntil(() => focused() === $(el, '#assign-title'), 'focus on the panel heading');
    expect(text(focused() as Element)).to.equal('Assign leads');

    const takeOut = (id: string) => $(el, `button.unassign[data-lead="${id}"]`);
    await waitUntil(() => free.every((id) => !!takeOut(id)), 'leads in the order', { timeout: 15000 });
    const rows = $$(el, 'button.unassign').map((b) => b.dataset.lead!);
    const [first, second] = rows;
    takeOut(first!)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !takeOut(first!), 'row gone', { timeout: 15000 });
    await waitUntil(() => focused() === takeOut(second!), 'focus on the next row');
    expect(text($(el, '[part="notice"]'))).to.match(/was taken out of the order\.$/);
    // The last row: focus goes to the list's filter.
    takeOut(second!)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !takeOut(second!), 'last row gone', { timeout: 15000 });
    await waitUntil(() => focused() === $(el, '.leads-filter select'), 'focus on the filter');
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
