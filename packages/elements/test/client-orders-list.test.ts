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

  it('an unknown sort, even one named like an Object member, sorts by priority', async () => {
    const orders = [
      makeOrder({ order_number: 'Low', priority: 1 }),
      makeOrder({ order_number: 'High', priority: 5 }),
    ];
    for (const sort of ['__proto__', 'constructor', 'toString', 'nonsense']) {
      const el = await fixture<ClientOrdersList>(html`<client-orders-list sort=${sort} .orders=${orders}></client-orders-list>`);
      expect(titles(el), sort).to.deep.equal(['High', 'Low']);
      expect(el.matches(':state(ready)'), sort).to.be.true;
    }
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

  it('href-template values stay inside their path segment: "..", "/", "?" and "#" cannot escape', async () => {
    const base = 'https://portal.example/client/orders/';
    const hrefOf = async (template: string, order_number: string) => {
      const el = await fixture<ClientOrdersList>(
        html`<client-orders-list href-template=${template} .orders=${[makeOrder({ order_number })]}></client-orders-list>`,
      );
      return el.shadowRoot!.querySelector('a[part="link"]')?.getAttribute('href') ?? null;
    };
    const escaping = await hrefOf('/client/orders/{order_number}', 'a/../../b?admin=1#x');
    expect(escaping).to.equal('/client/orders/a%2F..%2F..%2Fb%3Fadmin%3D1%23x');
    expect(new URL(escaping!, base).pathname).to.equal('/client/orders/a%2F..%2F..%2Fb%3Fadmin%3D1%23x');
    // A whole segment of dots would climb however it is encoded: no link, the button instead.
    for (const dots of ['..', '.']) expect(await hrefOf('/client/orders/{order_number}', dots), dots).to.equal(null);
    expect(await hrefOf('/client/orders/%2E{order_number}', '.'), 'an encoded dot in the template').to.equal(null);
    // Percent signs in a value are encoded themselves: "%2e%2e" is a name, not dots.
    expect(await hrefOf('/client/orders/{order_number}', '%2e%2e')).to.equal('/client/orders/%252e%252e');
    const el = await fixture<ClientOrdersList>(
      html`<client-orders-list href-template="/client/orders/{order_number}" .orders=${[makeOrder({ order_number: '..' })]}></client-orders-list>`,
    );
    expect(el.shadowRoot!.querySelector('button[part="link"]')).to.exist;
    // Dots that are only part of a segment, or in the query, are fine.
    expect(await hrefOf('/client/orders/{order_number}.html', '..')).to.equal('/client/orders/...html');
    expect(await hrefOf('/client/orders?n={order_number}', '..')).to.equal('/client/orders?n=..');
  });

  it("counts days left in the time-zone it is given, as the card does", async () => {
    const order = makeOrder({ target_delivery_date: '2026-11-30', days_remaining: 0, is_overdue: false });
    const real = Date.now;
    Date.now = () => Date.parse('2026-11-30T12:00:00Z'); // 01:00 on 1 December in Auckland
    try {
      const el = await fixture<ClientOrdersList>(html`<client-orders-list time-zone="Pacific/Auckland" .orders=${[order]}></client-orders-list>`);
      expect(el.shadowRoot!.querySelector('[part="timing"]')!.textContent).to.equal('1 day overdue');
    } finally {
      Date.now = real;
    }
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
  type Filters = { clientId?: string; status?: string; sort?: string; limit?: number; cursor?: string | null };
  /** A stub database of `total` orders that pages by an index cursor and records every request. */
  function paging(total: number) {
    const requests: Filters[] = [];
    const orders = many(total);
    const tracking = stubTracking({
      list: async (filters) => {
        const f = filters as Filters;
        requests.push(f);
        const start = f.cursor ? Number(f.cursor) : 0;
        const end = start + f.limit!;
        return { items: orders.slice(start, end), next_cursor: end < total ? String(end) : null };
      },
    });
    return { tracking, requests };
  }
  const status = (el: ClientOrdersList) => el.shadowRoot!.querySelector('[role="status"]')!.textContent;
  const pager = (el: ClientOrdersList) => {
    const [previous, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button');
    return { previous: previous!, next: next!, label: el.shadowRoot!.querySelector('[part="pagination"] span')!.textContent };
  };
  const ready = async (el: ClientOrdersList) => {
    await el.updateComplete;
    await waitUntil(() => el.matches(':state(ready)'));
  };

  it('shows a skeleton, then the one page the SDK returns for the filter, sort and page size', async () => {
    const gate = deferred<void>();
    const { tracking, requests } = paging(5);
    const list = tracking.orders.list;
    (tracking.orders as { list: unknown }).list = async (...args: Parameters<typeof list>) => {
      await gate.promise;
      return list(...args);
    };
    const el = await fixture<ClientOrdersList>(
      html`<client-orders-list client-id="c1" status="Active" sort="target" page-size="3" .tracking=${tracking}></client-orders-list>`,
    );
    expect(el.matches(':state(loading)')).to.be.true;
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    await expectAccessible(el);
    gate.resolve();
    await ready(el);
    expect(rows(el)).to.have.length(3);
    expect(requests).to.deep.equal([{ clientId: 'c1', status: 'Active', sort: 'target', limit: 3, cursor: null }]);
    expect(status(el)).to.equal('More than 3 orders');
    expect(pager(el).label).to.equal('Page 1');
  });

  it('pages with cursors: next sends next_cursor, previous goes back, the count becomes exact on the last page', async () => {
    const { tracking, requests } = paging(7);
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .tracking=${tracking}></client-orders-list>`);
    await ready(el);
    expect(pager(el).previous.disabled).to.be.true;
    pager(el).next.click();
    await ready(el);
    expect(titles(el)).to.deep.equal(['ORD-00004', 'ORD-00005', 'ORD-00006']);
    expect(pager(el).label).to.equal('Page 2');
    pager(el).next.click();
    await ready(el);
    expect(titles(el)).to.deep.equal(['ORD-00007']);
    expect(status(el)).to.equal('7 orders');
    expect(pager(el).label).to.equal('Page 3 of 3');
    expect(pager(el).next.disabled).to.be.true;
    pager(el).previous.click();
    await ready(el);
    expect(titles(el)[0]).to.equal('ORD-00004');
    expect(pager(el).label).to.equal('Page 2');
    expect(requests.map((r) => r.cursor)).to.deep.equal([null, '3', '6', '3']);
    await expectAccessible(el);
  });

  it('the page controls keep keyboard focus while the next page loads', async () => {
    const { tracking } = paging(7);
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .tracking=${tracking}></client-orders-list>`);
    await ready(el);
    pager(el).next.focus();
    pager(el).next.click();
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal(pager(el).next);
    await ready(el);
    expect(el.shadowRoot!.activeElement).to.equal(pager(el).next);
  });

  it('a new sort or status asks the database again from the first page', async () => {
    const { tracking, requests } = paging(7);
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .tracking=${tracking}></client-orders-list>`);
    await ready(el);
    pager(el).next.click();
    await ready(el);
    await choose(el, 1, 'progress');
    await ready(el);
    await choose(el, 0, 'Paused');
    await ready(el);
    expect(requests.slice(2)).to.deep.equal([
      { sort: 'progress', limit: 3, cursor: null },
      { status: 'Paused', sort: 'progress', limit: 3, cursor: null },
    ]);
    expect(pager(el).label).to.equal('Page 1');
  });

  it('a live change refetches the current page with its cursor, keeping the rows on screen', async () => {
    const { tracking, requests } = paging(7);
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .tracking=${tracking}></client-orders-list>`);
    await ready(el);
    pager(el).next.click();
    await ready(el);
    tracking.emit();
    expect(rows(el)).to.have.length(3);
    await waitUntil(() => requests.length === 3);
    expect(requests[2]!.cursor).to.equal('3');
  });

  it('speaks German in data mode and says when the user has no orders', async () => {
    const { tracking } = paging(25);
    const el = await fixture<ClientOrdersList>(html`<client-orders-list locale="de" .tracking=${tracking}></client-orders-list>`);
    await ready(el);
    expect(status(el)).to.equal('Mehr als 20 Aufträge');
    expect(pager(el).label).to.equal('Seite 1');
    const empty = await fixture<ClientOrdersList>(html`<client-orders-list .tracking=${paging(0).tracking}></client-orders-list>`);
    await ready(empty);
    expect(empty.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('No orders yet.');
  });

  it('shows an error with retry', async () => {
    let calls = 0;
    const tracking = stubTracking({
      list: async () => {
        if (++calls === 1) throw codedError('network');
        return { items: many(1), next_cursor: null };
      },
    });
    const el = await fixture<ClientOrdersList>(html`<client-orders-list .tracking=${tracking}></client-orders-list>`);
    await waitUntil(() => el.matches(':state(error)'));
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await ready(el);
    expect(rows(el)).to.have.length(1);
  });
});
