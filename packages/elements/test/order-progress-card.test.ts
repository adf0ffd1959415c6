import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/order-progress-card/define.js';
import '../src/order-tracking-provider/define.js';
import '../src/shared/locales/register-de.js';
import type { OrderProgressCard } from '../src/order-progress-card/order-progress-card.js';
import { dateFromToday, makeOrder, sampleOrders } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { fixtureWithin } from './helpers/within.js';
import { codedError, deferred, stubTracking } from './helpers/fake-tracking.js';
import type { Order } from '../src/shared/types.js';

const bar = (el: OrderProgressCard) => el.shadowRoot!.querySelector('[role="progressbar"]')!;
const text = (el: OrderProgressCard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
/** The value text as read aloud: the Unicode isolates around each number are not spoken. */
const valueText = (el: OrderProgressCard) => bar(el).getAttribute('aria-valuetext')!.replace(/[\u2068\u2069]/g, '');

describe('order-progress-card (presentational)', () => {
  it('shows the bar, counts, status, days left and pace from the row', async () => {
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${makeOrder()}></order-progress-card>`);
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('45');
    expect(valueText(el)).to.equal('45 of 100 leads delivered (45%)');
    expect(text(el)).to.contain('45 / 100 delivered');
    expect(text(el)).to.contain('55 leads remaining');
    expect(text(el)).to.contain('20 days left');
    expect(text(el)).to.contain('On track');
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal('Active');
    expect(el.matches(':state(ready)')).to.be.true;
    await expectAccessible(el);
  });

  it('says how many days an overdue order is late and that it is behind', async () => {
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${sampleOrders.overdue()}></order-progress-card>`);
    expect(text(el)).to.contain('6 days overdue');
    expect(text(el)).to.contain('Behind pace');
    expect(el.shadowRoot!.querySelector('[part="timing"]')!.classList.contains('overdue')).to.be.true;
  });

  for (const [name, make] of Object.entries(sampleOrders)) {
    it(`has no accessibility violations: ${name}`, async () => {
      const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${make()}></order-progress-card>`);
      await expectAccessible(el);
    });
  }

  it('shows a full order at 100% with nothing remaining and no deadline once completed', async () => {
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${sampleOrders.completed()}></order-progress-card>`);
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('100');
    expect(text(el)).to.contain('0 leads remaining');
    expect(el.shadowRoot!.querySelector('[part="timing"]')).to.be.null;
    expect(el.shadowRoot!.querySelector('[part="fill"]')!.classList.contains('full')).to.be.true;
  });

  it('colours the fill of a nearly full order as a warning, and only that one', async () => {
    const nearly = await fixture<OrderProgressCard>(html`<order-progress-card .order=${sampleOrders.nearlyFull()}></order-progress-card>`);
    const active = await fixture<OrderProgressCard>(html`<order-progress-card .order=${sampleOrders.active()}></order-progress-card>`);
    const fill = (el: OrderProgressCard) => el.shadowRoot!.querySelector('[part="fill"]')!;
    expect(fill(nearly).classList.contains('nearly')).to.be.true;
    expect(fill(active).classList.contains('nearly')).to.be.false;
    expect(getComputedStyle(fill(nearly)).backgroundColor).not.to.equal(getComputedStyle(fill(active)).backgroundColor);
  });

  it('compact hides remaining and pace but keeps the bar and counts', async () => {
    const el = await fixture<OrderProgressCard>(html`<order-progress-card compact .order=${makeOrder()}></order-progress-card>`);
    expect(bar(el)).to.exist;
    expect(text(el)).to.contain('45 / 100 delivered');
    expect(text(el)).not.to.contain('remaining');
    expect(el.shadowRoot!.querySelector('[part="pace"]')).to.be.null;
  });

  it('renders markup in names as inert text', async () => {
    const order = makeOrder({ name: '<img src=x onerror="window.__pwned=1"><b>bold</b>', order_number: '<i>ORD</i>' });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${order}></order-progress-card>`);
    expect(el.shadowRoot!.querySelector('img, b, i')).to.be.null;
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal(order.name);
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('speaks German with German number formats when lang="de"', async () => {
    const order = makeOrder({ leads_purchased: 2000, leads_delivered: 1500, days_remaining: 1 });
    const el = await fixtureWithin<OrderProgressCard>({ lang: 'de' }, html`<order-progress-card .order=${order}></order-progress-card>`);
    expect(text(el)).to.contain('1.500 / 2.000 geliefert');
    expect(text(el)).to.contain('noch 1 Tag');
    expect(valueText(el)).to.equal('1.500 von 2.000 Leads geliefert (75\u00a0%)');
  });

  it('follows the locale attribute over the inherited lang, and re-renders when it changes', async () => {
    const el = await fixture<OrderProgressCard>(html`<order-progress-card locale="de" .order=${makeOrder()}></order-progress-card>`);
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal('Aktiv');
    el.locale = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal('Active');
  });

  it('falls back to English for an unknown language', async () => {
    const el = await fixture<OrderProgressCard>(html`<order-progress-card locale="xx-YY" .order=${makeOrder()}></order-progress-card>`);
    expect(text(el)).to.contain('45 / 100 delivered');
  });

  it('lays out right to left under dir="rtl"', async () => {
    const el = await fixtureWithin<OrderProgressCard>(
      { dir: 'rtl', style: 'width: 400px' },
      html`<order-progress-card .order=${sampleOrders.rtlName()}></order-progress-card>`,
    );
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(getComputedStyle(base).direction).to.equal('rtl');
    // The fill starts at the inline start: the right edge in RTL.
    const track = bar(el).getBoundingClientRect();
    const fill = el.shadowRoot!.querySelector('[part="fill"]')!.getBoundingClientRect();
    expect(Math.round(fill.right)).to.equal(Math.round(track.right));
    expect(fill.width).to.be.lessThan(track.width);
    await expectAccessible(el);
  });
});

describe('order-progress-card numbers and dates people read', () => {
  /** Runs `body` with the clock at `iso`; the widgets read `Date.now()` for "today". */
  async function at<T>(iso: string, body: () => Promise<T>): Promise<T> {
    const real = Date.now;
    Date.now = () => Date.parse(iso);
    try {
      return await body();
    } finally {
      Date.now = real;
    }
  }
  // As the database sends it on 30 November (UTC): due today, not overdue.
  const dueNov30 = () => makeOrder({ target_delivery_date: '2026-11-30', days_remaining: 0, is_overdue: false });

  it('never rounds up to 100% before the last lead: 1,999 of 2,000 is 99.9%', async () => {
    // The database rounds to nearest and sends 100.0 for this order.
    const order = makeOrder({ leads_purchased: 2000, leads_delivered: 1999, completion_percentage: 100 });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${order}></order-progress-card>`);
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('99.9');
    expect(valueText(el)).to.equal('1,999 of 2,000 leads delivered (99.9%)');
    expect(el.shadowRoot!.querySelector('[part="fill"]')!.classList.contains('full')).to.be.false;
    el.locale = 'de';
    await el.updateComplete;
    expect(valueText(el)).to.contain('(99,9\u00a0%)');
  });

  it('shows 100% once every lead is delivered', async () => {
    const el = await fixture<OrderProgressCard>(
      html`<order-progress-card .order=${makeOrder({ leads_purchased: 2000, leads_delivered: 2000 })}></order-progress-card>`,
    );
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('100');
  });

  it("counts days from the viewer's today: due 30 November is a day overdue at 01:00 on 1 December in Auckland", async () => {
    await at('2026-11-30T12:00:00Z', async () => {
      const el = await fixture<OrderProgressCard>(
        html`<order-progress-card time-zone="Pacific/Auckland" .order=${dueNov30()}></order-progress-card>`,
      );
      expect(el.shadowRoot!.querySelector('[part="timing"]')!.textContent).to.equal('1 day overdue');
      expect(el.shadowRoot!.querySelector('[part="timing"]')!.classList.contains('overdue')).to.be.true;
    });
  });

  it('west of UTC in the evening an order due today is due today, not overdue', async () => {
    // 19:00 on 30 November in Los Angeles is already 1 December in UTC: the database says overdue.
    const order = makeOrder({ target_delivery_date: '2026-11-30', days_remaining: -1, is_overdue: true });
    await at('2026-12-01T03:00:00Z', async () => {
      const el = await fixture<OrderProgressCard>(
        html`<order-progress-card time-zone="America/Los_Angeles" .order=${order}></order-progress-card>`,
      );
      expect(el.shadowRoot!.querySelector('[part="timing"]')!.textContent).to.equal('Due today');
      el.timeZone = 'Asia/Tokyo'; // 12:00 on 1 December there
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="timing"]')!.textContent).to.equal('1 day overdue');
    });
  });

  it("without time-zone counts from the browser's today, and an unknown zone falls back to it", async () => {
    const order = makeOrder({ target_delivery_date: dateFromToday(3), days_remaining: 99 });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${order}></order-progress-card>`);
    expect(el.shadowRoot!.querySelector('[part="timing"]')!.textContent).to.equal('3 days left');
    el.setAttribute('time-zone', 'Not/A_Zone');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="timing"]')!.textContent).to.equal('3 days left');
  });

  it('a full order past its target date shows no deadline instead of negative days left', async () => {
    const order = makeOrder({ leads_purchased: 50, leads_delivered: 50, target_delivery_date: dateFromToday(-2), days_remaining: -2 });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${order}></order-progress-card>`);
    // A failing check on an element makes chai serialize it: compare its text instead.
    expect(el.shadowRoot!.querySelector('[part="timing"]')?.textContent ?? null).to.equal(null);
  });
});

