// The generated React wrappers (`@lead-orders/elements/react`) as a React portal uses them, run
// once with React 18 and once with React 19 (see scripts/react-versions.mjs), on the demo
// database in the page (PGlite) through the SDK.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ClientOrdersList, OrderProgressCard, OrderSelect, OrderTrackingProvider } from '../../src/react/index.js';
import type { OrderOpenDetail } from '../../src/index.js';
import { openDatabase, type Database } from '../helpers/database.js';
import { activeOrderWithDeliveredLead } from '../helpers/demo-orders.js';

const h = React.createElement;

/** The element React rendered, once it is in the DOM (React 18 and 19 commit asynchronously). */
async function rendered<K extends keyof HTMLElementTagNameMap>(container: HTMLElement, tag: K): Promise<HTMLElementTagNameMap[K]> {
  await waitUntil(() => container.querySelector(tag), `<${tag}> rendered`);
  return container.querySelector(tag)!;
}
const major = React.version.split('.')[0];

describe(`React ${major} wrappers on PGlite`, function () {
  this.timeout(60000);
  let db: Database;
  let container: HTMLElement;
  let root: Root;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it(`runs on React ${major}`, () => {
    // The group's import map chose this React; the other group runs the same tests on the other major.
    expect(['18', '19']).to.include(major);
  });

  it('gives the SDK instance to the widgets as a property and renders live data', async () => {
    const { order, leadId } = await activeOrderWithDeliveredLead(db.admin, db.users.clientA.client_id!);
    root.render(h(OrderTrackingProvider, { tracking: db.admin }, h(OrderProgressCard, { orderId: order.id })));
    const card = await rendered(container, 'order-progress-card');
    const provider = container.querySelector('order-tracking-provider')!;
    // Bare React 18 would have written the attribute "[object Object]" and left the card loading.
    expect(provider.tracking).to.equal(db.admin);
    expect(provider.hasAttribute('tracking')).to.be.false;
    expect(card.orderId).to.equal(order.id);
    await waitUntil(() => card.matches(':state(ready)'), 'card loaded', { timeout: 10000 });
    const delivered = () => card.shadowRoot!.querySelector('.delivered')?.textContent;
    expect(delivered()).to.equal(`${order.leads_delivered} / ${order.leads_purchased} delivered`);

    // Live: a change made elsewhere through the SDK reaches the card React rendered.
    await db.admin.leads.assignToOrder(leadId, null);
    await waitUntil(() => delivered() === `${order.leads_delivered - 1} / ${order.leads_purchased} delivered`, 'card updated', { timeout: 10000 });
    await db.admin.leads.assignToOrder(leadId, order.id);
    await waitUntil(() => delivered() === `${order.leads_delivered} / ${order.leads_purchased} delivered`, 'card restored', { timeout: 10000 });
  });

  it('passes order-open to the onOrderOpen prop with its typed detail', async () => {
    const opened: OrderOpenDetail[] = [];
    root.render(h(ClientOrdersList, {
      tracking: db.clientA,
      pageSize: 5,
      onOrderOpen: (event: CustomEvent<OrderOpenDetail>) => opened.push(event.detail),
    }));
    const list = await rendered(container, 'client-orders-list');
    await waitUntil(() => list.matches(':state(ready)') && list.shadowRoot!.querySelector('[part~="link"]'), 'list loaded', { timeout: 10000 });
    const first = list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="link"]')!;
    first.click();
    expect(opened).to.have.length(1);
    expect(opened[0]!.orderId).to.equal(opened[0]!.order.id);
    expect(first.textContent).to.contain(opened[0]!.order.order_number);
    expect(opened[0]!.order.client_id).to.equal(db.users.clientA.client_id);
  });

  it("submits order-select's value with the form, and reports the choice to onChange", async () => {
    const clientId = db.users.clientA.client_id!;
    const submitted: Array<string | null> = [];
    const changes: string[] = [];
    function AssignForm() {
      const [orderId, setOrderId] = React.useState('');
      return h('form', {
        onSubmit: (event: React.FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          submitted.push(new FormData(event.currentTarget).get('order_id') as string | null);
        },
      },
      h(OrderSelect, {
        name: 'order_id',
        clientId,
        required: true,
        tracking: db.admin,
        value: orderId,
        onChange: (event: Event) => {
          const value = (event.target as HTMLElement & { value: string }).value;
          changes.push(value);
          setOrderId(value);
        },
      }),
      h('output', null, orderId),
      h('button', { type: 'submit' }, 'Assign'));
    }
    root.render(h(AssignForm));
    const select = await rendered(container, 'order-select');
    await waitUntil(() => select.matches(':state(ready)'), 'orders loaded', { timeout: 10000 });
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await select.updateComplete;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => container.querySelector('output')!.textContent !== '', 'React state updated from onChange');
    const chosen = container.querySelector('output')!.textContent!;
    expect(changes).to.deep.equal([chosen]);
    expect(select.value).to.equal(chosen);
    const { order } = await db.admin.orders.get(chosen, { leadLimit: 0, timelineLimit: 0 });
    expect(order.client_id).to.equal(clientId);
    expect(order.status).to.equal('Active');

    container.querySelector('button')!.click();
    expect(submitted).to.deep.equal([chosen]);
  });
});

// What the README promises a React 19 user who skips the wrappers: bare tags get objects as
// properties and `on<event-name>` props as listeners. (React 18 cannot: it writes attributes.)
if (major === '19') {
  describe('React 19 bare tags on PGlite', function () {
    this.timeout(60000);
    let db: Database;
    let container: HTMLElement;
    let root: Root;
    before(async () => {
      db = await openDatabase();
      container = document.createElement('div');
      document.body.append(container);
      root = createRoot(container);
    });
    after(async () => {
      root.unmount();
      container.remove();
      await db?.close();
    });

    it('sets tracking as a property, renders live data, and calls onorder-open and onChange', async () => {
      const opened: string[] = [];
      const changes: string[] = [];
      const clientId = db.users.clientA.client_id!;
      root.render(h('order-tracking-provider', { tracking: db.admin },
        h('client-orders-list', { 'client-id': clientId, 'page-size': 5, 'onorder-open': (event: CustomEvent<OrderOpenDetail>) => opened.push(event.detail.orderId) }),
        h('order-select', { name: 'order_id', 'client-id': clientId, onChange: (event: Event) => changes.push((event.target as HTMLInputElement).value) })));
      const provider = await rendered(container, 'order-tracking-provider');
      expect(provider.tracking).to.equal(db.admin);
      const list = await rendered(container, 'client-orders-list');
      await waitUntil(() => list.matches(':state(ready)') && list.shadowRoot!.querySelector('[part~="link"]'), 'list loaded', { timeout: 10000 });
      list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="link"]')!.click();
      expect(opened).to.have.length(1);

      const select = await rendered(container, 'order-select');
      await waitUntil(() => select.matches(':state(ready)'), 'orders loaded', { timeout: 10000 });
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await select.updateComplete;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => changes.length > 0, 'onChange called');
      expect(changes).to.deep.equal([select.value]);
    });
  });
}
