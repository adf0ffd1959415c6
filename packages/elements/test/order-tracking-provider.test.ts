import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/order-progress-card/define.js';
import '../src/order-select/define.js';
import '../src/client-orders-list/define.js';
import '../src/order-stats-card/define.js';
import { OrderTrackingProvider } from '../src/order-tracking-provider/define.js';
import type { OrderProgressCard } from '../src/order-progress-card/order-progress-card.js';
import type { OrderSelect } from '../src/order-select/order-select.js';
import type { ClientOrdersList } from '../src/client-orders-list/client-orders-list.js';
import { makeOrder, makeStats } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { codedError, stubTracking } from './helpers/fake-tracking.js';

let providers = 0;
/** A provider tag that is not defined yet, as when its define.js is imported after the widgets'. */
const undefinedProviderTag = () => `late-provider-${++providers}`;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Collects console.warn calls while `body` runs. */
async function warnings(body: () => Promise<void>): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  const real = console.warn;
  console.warn = (...args: unknown[]) => calls.push(args);
  try {
    await body();
  } finally {
    console.warn = real;
  }
  return calls;
}

describe('order-tracking-provider defined after the widgets', () => {
  it('every widget inside still receives the SDK once the provider is defined', async () => {
    const tag = undefinedProviderTag();
    const tracking = stubTracking({
      get: async () => ({ order: makeOrder({ name: 'Late but found' }) }),
      list: async () => ({ items: [makeOrder({ name: 'Listed late' })], next_cursor: null }),
      stats: async () => makeStats(),
    });
    const wrapper = document.createElement(tag) as HTMLElement & { tracking?: unknown };
    wrapper.innerHTML = `<order-progress-card order-id="o1"></order-progress-card>
      <client-orders-list></client-orders-list><order-stats-card></order-stats-card>`;
    wrapper.tracking = tracking; // a property set before the element is defined, as hosts do
    const parent = await fixture<HTMLElement>(html`<div></div>`);
    const widgets = [...wrapper.children] as (HTMLElement & { updateComplete: Promise<boolean> })[];
    // Until the provider is defined they have no SDK, and say so (checked below, not here).
    await warnings(async () => {
      parent.append(wrapper);
      await Promise.all(widgets.map((w) => w.updateComplete));
    });
    customElements.define(tag, class extends OrderTrackingProvider {});
    await waitUntil(() => widgets.every((w) => w.matches(':state(ready)')), 'every widget loads');
    expect(text(widgets[0]!)).to.contain('Late but found');
    expect(text(widgets[1]!)).to.contain('Listed late');
  });
});

describe('a widget with no SDK and no data', () => {
  it('the card says it is not connected, visibly and once in the console, instead of a skeleton forever', async () => {
    let el!: OrderProgressCard;
    const calls = await warnings(async () => {
      el = await fixture<OrderProgressCard>(html`<order-progress-card order-id="o1"></order-progress-card>`);
      el.compact = true; // another render must not warn again
      await el.updateComplete;
    });
    expect(el.matches(':state(no-sdk)')).to.be.true;
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="not-connected"]')!.textContent).to.equal('Not connected to the order data.');
    expect(calls).to.have.length(1);
    expect(String(calls[0]![0])).to.contain('<order-progress-card>: no SDK instance');
    await expectAccessible(el);
  });

  it('order-select with a client-id says it is not connected, not "Choose a client first"', async () => {
    let el!: OrderSelect;
    const calls = await warnings(async () => {
      el = await fixture<OrderSelect>(html`<order-select client-id="c1"></order-select>`);
    });
    const note = el.shadowRoot!.querySelector('[part="note"]')!.textContent!;
    expect(note).to.contain('Not connected to the order data.');
    expect(note).not.to.contain('Choose a client first');
    expect(calls).to.have.length(1);
  });

  it('the list and the stats card say it too', async () => {
    await warnings(async () => {
      const list = await fixture<ClientOrdersList>(html`<client-orders-list></client-orders-list>`);
      expect(list.shadowRoot!.querySelector('[part="not-connected"]')).to.exist;
      const stats = await fixture<HTMLElement>(html`<order-stats-card></order-stats-card>`);
      expect(stats.shadowRoot!.querySelector('[part="not-connected"]')).to.exist;
    });
  });
});

describe('a widget given an unknown client id', () => {
  it('the list and the select say "Client not found", not "no orders"', async () => {
    const tracking = stubTracking({ list: () => Promise.reject(codedError('client_not_found')) });
    (tracking.orders as { pages: unknown }).pages = async function* () {
      yield* [];
      throw codedError('client_not_found');
    };
    const list = await fixture<ClientOrdersList>(html`<client-orders-list client-id="c404" .tracking=${tracking}></client-orders-list>`);
    await waitUntil(() => list.matches(':state(not-found)'));
    expect(list.shadowRoot!.querySelector('[part="not-found"]')!.textContent).to.equal('Client not found.');
    expect(text(list)).not.to.contain('No orders');
    const select = await fixture<OrderSelect>(html`<order-select client-id="c404" .tracking=${tracking}></order-select>`);
    await waitUntil(() => select.matches(':state(not-found)'));
    expect(select.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('Client not found.');
    expect(text(select)).not.to.contain('no orders');
  });
});

describe('replacing the provider SDK', () => {
  it('the list drops the cursors of the old SDK and starts at the first page of the new one', async () => {
    type Filters = { cursor?: string | null; limit?: number };
    const paging = (total: number, requests: Filters[]) =>
      stubTracking({
        list: async (filters) => {
          const f = filters as Filters;
          requests.push(f);
          const start = f.cursor ? Number(f.cursor) : 0;
          const end = start + f.limit!;
          const items = Array.from({ length: Math.min(end, total) - start }, (_, i) => makeOrder({ order_number: `N-${start + i + 1}` }));
          return { items, next_cursor: end < total ? String(end) : null };
        },
      });
    const oldRequests: Filters[] = [];
    const newRequests: Filters[] = [];
    const provider = await fixture<OrderTrackingProvider>(html`<order-tracking-provider .tracking=${paging(7, oldRequests)}>
      <client-orders-list page-size="3"></client-orders-list>
    </order-tracking-provider>`);
    const list = provider.querySelector('client-orders-list')!;
    await waitUntil(() => list.matches(':state(ready)'), `first page: ${JSON.stringify(oldRequests)} ${list.shadowRoot?.textContent}`);
    list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button')[1]!.click();
    await waitUntil(() => oldRequests.length === 2 && list.matches(':state(ready)'));
    expect(oldRequests[1]!.cursor).to.equal('3');
    provider.tracking = paging(7, newRequests);
    await waitUntil(() => newRequests.length > 0 && list.matches(':state(ready)'), `new SDK asked ${JSON.stringify(newRequests)}, old ${JSON.stringify(oldRequests)}`, { timeout: 5000 });
    expect(newRequests.map((r) => r.cursor)).to.deep.equal([null]);
    expect(list.shadowRoot!.querySelector('[part="pagination"] span')!.textContent).to.equal('Page 1');
  });
});
