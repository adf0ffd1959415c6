import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { ClientOrdersList } from '../src/client-orders-list/client-orders-list.js';
import type { OrderSelect } from '../src/order-select/order-select.js';
import { makeOrder, makeStats, sampleOrders } from './fixtures/orders.js';
import { expectAccessibleLightAndDark } from './helpers/axe.js';
import { deferred, stubTracking } from './helpers/fake-tracking.js';

/**
 * Every disabled, selected, focused and busy state must be visible, not only announced, and
 * readable (colour contrast, WCAG AA) in the light and the dark scheme.
 */
const look = (el: Element) => {
  const s = getComputedStyle(el);
  return { color: s.color, background: s.backgroundColor, border: s.borderStyle, opacity: s.opacity };
};
const pager = (el: ClientOrdersList) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="pagination"] button')];
const many = (n: number) => Array.from({ length: n }, (_, i) => makeOrder({ order_number: `ORD-${i + 1}` }));

describe('visible states', () => {
  it('the list: a disabled "Previous page" looks different from the enabled "Next page"', async () => {
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .orders=${many(7)}></client-orders-list>`);
    const [previous, next] = pager(el);
    expect(previous!.disabled).to.be.true;
    expect(next!.disabled).to.be.false;
    expect(look(previous!)).not.to.deep.equal(look(next!));
  });

  it('the list: while the next page loads, both page buttons look unavailable', async () => {
    const gate = deferred<void>();
    let calls = 0;
    const tracking = stubTracking({
      list: async () => {
        if (++calls > 1) await gate.promise;
        return { items: many(3), next_cursor: 'next' };
      },
    });
    const el = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .tracking=${tracking}></client-orders-list>`);
    await waitUntil(() => el.matches(':state(ready)'));
    const enabled = look(pager(el)[1]!);
    pager(el)[1]!.click();
    await waitUntil(() => el.matches(':state(loading)'));
    await el.updateComplete;
    const [previous, next] = pager(el);
    expect(next!.getAttribute('aria-disabled')).to.equal('true');
    expect(look(next!)).not.to.deep.equal(enabled);
    expect(look(previous!)).not.to.deep.equal(enabled);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
    gate.resolve();
  });

  it('keyboard focus is visible on every control: the select, the list\'s filters, rows and page buttons, retry', async () => {
    const outlined = (el: HTMLElement) => {
      el.focus();
      const s = getComputedStyle(el);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    };
    const select = await fixture<OrderSelect>(html`<order-select .orders=${many(3)}></order-select>`);
    expect(outlined(select.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!), 'combobox').to.be.true;
    const list = await fixture<ClientOrdersList>(html`<client-orders-list page-size="3" .orders=${many(7)}></client-orders-list>`);
    for (const control of list.shadowRoot!.querySelectorAll<HTMLElement>('select, button:not(:disabled)')) {
      expect(outlined(control), control.textContent!.trim() || control.localName).to.be.true;
    }
    const failing = stubTracking({ get: () => Promise.reject(new Error('offline')) });
    const card = await fixture<HTMLElement>(html`<order-progress-card order-id="o1" .tracking=${failing}></order-progress-card>`);
    await waitUntil(() => card.matches(':state(error)'));
    expect(outlined(card.shadowRoot!.querySelector<HTMLElement>('[part="retry"]')!), 'retry').to.be.true;
  });

  it('the card: each state reads well in light and dark', async () => {
    for (const make of Object.values(sampleOrders)) {
      await expectAccessibleLightAndDark((parentNode) =>
        fixture(html`<order-progress-card .order=${make()}></order-progress-card>`, { parentNode }),
      );
    }
  });

  it('the list with its page controls reads well in light and dark', async () => {
    await expectAccessibleLightAndDark((parentNode) =>
      fixture(html`<client-orders-list page-size="4" .orders=${Object.values(sampleOrders).map((m) => m())}></client-orders-list>`, {
        parentNode,
      }),
    );
  });

  it('the open select, with chosen, active and disabled options, reads well in light and dark', async () => {
    const list = [sampleOrders.active(), sampleOrders.full(), sampleOrders.paused(), sampleOrders.nearlyFull()];
    await expectAccessibleLightAndDark(async (parentNode) => {
      const el = await fixture<OrderSelect>(html`<order-select .orders=${list} value=${list[3]!.id}></order-select>`, { parentNode });
      el.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!.click();
      await el.updateComplete;
      return el;
    });
  });

  it('the dashboard cards read well in light and dark', async () => {
    const stats = makeStats();
    await expectAccessibleLightAndDark((parentNode) =>
      fixture(html`<div><order-stats-card href="/o" .stats=${stats}></order-stats-card>
        <client-orders-summary href="/o" .stats=${stats}></client-orders-summary></div>`, { parentNode }),
    );
  });
});
