import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/client-orders-list/define.js';
import '../src/shared/locales/register-de.js';
import type { ClientOrdersList } from '../src/client-orders-list/client-orders-list.js';
import type { Order } from '../src/shared/types.js';
import { makeOrder, sampleOrders } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { codedError, deferred, stubTracking } from './helpers/fake-tracking.js';

const rows = (el: ClientOrdersList) => [...el.shadowRoot!.querySelectorAll('[part="row"]')];
const titles = (el: ClientOrdersList) => rows(el).map((r) => r.querySelector('[part="order-number"]')!.textContent);
const select = (el: ClientOrdersList, index: number) => el.shadowRoot!.querySelectorAll('select')[index]!;

async function choose(el: ClientOrdersList, index: number, value: string) {
  const s = select(el, index);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

function many(n: number): Order[] {
  return Array.from({ length: n }, (_, i) =>
    makeOrder({ order_number: `ORD-${String(i + 1).padStart(5, '0')}`, leads_delivered: i % 100, priority: 0 }),
  );
}

const mixed = () => Object.values(sampleOrders).map((make) => make());

describe('client-orders-list (presentational)', () => {
  it('shows a row per order with its progress, status and facts', async () => {
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .orders=${mixed()}></client-orders-list>`);
    expect(rows(el)).to.have.length(11);
    expect(rows(el)[0]!.querySelector('[role="progressbar"]')).to.exist;
    expect(rows(el)[0]!.querySelector('[part="badge"]')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('11 orders');
    expect(el.matches(':state(ready)')).to.be.true;
    await expectAccessible(el);
  });

  it('filters by status and says when nothing matches', async () => {
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .orders=${mixed()}></client-orders-list>`);
    await choose(el, 0, 'Paused');
    expect(rows(el)).to.have.length(1);
    expect(el.status).to.equal('Paused');
    const only = await fixture<ClientOrdersList>(html`<client-orders-list status="Draft" .orders=${[sampleOrders.active()]}></client-orders-list>`);
    expect(rows(only)).to.have.length(0);
    expect(only.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No orders match');
  });

  it('sorts by progress (least delivered first), target date and newest', async () => {
    const orders = [
      makeOrder({ order_number: 'A', leads_delivered: 50, target_delivery_date: '2025-06-01', created_at: '2025-01-03T00:00:00Z' }),
      makeOrder({ order_number: 'B', leads_delivered: 10, target_delivery_date: null, created_at: '2025-01-01T00:00:00Z' }),
      makeOrder({ order_number: 'C', leads_delivered: 90, target_delivery_date: '2025-02-01', created_at: '2025-01-02T00:00:00Z' }),
    ];
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .orders=${orders}></client-orders-list>`);
    await choose(el, 1, 'progress');
    expect(titles(el)).to.deep.equal(['B', 'A', 'C']);
    await choose(el, 1, 'target');
    expect(titles(el)).to.deep.equal(['C', 'A', 'B']);
    await choose(el, 1, 'newest');
    expect(titles(el)).to.deep.equal(['A', 'C', 'B']);
  });

  it('renders one page of 10,000 orders and pages through them', async () => {
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="25" .orders=${many(10000)}></client-orders-list>`);
    expect(rows(el)).to.have.length(25);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('10,000 orders');
    const [previous, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button');
    expect(previous!.disabled).to.be.true;
    next!.click();
    await el.updateComplete;
    expect(titles(el)[0]).to.equal('ORD-00026');
    expect(el.shadowRoot!.querySelector('[part="pagination"] span')!.textContent).to.equal('Page 2 of 400');
    await choose(el, 0, 'Active'); // a new filter starts at page 1
    expect(titles(el)[0]).to.equal('ORD-00001');
  });

  it('links each order through href-template and fires a cancelable order-open', async () => {
    const order = makeOrder({ id: '00000000-0000-4000-8000-00000000abcd' });
    const el = await fixture<ClientOrdersList>(
      html`<client-orders-list href-template="/client/orders/{id}" .orders=${[order]}></client-orders-list>`,
    );
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="link"]')!;
    expect(link.getAttribute('href')).to.equal(`/client/orders/${order.id}`);
    el.addEventListener('order-open', (e) => e.preventDefault(), { once: true });
    const opened = oneEvent(el, 'order-open');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    const event = (await opened) as CustomEvent;
    expect(event.detail.orderId).to.equal(order.id);
    expect(click.defaultPrevented, 'the host cancelled: no navigation').to.be.true;
  });

  it('without href-template, each order is a button that fires order-open', async () => {
    const order = makeOrder();
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .orders=${[order]}></client-orders-list>`);
    const opened = oneEvent(el, 'order-open');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="link"]')!.click();
    const event = (await opened) as CustomEvent;
    expect(event.detail.order).to.equal(order);
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('says when there are no orders at all', async () => {
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .orders=${[]}></client-orders-list>`);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('No orders yet.');
    await expectAccessible(el);
  });

  it('renders markup in names as inert text and speaks German', async () => {
    const evil = makeOrder({ name: '<script>window.__pwned=1</script><b>x</b>' });
    const el = await fixture<ClientOrdersList>(html`<client-orders-list locale="de" .orders=${[evil]}></client-orders-list>`);
    expect(el.shadowRoot!.querySelector('script, b')).to.be.null;
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal(evil.name);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('1 Auftrag');
    expect(select(el, 0).options[0]!.textContent).to.equal('Alle Status');
  });
});

describe('client-orders-list (loading through the SDK)', () => {
  function withPages(pages: () => AsyncGenerator<{ items: Order[]; next_cursor: string | null }>) {
    const tracking = stubTracking({});
    (tracking.orders as { pages: unknown }).pages = pages;
    return tracking;
  }

  it('shows a skeleton, then every page the SDK returns', async () => {
    const gate = deferred<void>();
    const tracking = withPages(async function* () {
      await gate.promise;
      yield { items: many(3), next_cursor: 'c' };
      yield { items: many(2), next_cursor: null };
    });
    const el = await fixture<ClientOrdersList>(html`<client-orders-list client-id="c1" .tracking=${tracking}></client-orders-list>`);
    expect(el.matches(':state(loading)')).to.be.true;
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    await expectAccessible(el);
    gate.resolve();
    await waitUntil(() => el.matches(':state(ready)'));
    expect(rows(el)).to.have.length(5);
  });

  it('shows an error with retry', async () => {
    let calls = 0;
    const tracking = withPages(async function* () {
      if (++calls === 1) throw codedError('network');
      yield { items: many(1), next_cursor: null };
    });
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .tracking=${tracking}></client-orders-list>`);
    await waitUntil(() => el.matches(':state(error)'));
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => el.matches(':state(ready)'));
    expect(rows(el)).to.have.length(1);
  });
});