describe('order-progress-card isolates user text', () => {
  it('sets the order number and name each in a <bdi>, and isolates the numbers in the value text', async () => {
    const order = makeOrder({ name: '\u202Eevil name', order_number: 'ORD-\u202E7' });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card .order=${order}></order-progress-card>`);
    expect(el.shadowRoot!.querySelector('[part="name"]')!.localName).to.equal('bdi');
    expect(el.shadowRoot!.querySelector('[part="order-number"]')!.localName).to.equal('bdi');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('\u206845\u2069 of \u2068100\u2069 leads delivered (\u206845%\u2069)');
  });
});

describe('order-progress-card (loading through the SDK)', () => {
  it('shows a skeleton while loading, then the order', async () => {
    const pending = deferred<{ order: Order }>();
    const tracking = stubTracking({ get: () => pending.promise });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card order-id="o1" .tracking=${tracking}></order-progress-card>`);
    expect(el.matches(':state(loading)')).to.be.true;
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    await expectAccessible(el);
    pending.resolve({ order: makeOrder({ leads_delivered: 60 }) });
    await waitUntil(() => el.matches(':state(ready)'));
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('60');
  });

  it('shows an error with a retry button that loads again', async () => {
    let calls = 0;
    const tracking = stubTracking({
      get: () => (++calls === 1 ? Promise.reject(codedError('network')) : Promise.resolve({ order: makeOrder() })),
    });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card order-id="o1" .tracking=${tracking}></order-progress-card>`);
    await waitUntil(() => el.matches(':state(error)'));
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => el.matches(':state(ready)'));
    expect(calls).to.equal(2);
  });

  it('shows not-found when the SDK refuses with order_not_found', async () => {
    const tracking = stubTracking({ get: () => Promise.reject(codedError('order_not_found')) });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card order-id="nope" .tracking=${tracking}></order-progress-card>`);
    await waitUntil(() => el.matches(':state(not-found)'));
    expect(el.shadowRoot!.querySelector('[part="not-found"]')!.textContent).to.equal('Order not found.');
    await expectAccessible(el);
  });

  it('refetches when the subscription reports a change', async () => {
    let delivered = 10;
    const tracking = stubTracking({ get: () => Promise.resolve({ order: makeOrder({ leads_delivered: delivered }) }) });
    const el = await fixture<OrderProgressCard>(html`<order-progress-card order-id="o1" .tracking=${tracking}></order-progress-card>`);
    await waitUntil(() => el.matches(':state(ready)'));
    delivered = 11;
    tracking.emit();
    await waitUntil(() => bar(el).getAttribute('aria-valuenow') === '11');
  });

  it('takes the SDK from <order-tracking-provider>', async () => {
    const tracking = stubTracking({ get: () => Promise.resolve({ order: makeOrder({ name: 'From provider' }) }) });
    const wrapper = await fixture<HTMLElement>(html`<order-tracking-provider .tracking=${tracking}>
      <order-progress-card order-id="o1"></order-progress-card>
    </order-tracking-provider>`);
    const el = wrapper.querySelector('order-progress-card')!;
    await waitUntil(() => el.matches(':state(ready)'));
    expect(text(el)).to.contain('From provider');
  });
});
