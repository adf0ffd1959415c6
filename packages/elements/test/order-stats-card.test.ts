import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/order-stats-card/define.js';
import '../src/shared/locales/register-de.js';
import type { OrderStatsCard } from '../src/order-stats-card/order-stats-card.js';
import type { OrderStats } from '../src/shared/types.js';
import { makeStats } from './fixtures/orders.js';
import { expectAccessible } from './helpers/axe.js';
import { codedError, deferred, stubTracking } from './helpers/fake-tracking.js';

const figures = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part="figure"]')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]);

describe('order-stats-card', () => {
  it('shows active, needing attention and overdue with a link to the orders page', async () => {
    const el = await fixture<OrderStatsCard>(html`<order-stats-card href="/admin/orders" .stats=${makeStats()}></order-stats-card>`);
    expect(figures(el)).to.deep.equal([
      ['Active', '12'],
      ['Need attention', '4'],
      ['Overdue', '2'],
    ]);
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.textContent).to.equal('Active orders');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/admin/orders');
    await expectAccessible(el);
  });

  it('highlights overdue orders only when there are some', async () => {
    const el = await fixture<OrderStatsCard>(html`<order-stats-card .stats=${makeStats({ overdue: 0 })}></order-stats-card>`);
    const overdue = [...el.shadowRoot!.querySelectorAll('[part="figure"]')][2]!;
    expect(overdue.classList.contains('danger')).to.be.false;
    expect(el.shadowRoot!.querySelector('a')).to.be.null;
  });

  it('says so when there are no orders, and speaks German', async () => {
    const empty = makeStats({ orders_total: 0, active: 0, by_status: { Draft: 0, Active: 0, Paused: 0, Completed: 0, Cancelled: 0 } });
    const el = await fixture<OrderStatsCard>(html`<order-stats-card locale="de" .stats=${empty}></order-stats-card>`);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('Noch keine Aufträge.');
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.textContent).to.equal('Aktive Aufträge');
    await expectAccessible(el);
  });

  it('loads through the SDK for one client, shows errors with retry, and refreshes on changes', async () => {
    const gate = deferred<void>();
    let calls = 0;
    let asked: unknown;
    const tracking = stubTracking({
      stats: async (clientId) => {
        asked = clientId;
        calls += 1;
        if (calls === 1) {
          await gate.promise;
          throw codedError('network');
        }
        return makeStats({ active: calls });
      },
    });
    const el = await fixture<OrderStatsCard>(html`<order-stats-card client-id="c1" .tracking=${tracking}></order-stats-card>`);
    expect(el.matches(':state(loading)')).to.be.true;
    await expectAccessible(el);
    gate.resolve();
    await waitUntil(() => el.matches(':state(error)'));
    expect(asked).to.equal('c1');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => el.matches(':state(ready)'));
    expect(figures(el)[0]![1]).to.equal('2');
    tracking.emit();
    await waitUntil(() => figures(el)[0]![1] === '3');
  });

  it('keeps a heading level in range', async () => {
    const el = await fixture<OrderStatsCard>(html`<order-stats-card heading-level="9" .stats=${makeStats() as OrderStats}></order-stats-card>`);
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('6');
  });
});
