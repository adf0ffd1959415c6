import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/admin-orders-table/define.js';
import '../src/shared/locales/register-de.js';
import type { AdminOrdersTable } from '../src/admin-orders-table/define.js';
import { sampleOrders } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { fixtureWithin } from './helpers/within.js';
import { codedError, deferred, stubTracking } from './helpers/fake-tracking.js';
import type { Order } from '../src/shared/types.js';

const $ = (el: AdminOrdersTable, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: AdminOrdersTable, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const every = (): Order[] => Object.values(sampleOrders).map((make) => make());
/** A `YYYY-MM-DD` day as a reader of `lang` expects it (the fixtures' dates move with the clock). */
const day = (lang: string, date: string | null) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

describe('admin-orders-table (presentational)', () => {
  it('shows the given rows in a table: number, client, name, progress bar, status, target date, priority', async () => {
    const order = sampleOrders.overdue();
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table .orders=${[order]}></admin-orders-table>`);
    expect($$(el, 'thead th').map((th) => th.textContent!.trim())).to.deep.equal([
      'Order', 'Client', 'Name', 'Progress', 'Status', 'Target date', 'Priority',
    ]);
    const cells = $$(el, 'tbody tr > *').map((c) => c.textContent!.trim().replace(/\s+/g, ' '));
    expect(cells).to.deep.equal([order.order_number, 'Acme Staffing', 'Late Batch', '45 / 100 delivered', 'Active', day('en', order.target_delivery_date), '0']);
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuetext'), 'numbers isolated from the text around them')
      .to.equal('\u206845\u2069 of \u2068100\u2069 leads delivered (\u206845%\u2069)');
    expect($$(el, 'tbody td')[4]!.classList.contains('overdue'), 'the overdue date stands out').to.be.true;
    // The host's rows are shown as they are: no sort buttons, no paging, no actions without an SDK.
    expect($$(el, '[part="sort-button"]')).to.have.length(0);
    expect(!!$(el, '[part="action"]')).to.be.false;
    expect(getComputedStyle($(el, 'thead th')!).position, 'sticky header').to.equal('sticky');
    await expectAccessible(el);
  });

  it('has no accessibility violations with every kind of order, in light and dark', async () => {
    for (const [scheme, page] of [['light', '#fff'], ['dark', '#17191e']]) {
      const el = await fixtureWithin<AdminOrdersTable>(
        { style: `--lo-color-scheme: ${scheme}; color-scheme: ${scheme}; background: ${page}` },
        html`<admin-orders-table .orders=${every()}></admin-orders-table>`,
      );
      expect($$(el, 'tbody tr')).to.have.length(every().length);
      await expectAccessible(el);
    }
  });

  it('says so when there are no orders', async () => {
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table .orders=${[]}></admin-orders-table>`);
    expect($(el, '[part="empty"]')!.textContent).to.equal('No orders yet.');
    await expectAccessible(el);
  });

  it('speaks German, dates included, and lays out right to left', async () => {
    const rtl = sampleOrders.rtlName();
    const el = await fixtureWithin<AdminOrdersTable>(
      { lang: 'de', dir: 'rtl' },
      html`<admin-orders-table .orders=${[rtl]}></admin-orders-table>`,
    );
    expect($$(el, 'thead th').map((th) => th.textContent!.trim())).to.deep.equal([
      'Auftrag', 'Kunde', 'Name', 'Fortschritt', 'Status', 'Zieldatum', 'Priorität',
    ]);
    expect($$(el, 'tbody td')[4]!.textContent!.trim()).to.equal(day('de', rtl.target_delivery_date));
    expect(day('de', '2025-03-31'), 'German days read day.month.year').to.equal('31.03.2025');
    expect(getComputedStyle($(el, 'table')!).direction).to.equal('rtl');
    await expectAccessible(el);
  });
});

describe('admin-orders-table (states a database cannot show on demand)', () => {
  it('shows a skeleton while the first page loads, then an error with a retry that loads again', async () => {
    const first = deferred<never>();
    let calls = 0;
    const tracking = stubTracking({
      list: () => (++calls === 1 ? first.promise : Promise.resolve({ items: [sampleOrders.active()], next_cursor: null })),
    });
    const el = await fixture<AdminOrdersTable>(html`<admin-orders-table .tracking=${tracking}></admin-orders-table>`);
    expect(el.matches(':state(loading)')).to.be.true;
    expect($(el, '[part="skeleton"]')!.getAttribute('aria-label')).to.equal('Loading…');
    await expectAccessible(el);
    first.reject(codedError('network', 'The network is unreachable.'));
    await waitUntil(() => el.matches(':state(error)'), 'error shown');
    expect($(el, '[part="error"]')!.textContent).to.contain('Could not load.');
    await expectAccessible(el);
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => el.matches(':state(ready)'), 'loaded on retry');
    expect($$(el, 'tbody tr')).to.have.length(1);
    expect(calls).to.equal(2);
  });
});
