import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/order-assignment-dialog/define.js';
import '../../src/shared/locales/register-de.js';
import type { LeadAssignedDetail, OrderAssignmentDialog } from '../../src/order-assignment-dialog/define.js';
import type { OrderSelect } from '../../src/order-select/order-select.js';
import type { Tracking } from '../../src/shared/tracking.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { expectAccessible } from '../helpers/axe.js';

/** The innermost focused element, through shadow roots. */
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('order-assignment-dialog on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  let clientId: string;
  before(async () => {
    db = await openDatabase();
    clientId = db.users.clientA.client_id!;
  });
  after(() => db?.close());

  /** A lead of client A in no order: the demo data has some, and each test takes its own. */
  let taken = 0;
  async function freeLead(): Promise<string> {
    const { items } = await db.admin.leads.list({ clientId, noOrder: true, limit: 50 });
    const lead = items[taken++];
    if (!lead) throw new Error('the demo data has too few leads without an order');
    return lead.id;
  }

  /** The page: an opener button, the dialog, and a button behind it that focus must never reach. */
  async function page(tracking: Tracking = db.admin) {
    const root = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">Assign…</button>
      <order-assignment-dialog .tracking=${tracking}></order-assignment-dialog>
      <button id="behind">Behind the dialog</button>
    </div>`);
    const dialog = root.querySelector('order-assignment-dialog')!;
    const opener = root.querySelector<HTMLButtonElement>('#opener')!;
    return { root, dialog, opener, behind: root.querySelector<HTMLButtonElement>('#behind')! };
  }
  const inside = (dialog: OrderAssignmentDialog, selector: string) => dialog.shadowRoot!.querySelector<HTMLElement>(selector)!;
  const orderSelect = (dialog: OrderAssignmentDialog) => inside(dialog, 'order-select') as OrderSelect;
  const ready = (dialog: OrderAssignmentDialog) =>
    waitUntil(() => orderSelect(dialog).matches(':state(ready)'), 'orders listed', { timeout: 10000 });

  it('starts on the first field, keeps focus inside, closes on Escape and gives focus back to the opener', async () => {
    const { dialog, opener, behind } = await page();
    opener.focus();
    await dialog.show({ leadId: await freeLead(), clientId });
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':state(open)')).to.be.true;
    expect(focused() === inside(dialog, '#client-search'), 'focus on the first field').to.be.true;
    await ready(dialog);
    await expectAccessible(dialog);

    // However far one tabs, focus never reaches the page behind the modal.
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      expect(focused() === behind || focused() === opener, `tab ${i + 1} stays inside`).to.be.false;
    }
    let assigned = 0;
    dialog.addEventListener('lead-assigned', () => assigned++);
    const closed = oneEvent(dialog, 'close');
    inside(dialog, '#client-search').focus();
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.be.false;
    expect(focused() === opener, 'focus back on the opener').to.be.true;
    expect(assigned).to.equal(0);
  });

  /** Types `text` into the client search as a person would (one input event), and waits for the status line to say `expected`. */
  async function searchClients(dialog: OrderAssignmentDialog, text: string, expected: string) {
    const field = inside(dialog, '#client-search') as HTMLInputElement;
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const status = inside(dialog, '[part="search-status"]');
    await waitUntil(() => status.textContent === expected, `status line says "${expected}" (says "${status.textContent}")`, { timeout: 10000 });
    return status;
  }
  /** A lead to open the dialog for, never assigned here: the tests that assign keep their own (freeLead) in order. */
  const someLead = async () => (await db.admin.leads.list({ clientId, noOrder: true, limit: 1 })).items[0]!.id;
  const listedClients = (dialog: OrderAssignmentDialog) =>
    [...(inside(dialog, '#client') as HTMLSelectElement).options].filter((o) => o.value).map((o) => o.textContent);

  it("says when no client matches the search, in the reader's language, and says nothing once one does", async () => {
    const { dialog } = await page();
    await dialog.show({ leadId: await someLead() });
    const status = await searchClients(dialog, 'qz', 'No client matches “\u2068qz\u2069”.');
    expect(status.getAttribute('role')).to.equal('status');
    expect(inside(dialog, '#client-search').getAttribute('aria-describedby')).to.equal(status.id);
    expect(listedClients(dialog)).to.deep.equal([]);
    await expectAccessible(dialog);
    // A two-letter piece of a real client's name lists it, and the line empties.
    const { items } = await db.admin.clients.list({ limit: 1 });
    const piece = items[0]!.client_name.slice(1, 3);
    await searchClients(dialog, piece, '');
    expect(listedClients(dialog).length).to.be.greaterThan(0);
    for (const name of listedClients(dialog)) expect(name!.toLowerCase()).to.contain(piece.toLowerCase());
    dialog.locale = 'de';
    await searchClients(dialog, ' qz ', 'Kein Kunde passt zu „\u2068qz\u2069“.');
    dialog.close();
  });

  it('says why the clients could not be loaded', async () => {
    // A client user's SDK: the database refuses to list clients to anyone but an admin.
    const { dialog } = await page({ ...db.admin, clients: db.clientA.clients });
    await dialog.show({ leadId: await someLead() });
    const status = inside(dialog, '[part="search-status"]');
    await waitUntil(() => status.textContent !== '', 'failure shown', { timeout: 10000 });
    const refusal = await db.clientA.clients.list({ limit: 1 }).then(() => null, (error: Error) => error);
    expect((refusal as Error & { code?: string }).code).to.equal('forbidden');
    expect(status.textContent).to.equal(`Clients could not be loaded: ${refusal!.message}`);
    expect(listedClients(dialog)).to.deep.equal([]);
    dialog.close();
  });

  it('assigns the lead to the chosen order through the SDK and reports it', async () => {
    const leadId = await freeLead();
    const order = (await db.admin.orders.available(clientId))[0]!;
    const { dialog, opener } = await page();
    opener.focus();
    await dialog.show({ leadId, clientId });
    await ready(dialog);
    orderSelect(dialog).value = order.id;
    const assigned = oneEvent(dialog, 'lead-assigned');
    inside(dialog, '[part="submit"]').click();
    const detail = ((await assigned) as CustomEvent<LeadAssignedDetail>).detail;
    expect([detail.leadId, detail.clientId, detail.orderId]).to.deep.equal([leadId, clientId, order.id]);
    expect(detail.result.order?.id).to.equal(order.id);
    expect(detail.result.lead.order_id).to.equal(order.id);
    expect(dialog.open).to.be.false;
    expect(focused() === opener).to.be.true;
    const { items } = await db.admin.leads.list({ orderId: order.id, limit: 500 });
    expect(items.some((l) => l.id === leadId)).to.be.true;
  });

  it('assigns without an order', async () => {
    const leadId = await freeLead();
    const { dialog } = await page();
    await dialog.show({ leadId, clientId });
    await ready(dialog);
    expect(orderSelect(dialog).value).to.equal('');
    const assigned = oneEvent(dialog, 'lead-assigned');
    inside(dialog, '[part="submit"]').click();
    const detail = ((await assigned) as CustomEvent<LeadAssignedDetail>).detail;
    expect(detail.orderId).to.equal(null);
    expect(detail.result.lead.client_id).to.equal(clientId);
    expect(detail.result.lead.order_id).to.equal(null);
  });

  it("refuses an order that filled up after it was chosen, in the reader's language, and changes nothing", async () => {
    const [leadId, other] = [await freeLead(), await freeLead()];
    const order = await db.admin.orders.create({ client_id: clientId, leads_purchased: 1, name: 'Last slot', status: 'Active' });
    // Without live updates, so the list still shows the order as it was when chosen.
    const frozen: Tracking = { ...db.admin, subscribe: () => () => undefined };
    const { dialog } = await page(frozen);
    await dialog.show({ leadId, clientId });
    await ready(dialog);
    orderSelect(dialog).value = order.id;
    await db.admin.leads.assignToOrder(other, order.id); // someone else takes the last slot
    let assigned = 0;
    dialog.addEventListener('lead-assigned', () => assigned++);
    inside(dialog, '[part="submit"]').click();
    await waitUntil(() => inside(dialog, '[part="message"]').textContent !== '', 'refusal shown', { timeout: 10000 });
    // Full, the order completed itself; the database says why it takes no more leads.
    const refusal = await db.admin.leads.assignToClient(leadId, clientId, order.id).then(
      () => null,
      (error: Error) => error,
    );
    expect(refusal, 'the database refuses it too').to.not.equal(null);
    expect((refusal as Error & { code?: string }).code).to.equal('order_not_active');
    expect(inside(dialog, '[part="message"]').textContent).to.equal('Not assigned: The order is Completed; only an active order takes leads.');
    // In German the whole sentence is German, not the database's English inside a German frame.
    dialog.locale = 'de';
    inside(dialog, '[part="submit"]').click();
    await waitUntil(() => inside(dialog, '[part="message"]').textContent!.startsWith('Nicht zugewiesen'), 'German refusal shown', { timeout: 10000 });
    expect(inside(dialog, '[part="message"]').textContent).to.equal('Nicht zugewiesen: Der Auftrag ist Abgeschlossen; nur ein aktiver Auftrag nimmt Leads auf.');
    expect(dialog.open, 'stays open to choose again').to.be.true;
    expect(assigned).to.equal(0);
    const { items } = await db.admin.leads.list({ orderId: order.id, limit: 10 });
    expect(items.map((l) => l.id)).to.deep.equal([other]);
    await expectAccessible(dialog);
  });
});
