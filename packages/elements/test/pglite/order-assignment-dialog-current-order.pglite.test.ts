import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/order-assignment-dialog/define.js';
import type { LeadAssignedDetail, OrderAssignmentDialog } from '../../src/order-assignment-dialog/define.js';
import type { OrderSelect } from '../../src/order-select/order-select.js';
import { openDatabase, type Database } from '../helpers/database.js';

describe('order-assignment-dialog for a lead already in an order, on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  let clientId: string;
  before(async () => {
    db = await openDatabase();
    clientId = db.users.clientA.client_id!;
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await db?.close();
  });

  let taken = 0;
  async function leadInOrder() {
    const { items } = await db.admin.leads.list({ clientId, limit: 200 });
    const lead = items.filter((l) => l.order_id)[taken++];
    if (!lead) throw new Error('the demo data has too few leads in an order');
    return lead;
  }
  const inside = (dialog: OrderAssignmentDialog, selector: string) => dialog.shadowRoot!.querySelector<HTMLElement>(selector);
  const orderSelect = (dialog: OrderAssignmentDialog) => inside(dialog, 'order-select') as OrderSelect;
  async function opened(request: Parameters<OrderAssignmentDialog['show']>[0]) {
    const dialog = await fixture<OrderAssignmentDialog>(html`<order-assignment-dialog .tracking=${db.admin}></order-assignment-dialog>`);
    await dialog.show(request);
    await waitUntil(() => orderSelect(dialog).matches(':state(ready)'), 'orders listed', { timeout: 10000 });
    return dialog;
  }

  it("preselects the lead's current order, so Assign keeps the lead in it", async () => {
    const lead = await leadInOrder();
    const dialog = await opened({ leadId: lead.id, clientId, orderId: lead.order_id, company: lead.company_name });
    expect(orderSelect(dialog).value).to.equal(lead.order_id);
    expect(inside(dialog, '[part="leaves-order"]')).to.be.null;
    const assigned = oneEvent(dialog, 'lead-assigned');
    inside(dialog, '[part="submit"]')!.click();
    const detail = ((await assigned) as CustomEvent<LeadAssignedDetail>).detail;
    expect(detail.orderId).to.equal(lead.order_id);
    expect(detail.result.lead.order_id).to.equal(lead.order_id);
  });

  it('names the lead in its title as isolated user text', async () => {
    const lead = await leadInOrder();
    const company = 'שלום Corp <b>';
    const dialog = await opened({ leadId: lead.id, clientId, orderId: lead.order_id, company });
    const name = inside(dialog, '[part="heading"] bdi[part="lead"]')!;
    expect(name.textContent).to.equal(company);
    expect(inside(dialog, '[part="heading"] b')).to.be.null;
  });

  it('says plainly that "without order" takes the lead out of its order', async () => {
    const lead = await leadInOrder();
    const dialog = await opened({ leadId: lead.id, clientId, orderId: lead.order_id });
    const select = orderSelect(dialog);
    (select.shadowRoot!.querySelector('[role="combobox"]') as HTMLElement).click();
    await select.updateComplete;
    const none = [...select.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => /without order/i.test(o.textContent!))!;
    none.click();
    await dialog.updateComplete;
    expect(select.value).to.equal('');
    expect(inside(dialog, '[part="leaves-order"]')?.textContent).to.match(/leaves the order/);
  });

  for (const [width, height] of [
    [1280, 900],
    [1280, 480],
  ] as const) {
    it(`keeps its title and buttons in view with the order list open (${width}×${height})`, async () => {
      await setViewport({ width, height });
      const lead = await leadInOrder();
      const dialog = await opened({ leadId: lead.id, clientId, orderId: lead.order_id });
      const select = orderSelect(dialog);
      (select.shadowRoot!.querySelector('[role="combobox"]') as HTMLElement).click();
      await waitUntil(() => select.matches(':state(open)'), 'list open');
      await select.updateComplete;
      const inView = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
      };
      const listbox = select.shadowRoot!.querySelector('[role="listbox"]')!;
      expect(listbox.querySelectorAll('[role="option"]').length).to.be.greaterThan(0);
      expect(inView(inside(dialog, '[part="heading"]')!), 'title in view').to.be.true;
      expect(inView(inside(dialog, '[part="submit"]')!), 'submit in view').to.be.true;
      expect(inView(listbox), 'list in view').to.be.true;
      expect(inside(dialog, 'dialog')!.scrollTop, 'the dialog did not scroll').to.equal(0);
    });
  }
});
