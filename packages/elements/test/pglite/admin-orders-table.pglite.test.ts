import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/admin-orders-table/define.js';
import '../../src/shared/locales/register-de.js';
import '../../src/shared/locales/register-ar.js';
import type { AdminOrdersTable, OrdersTableFilters } from '../../src/admin-orders-table/define.js';
import type { Tracking } from '../../src/shared/tracking.js';
import type { Order } from '../../src/shared/types.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { allOrders } from '../helpers/demo-orders.js';
import { expectAccessible } from '../helpers/axe.js';
import { fixtureWithin } from '../helpers/within.js';
import { csvParseRows } from 'd3-dsv';
import { deferred } from '../helpers/fake-tracking.js';
import type { OrdersExportDetail } from '../../src/admin-orders-table/define.js';

const $ = <T extends Element = HTMLElement>(el: AdminOrdersTable, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: AdminOrdersTable, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const numbers = (el: AdminOrdersTable) => $$(el, '[part="row"] [part="order-number"]').map((n) => n.textContent!);
const row = (el: AdminOrdersTable, id: string) => $(el, `tr[data-id="${id}"]`);
const badge = (el: AdminOrdersTable, id: string) => row(el, id)?.querySelector('[part="badge"]')?.textContent ?? null;
const actionButton = (el: AdminOrdersTable, id: string, action: string) =>
  row(el, id)!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
const ready = (el: AdminOrdersTable) => waitUntil(() => el.matches(':state(ready)'), 'page loaded', { timeout: 10000 });
/** The innermost focused element, through shadow roots. */
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('admin-orders-table on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  let clientId: string;
  /** A name no demo order has, so a search shows only the orders a test made. */
  let tag = 0;
  const unique = (label: string) => `${label} ${Date.now().toString(36)}-${++tag}`;
  const create = (name: string, status: 'Draft' | 'Active' | 'Paused' = 'Active', leads = 10) =>
    db.admin.orders.create({ client_id: clientId, leads_purchased: leads, name, status, priority: 1 });
  const statusInDb = async (id: string) => (await db.admin.orders.get(id, { leadLimit: 0, timelineLimit: 0 })).order.status;

  before(async () => {
    db = await openDatabase();
    clientId = db.users.clientA.client_id!;
  });
  after(() => db?.close());

  it('pages through the filtered orders with the sort the database has, and marks the sorted column', async () => {
    const active = (await allOrders(db.admin)).filter((o) => o.status === 'Active');
    const byNumber = new Map(active.map((o) => [o.order_number, o]));
    const el = await fixture<AdminOrdersTable>(
      html`<admin-orders-table status="Active" sort="target" page-size="3" .tracking=${db.admin}></admin-orders-table>`,
    );
    const seen: string[] = [];
    for (;;) {
      await ready(el);
      seen.push(...numbers(el));
      const next = $$<HTMLButtonElement>(el, '[part="pagination"] button')[1];
      if (!next || next.disabled) break;
      next.click();
      await el.updateComplete;
    }
    expect([...seen].sort()).to.deep.equal([...byNumber.keys()].sort());
    const day = (o: Order) => o.target_delivery_date ?? '9999-12-31';
    const rows = seen.map((n) => byNumber.get(n)!);
    expect(rows.every((o, i) => i === 0 || day(rows[i - 1]!) <= day(o)), 'nearest target date first').to.be.true;
    const sorted = $$(el, 'th[aria-sort]').filter((th) => th.getAttribute('aria-sort') !== 'none');
    expect(sorted.map((th) => [th.textContent!.trim().replace(/\s+/g, ' '), th.getAttribute('aria-sort')])).to.deep.equal([
      ['Target date▲', 'ascending'],
    ]);
    // Order number, client, name and status have no server sort, so no sort button.
    expect($$(el, '[part="sort-button"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Sort by Progress',
      'Sort by Target date',
      'Sort by Priority',
    ]);
    await expectAccessible(el);
  });

  it("echoes the user's filter and sort changes in filters-change, and sends them to the database", async () => {
    const name = unique('Echo');
    const order = await create(name);
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table page-size="5" .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    const events: OrdersTableFilters[] = [];
    el.addEventListener('filters-change', (e) => events.push((e as CustomEvent<OrdersTableFilters>).detail));

    const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
    search.value = name;
    search.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await ready(el);
    expect(numbers(el)).to.deep.equal([order.order_number]);
    expect(el.getAttribute('search'), 'reflected for the host').to.equal(name);

    $$<HTMLButtonElement>(el, '[part="sort-button"]')[2]!.click(); // priority
    $$<HTMLButtonElement>(el, '[part="sort-button"]')[0]!.click(); // progress
    const status = $<HTMLSelectElement>(el, 'select')!;
    status.value = 'Paused';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await ready(el);
    expect(numbers(el), 'the new order is Active, not Paused').to.deep.equal([]);
    expect($(el, '[part="empty"]')!.textContent).to.equal('No orders match this filter.');
    await expectAccessible(el);

    const base = { clientId: '', targetFrom: '', targetTo: '', page: '' };
    expect(events).to.deep.equal([
      { ...base, status: '', search: name, sort: 'priority' },
      // The table was already sorted by priority: no change, no event.
      { ...base, status: '', search: name, sort: 'progress' },
      { ...base, status: 'Paused', search: name, sort: 'progress' },
    ]);
  });

  it('keeps filter, sort and page in the URL: a new table reading the same URL after a reload shows the same rows', async () => {
    const name = unique('Reload');
    for (let i = 0; i < 5; i++) await create(`${name} ${i}`, i === 4 ? 'Paused' : 'Active');
    const keys = ['status', 'clientId', 'targetFrom', 'targetTo', 'search', 'sort', 'page'] as const;
    const attribute = { status: 'status', clientId: 'client-id', targetFrom: 'target-from', targetTo: 'target-to', search: 'search', sort: 'sort', page: 'page' };
    const start = location.href;
    // The host: every filters-change goes into the address, as a router would put it.
    const toUrl = (e: Event) => {
      const url = new URL(location.href);
      const detail = (e as CustomEvent<OrdersTableFilters>).detail;
      for (const key of keys) {
        if (detail[key]) url.searchParams.set(key, detail[key]);
        else url.searchParams.delete(key);
      }
      history.replaceState(null, '', url);
    };
    /** A table built from the address alone, as after a reload. */
    const fromUrl = async () => {
      const table = document.createElement('admin-orders-table') as AdminOrdersTable;
      table.setAttribute('page-size', '2');
      for (const [key, value] of new URL(location.href).searchParams) {
        if (key in attribute) table.setAttribute(attribute[key as keyof typeof attribute], value);
      }
      table.tracking = db.admin;
      table.addEventListener('filters-change', toUrl);
      return fixture<AdminOrdersTable>(html`${table}`);
    };
    try {
      const el = await fromUrl();
      await ready(el);
      const search = $<HTMLInputElement>(el, 'input[type="search"]')!;
      search.value = name;
      search.dispatchEvent(new Event('change'));
      const status = $<HTMLSelectElement>(el, 'select')!;
      status.value = 'Active';
      status.dispatchEvent(new Event('change'));
      $$<HTMLButtonElement>(el, '[part="sort-button"]')[1]!.click(); // target date
      await el.updateComplete;
      await ready(el);
      $$<HTMLButtonElement>(el, '[part="pagination"] button')[1]!.click(); // next page
      await el.updateComplete;
      await ready(el);
      const shown = numbers(el);
      expect(shown).to.have.length(2);
      const pageLabel = $(el, '[part="pagination"] span')!.textContent;
      expect(pageLabel).to.equal('Page 2');
      const address = new URL(location.href).searchParams;
      expect([address.get('search'), address.get('status'), address.get('sort')]).to.deep.equal([name, 'Active', 'target']);
      expect(address.get('page'), 'the page is in the address').to.be.a('string').and.not.equal('');

      el.remove();
      const reloaded = await fromUrl();
      await ready(reloaded);
      expect(reloaded.filters).to.deep.equal(el.filters);
      expect(numbers(reloaded), 'the same rows').to.deep.equal(shown);
      expect($(reloaded, '[part="pagination"] span')!.textContent).to.equal('Page 2');
      expect($<HTMLSelectElement>(reloaded, 'select')!.value).to.equal('Active');
      expect($<HTMLInputElement>(reloaded, 'input[type="search"]')!.value).to.equal(name);
      expect($(reloaded, 'th[aria-sort="ascending"]')!.textContent!.trim()).to.contain('Target date');
      // Back to the first page from the restored one; the address follows.
      $$<HTMLButtonElement>(reloaded, '[part="pagination"] button')[0]!.click();
      await reloaded.updateComplete;
      await ready(reloaded);
      expect(new URL(location.href).searchParams.has('page')).to.be.false;
      expect(numbers(reloaded)).to.have.length(2);
      expect(numbers(reloaded)).not.to.include.members(shown);
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('takes filters set as attributes: client and target range', async () => {
    const own = (await allOrders(db.admin, { clientId })).filter(
      (o) => o.target_delivery_date && o.target_delivery_date >= '2000-01-01' && o.target_delivery_date <= '2999-12-31',
    );
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table
      client-id=${clientId}
      target-from="2000-01-01"
      target-to="2999-12-31"
      page-size="500"
      .tracking=${db.admin}
    ></admin-orders-table>`);
    await ready(el);
    expect(numbers(el).sort()).to.deep.equal(own.map((o) => o.order_number).sort());
    expect(own.length).to.be.greaterThan(0);
  });

  it('pauses and resumes an order from its row; the database holds the new status', async () => {
    const order = await create(unique('Pause'));
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${order.name!} .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    const actions: string[] = [];
    el.addEventListener('order-action', (e) => actions.push((e as CustomEvent).detail.action));

    actionButton(el, order.id, 'pause').click();
    await waitUntil(() => $(el, '[part="notice"]')!.textContent!.includes('is now Paused'), 'paused', { timeout: 10000 });
    expect(await statusInDb(order.id)).to.equal('Paused');
    expect(badge(el, order.id)).to.equal('Paused');

    await waitUntil(() => row(el, order.id)?.querySelector('[data-action="resume"]'), 'resume offered', { timeout: 10000 });
    actionButton(el, order.id, 'resume').click();
    await waitUntil(() => $(el, '[part="notice"]')!.textContent!.includes('is now Active'), 'resumed', { timeout: 10000 });
    expect(await statusInDb(order.id)).to.equal('Active');
    expect(badge(el, order.id)).to.equal('Active');
    expect(actions).to.deep.equal(['pause', 'resume']);
    await expectAccessible(el);
  });

  it("names each row's action buttons with their order number, in every language", async () => {
    const order = await create(unique('Named'));
    for (const [lang, pause, complete, cancel] of [
      ['en', 'Pause', 'Complete', 'Cancel order'],
      ['de', 'Pausieren', 'Abschließen', 'Auftrag stornieren'],
      ['ar', 'إيقاف مؤقت', 'إتمام', 'إلغاء الطلب'],
    ]) {
      const el = await fixtureWithin<AdminOrdersTable>(
        lang === 'ar' ? { lang: lang!, dir: 'rtl' } : { lang: lang! },
        html`<admin-orders-table search=${order.name!} .tracking=${db.admin}></admin-orders-table>`,
      );
      await ready(el);
      const number = `\u2068${order.order_number}\u2069`;
      const names = ['pause', 'complete', 'cancel'].map((a) => actionButton(el, order.id, a));
      expect(names.map((b) => b.textContent!.trim()), lang).to.deep.equal([pause, complete, cancel]);
      const sep = lang === 'de' ? ': ' : ' ';
      expect(names.map((b) => b.getAttribute('aria-label')), lang).to.deep.equal([pause, complete, cancel].map((w) => `${w}${sep}${number}`));
      await expectAccessible(el);
    }
  });

  it("shows a refused action at once, then rolls it back with the database's explanation", async () => {
    // A Completed order that is full: the database refuses to reopen it.
    const full = (await allOrders(db.admin)).find((o) => o.status === 'Completed' && o.leads_remaining === 0);
    expect(!!full, 'the demo data has a full Completed order').to.be.true;
    const refusal = await db.admin.orders.resume(full!.id).then(
      () => null,
      (error: Error & { code: string }) => error,
    );
    expect(refusal?.code).to.equal('invalid_status_transition');
    // The real SDK, with the one call held until the test lets it go, to see the optimistic row.
    const gate = deferred<void>();
    const held: Tracking = {
      ...db.admin,
      orders: { ...db.admin.orders, resume: async (id, options) => (await gate.promise, db.admin.orders.resume(id, options)) },
    };
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${full!.order_number} .tracking=${held}></admin-orders-table>`);
    await ready(el);
    expect(badge(el, full!.id)).to.equal('Completed');
    const reopen = actionButton(el, full!.id, 'resume');
    expect(reopen.textContent!.trim()).to.equal('Reopen');
    reopen.click();
    await el.updateComplete;
    expect(badge(el, full!.id), 'optimistic').to.equal('Active');
    gate.resolve();
    await waitUntil(() => $(el, '[part="refusal"]')!.textContent!.trim() !== '', 'refusal shown', { timeout: 10000 });
    expect($(el, '[part="refusal"]')!.textContent!.trim()).to.equal(`${full!.order_number} was not changed: ${refusal!.message}`);
    expect(badge(el, full!.id), 'rolled back').to.equal('Completed');
    expect(await statusInDb(full!.id)).to.equal('Completed');
    await expectAccessible(el);
  });

  it('asks before cancelling: "keep it" changes nothing and returns focus, "yes" cancels', async () => {
    const order = await create(unique('Cancel'), 'Draft');
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${order.name!} .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    actionButton(el, order.id, 'cancel').click();
    await el.updateComplete;
    const confirm = row(el, order.id)!.querySelector('[part="confirm"]')!;
    expect(confirm.getAttribute('aria-label')).to.equal(`Cancel ${order.order_number}? This cannot be undone.`);
    expect(focused() === confirm.querySelector('[part="confirm-yes"]'), 'focus on the confirm button').to.be.true;
    await expectAccessible(el);

    confirm.querySelector<HTMLButtonElement>('[part="confirm-no"]')!.click();
    await el.updateComplete;
    expect(!!row(el, order.id)!.querySelector('[part="confirm"]')).to.be.false;
    expect(focused() === actionButton(el, order.id, 'cancel'), 'focus back on the cancel button').to.be.true;
    expect(await statusInDb(order.id)).to.equal('Draft');

    actionButton(el, order.id, 'cancel').click();
    await el.updateComplete;
    row(el, order.id)!.querySelector<HTMLButtonElement>('[part="confirm-yes"]')!.click();
    await waitUntil(() => $(el, '[part="notice"]')!.textContent!.includes('is now Cancelled'), 'cancelled', { timeout: 10000 });
    expect(await statusInDb(order.id)).to.equal('Cancelled');
  });

  it('pauses, resumes and cancels the selected rows together', async () => {
    const name = unique('Bulk');
    const orders = [await create(`${name} one`), await create(`${name} two`), await create(`${name} three`)];

    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${name} .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    expect(numbers(el).sort()).to.deep.equal(orders.map((o) => o.order_number).sort());
    const selectRow = (id: string) => {
      const box = row(el, id)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      box.click();
    };
    selectRow(orders[0]!.id);
    selectRow(orders[1]!.id);
    await el.updateComplete;
    expect($(el, '[part="bulk"] span')!.textContent).to.equal('2 selected');
    expect($<HTMLInputElement>(el, 'thead input[type="checkbox"]')!.indeterminate).to.be.true;
    await expectAccessible(el);

    $<HTMLButtonElement>(el, '[data-bulk="pause"]')!.click();
    await waitUntil(() => $$(el, '[part="notice"] p').length === 2, 'both paused', { timeout: 10000 });
    expect(await Promise.all(orders.map((o) => statusInDb(o.id)))).to.deep.equal(['Paused', 'Paused', 'Active']);
    expect(!!$(el, '[part="bulk"]'), 'the selection is done with').to.be.false;

    await waitUntil(() => badge(el, orders[0]!.id) === 'Paused' && badge(el, orders[1]!.id) === 'Paused', 'rows paused');
    selectRow(orders[0]!.id);
    selectRow(orders[1]!.id);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-bulk="resume"]')!.click();
    await waitUntil(() => $$(el, '[part="notice"] p').length === 2 && $(el, '[part="notice"]')!.textContent!.includes('Active'), 'both resumed', { timeout: 10000 });
    expect(await Promise.all(orders.map((o) => statusInDb(o.id)))).to.deep.equal(['Active', 'Active', 'Active']);

    $<HTMLInputElement>(el, 'thead input[type="checkbox"]')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-bulk="cancel"]')!.click();
    await el.updateComplete;
    expect($(el, '[part="bulk"] [part="confirm"]')!.getAttribute('aria-label')).to.equal('Cancel 3 orders? This cannot be undone.');
    $<HTMLButtonElement>(el, '[part="bulk"] [part="confirm-yes"]')!.click();
    await waitUntil(() => $$(el, '[part="notice"] p').length === 3, 'all cancelled', { timeout: 10000 });
    expect(await Promise.all(orders.map((o) => statusInDb(o.id)))).to.deep.equal(['Cancelled', 'Cancelled', 'Cancelled']);
  });

  it('follows a change made elsewhere without reload', async () => {
    const order = await create(unique('Live'));
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${order.name!} .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    expect(badge(el, order.id)).to.equal('Active');
    await db.admin.orders.pause(order.id);
    await waitUntil(() => badge(el, order.id) === 'Paused', 'row updated live', { timeout: 10000 });
  });

  /** Clicks "Export CSV" and resolves with the file, which the browser is kept from downloading. */
  async function exportFile(el: AdminOrdersTable): Promise<OrdersExportDetail> {
    const exported = new Promise<OrdersExportDetail>((resolve) =>
      el.addEventListener('orders-export', (e) => {
        e.preventDefault();
        resolve((e as CustomEvent<OrdersExportDetail>).detail);
      }),
    );
    $<HTMLButtonElement>(el, '[part="export"]')!.click();
    return exported;
  }

  it('exports every order the filters select as CSV, each cell as the database has it, quoted', async () => {
    const name = unique('Export');
    const tricky = [
      await create(`${name} =HYPERLINK("http://x"), with "quotes"`),
      await create(`${name} line one\nline two`),
      await create(`${name} -1+2`),
    ];
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${name} page-size="1" .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    expect(numbers(el), 'one order per page on screen').to.have.length(1);
    const { blob, filename } = await exportFile(el);
    expect(filename).to.match(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    const text = await blob.text();
    const [header, ...rows] = csvParseRows(text.replace(/\r\n$/, ''));
    expect(header).to.deep.equal([
      'Order number', 'Client', 'Name', 'Status', 'Priority', 'Purchased', 'Delivered', 'Remaining',
      'Completion %', 'Start date', 'Target date', 'Completion date', 'Created',
    ]);
    // Every page, not only the one on screen.
    expect(rows.map((r) => r[0]).sort()).to.deep.equal(tricky.map((o) => o.order_number).sort());
    const byNumber = new Map(rows.map((r) => [r[0], r]));
    for (const order of tricky) {
      expect(byNumber.get(order.order_number)).to.deep.equal([
        order.order_number, order.client_name ?? '', order.name!, 'Active', '1', '10', '0', '10',
        '0', order.start_date ?? '', order.target_delivery_date ?? '', '', new Date(order.created_at).toISOString(),
      ]);
    }
    // Quoting: the comma and the quotes stay in one cell, and so does the newline.
    expect(text).to.include(`"${name} =HYPERLINK(""http://x""), with ""quotes"""`);
    expect(text).to.include(`"${name} line one\nline two"`);
    await waitUntil(() => $(el, '[part="notice"]')!.textContent!.includes('CSV exported.'), 'done announced');
    await expectAccessible(el);
  });

  it("writes the CSV header row in the reader's language (German), each cell still as the database has it", async () => {
    const name = unique('Ausfuhr');
    const made = [await create(`${name} Müller, "GmbH"`), await create(`${name} zweite; Zeile\nzwei`, 'Paused', 7)];
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table locale="de" search=${name} page-size="1" .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    expect($(el, '[part="export"]')!.textContent!.trim()).to.equal('CSV exportieren');
    const text = await (await exportFile(el)).blob.text();
    const [header, ...rows] = csvParseRows(text.replace(/\r\n$/, ''));
    expect(header).to.deep.equal([
      'Auftragsnummer', 'Kunde', 'Name', 'Status', 'Priorität', 'Gekauft', 'Geliefert', 'Offen',
      'Fertigstellung %', 'Startdatum', 'Zieldatum', 'Abschlussdatum', 'Erstellt',
    ]);
    const byNumber = new Map(rows.map((r) => [r[0], r]));
    expect([...byNumber.keys()].sort()).to.deep.equal(made.map((o) => o.order_number).sort());
    for (const order of made) {
      // Numbers unformatted (no German thousands separator), dates ISO, the status as stored.
      expect(byNumber.get(order.order_number)).to.deep.equal([
        order.order_number, order.client_name ?? '', order.name!, order.status, '1', String(order.leads_purchased), '0',
        String(order.leads_purchased), '0', order.start_date ?? '', order.target_delivery_date ?? '', '', new Date(order.created_at).toISOString(),
      ]);
    }
    await waitUntil(() => $(el, '[part="notice"]')!.textContent!.includes('CSV exportiert.'), 'done announced in German');
  });

  it('writes the CSV header row in Arabic for an Arabic reader', async () => {
    const order = await create(unique('عربي'));
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table locale="ar" search=${order.order_number} .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    const [header, row] = csvParseRows((await (await exportFile(el)).blob.text()).trim());
    expect(header!.slice(0, 3)).to.deep.equal(['رقم الطلب', 'العميل', 'الاسم']);
    expect(header).to.have.length(13);
    expect(row![0]).to.equal(order.order_number);
  });

  it('guards a cell that a spreadsheet would run as a formula', async () => {
    const formula = `=cmd|' /C calc'!A0 ${unique('f')}`;
    const order = await create(formula);
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table search=${order.order_number} .tracking=${db.admin}></admin-orders-table>`);
    await ready(el);
    const [, row] = csvParseRows((await (await exportFile(el)).blob.text()).trim());
    expect(row![0]).to.equal(order.order_number);
    expect(row![2]).to.equal(`'${formula}`);
  });
});
