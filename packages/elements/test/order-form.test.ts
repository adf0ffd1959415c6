import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/order-form/define.js';
import '../src/shared/locales/register-de.js';
import type { OrderForm } from '../src/order-form/define.js';
import { expectAccessible } from './helpers/axe.js';
import { fixtureWithin } from './helpers/within.js';
import { codedError, deferred, stubTracking } from './helpers/fake-tracking.js';
import { makeOrder } from './fixtures/orders.js';

const labels = (el: OrderForm) => [...el.shadowRoot!.querySelectorAll('label[for]')].map((l) => l.textContent!.trim());

describe('order-form (states a database cannot show on demand)', () => {
  it('labels every field, in English and in German, right to left too', async () => {
    const en = await fixture<OrderForm>(html`<order-form></order-form>`);
    expect(labels(en)).to.deep.equal([
      'Find a client', 'Client', 'Leads purchased', 'Priority', 'Start date', 'Target delivery date', 'Name', 'Description', 'Initial status',
    ]);
    await expectAccessible(en);
    const de = await fixtureWithin<OrderForm>({ lang: 'de', dir: 'rtl' }, html`<order-form></order-form>`);
    expect(labels(de)).to.deep.equal([
      'Kunden suchen', 'Kunde', 'Gekaufte Leads', 'Priorität', 'Startdatum', 'Ziel-Lieferdatum', 'Name', 'Beschreibung', 'Anfangsstatus',
    ]);
    expect(getComputedStyle(de.shadowRoot!.querySelector('form')!).direction).to.equal('rtl');
    await expectAccessible(de);
  });

  it('shows a skeleton while the order to edit loads, then an error with a retry', async () => {
    const first = deferred<never>();
    let calls = 0;
    const tracking = stubTracking({
      get: () => (++calls === 1 ? first.promise : Promise.resolve({ order: makeOrder(), leads: [], timeline: [] })),
    });
    const el = await fixture<OrderForm>(html`<order-form order-id="00000000-0000-4000-8000-000000000001" .tracking=${tracking}></order-form>`);
    expect(el.matches(':state(loading)')).to.be.true;
    await expectAccessible(el);
    first.reject(codedError('network'));
    await waitUntil(() => el.matches(':state(error)'), 'error shown');
    await expectAccessible(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => el.matches(':state(ready)'), 'loaded');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#leads_purchased')!.value).to.equal('100');
  });
});
