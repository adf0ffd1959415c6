import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/shared/locales/register-de.js';
import { makeOrder, makeStats } from './fixtures/orders.js';
import { stubTracking } from './helpers/fake-tracking.js';

/**
 * Hosts set what an element takes either as attributes (HTML, Vue, server templates) or as
 * properties (React 19 sets every known property, Lit's `.prop` bindings): every element must
 * behave the same either way, ids, flags and form fields included.
 */
const orders = [
  makeOrder({ order_number: 'ORD-1', status: 'Active' }),
  makeOrder({ order_number: 'ORD-2', status: 'Active', target_delivery_date: '2031-01-01' }),
  makeOrder({ order_number: 'ORD-3', status: 'Paused' }),
];
const tracking = stubTracking({
  get: async () => ({ order: orders[0] }),
  list: async () => ({ items: orders.slice(0, 2), next_cursor: 'more' }),
  stats: async () => makeStats(),
});
(tracking.orders as { pages: unknown }).pages = async function* () {
  yield { items: orders, next_cursor: null };
};

interface Case {
  tag: string;
  attributes: Record<string, string>;
  properties: Record<string, unknown>;
}

const cases: Case[] = [
  {
    tag: 'order-progress-card',
    attributes: { 'order-id': 'o1', compact: '', 'time-zone': 'Pacific/Auckland', locale: 'de' },
    properties: { orderId: 'o1', compact: true, timeZone: 'Pacific/Auckland', locale: 'de' },
  },
  {
    tag: 'client-orders-list',
    attributes: { 'client-id': 'c1', 'href-template': '/o/{id}', status: 'Active', sort: 'target', 'page-size': '2', 'time-zone': 'UTC', locale: 'de' },
    properties: { clientId: 'c1', hrefTemplate: '/o/{id}', status: 'Active', sort: 'target', pageSize: 2, timeZone: 'UTC', locale: 'de' },
  },
  {
    tag: 'order-select',
    attributes: { 'client-id': 'c1', name: 'order_id', value: orders[0]!.id, label: 'Kampagne', 'allow-none': '', required: '', locale: 'de' },
    properties: { clientId: 'c1', name: 'order_id', value: orders[0]!.id, label: 'Kampagne', allowNone: true, required: true, locale: 'de' },
  },
  {
    tag: 'order-stats-card',
    attributes: { 'client-id': 'c1', href: '/orders', 'heading-level': '3', locale: 'de' },
    properties: { clientId: 'c1', href: '/orders', headingLevel: 3, locale: 'de' },
  },
  {
    tag: 'client-orders-summary',
    attributes: { 'client-id': 'c1', href: '/orders', 'heading-level': '3', locale: 'de' },
    properties: { clientId: 'c1', href: '/orders', headingLevel: 3, locale: 'de' },
  },
];

/** The shadow DOM as markup, without Lit's comment markers. */
const markup = (el: Element) => el.shadowRoot!.innerHTML.replace(/<!--[^]*?-->/g, '');

async function render(c: Case, way: 'attributes' | 'properties') {
  const form = await fixture<HTMLFormElement>(html`<form></form>`);
  const el = document.createElement(c.tag) as HTMLElement & { tracking?: unknown; updateComplete: Promise<boolean> };
  if (way === 'attributes') for (const [name, value] of Object.entries(c.attributes)) el.setAttribute(name, value);
  else Object.assign(el, c.properties);
  el.tracking = tracking;
  form.append(el);
  await waitUntil(() => el.matches(':state(ready)'), `${c.tag} set by ${way} loads`);
  await el.updateComplete;
  return { el, form };
}

describe('every element behaves the same whether the host sets attributes or properties', () => {
  for (const c of cases) {
    it(`${c.tag}: ${Object.keys(c.attributes).join(', ')}`, async () => {
      const byAttributes = await render(c, 'attributes');
      const byProperties = await render(c, 'properties');
      expect(markup(byProperties.el)).to.equal(markup(byAttributes.el));
      expect([...new FormData(byProperties.form)]).to.deep.equal([...new FormData(byAttributes.form)]);
      for (const [name, value] of Object.entries(c.properties)) {
        expect((byAttributes.el as unknown as Record<string, unknown>)[name], name).to.deep.equal(value);
      }
    });
  }

  it('order-select: disabled set as the property is disabled for the form and for people, as the attribute is', async () => {
    const c = cases.find((x) => x.tag === 'order-select')!;
    const byAttributes = await render({ ...c, attributes: { ...c.attributes, disabled: '' } }, 'attributes');
    const byProperties = await render({ ...c, properties: { ...c.properties, disabled: true } }, 'properties');
    expect(markup(byProperties.el)).to.equal(markup(byAttributes.el));
    expect(new FormData(byProperties.form).has('order_id')).to.be.false;
    expect(new FormData(byAttributes.form).has('order_id')).to.be.false;
  });
});
