import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/client-orders-summary/define.js';
import type { ClientOrdersSummary } from '../src/client-orders-summary/client-orders-summary.js';
import { makeStats } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { stubTracking } from './helpers/fake-tracking.js';
import { fixtureWithin } from './helpers/within.js';

const figures = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part="figure"]')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]);

describe('client-orders-summary', () => {
  it('shows active orders and leads delivered across all orders, with a link', async () => {
    const el = await fixture<ClientOrdersSummary>(
      html`<client-orders-summary href="/client/orders" .stats=${makeStats()}></client-orders-summary>`,
    );
    expect(figures(el)).to.deep.equal([
      ['Active orders', '12'],
      ['Leads delivered', '1,530'],
    ]);
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.textContent).to.equal('My orders');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/client/orders');
    await expectAccessible(el);
  });

  it('asks the SDK for the signed-in client when no client-id is given', async () => {
    let asked: unknown = 'unset';
    const tracking = stubTracking({
      stats: async (clientId) => {
        asked = clientId;
        return makeStats({ leads_delivered: 7 });
      },
    });
    const el = await fixture<ClientOrdersSummary>(html`<client-orders-summary .tracking=${tracking}></client-orders-summary>`);
    await waitUntil(() => el.matches(':state(ready)'));
    expect(asked).to.equal(null);
    expect(figures(el)[1]![1]).to.equal('7');
  });

  it('stays readable right to left', async () => {
    const el = await fixtureWithin<ClientOrdersSummary>(
      { dir: 'rtl' },
      html`<client-orders-summary .stats=${makeStats()}></client-orders-summary>`,
    );
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('rtl');
    const [first, second] = el.shadowRoot!.querySelectorAll('[part="figure"]');
    expect(first!.getBoundingClientRect().left).to.be.greaterThan(second!.getBoundingClientRect().left);
    await expectAccessible(el);
  });
});
