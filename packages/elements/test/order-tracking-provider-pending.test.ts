import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/order-stats-card/define.js';
import '../src/order-progress-card/define.js';
import { OrderTrackingProvider } from '../src/order-tracking-provider/define.js';
import type { OrderStatsCard } from '../src/order-stats-card/order-stats-card.js';
import { makeOrder, makeStats } from './fixtures/orders.js';
import { stubTracking } from './helpers/fake-tracking.js';

/** Collects console.warn calls until `stop()`. */
function collectWarnings() {
  const calls: unknown[][] = [];
  const real = console.warn;
  console.warn = (...args: unknown[]) => calls.push(args);
  return { calls, stop: () => (console.warn = real) };
}

describe('order-tracking-provider whose SDK comes later', () => {
  const defaultWait = OrderTrackingProvider.missingSdkWarningMs;
  afterEach(() => (OrderTrackingProvider.missingSdkWarningMs = defaultWait));

  it('widgets inside show loading, not "no SDK", and do not warn while the provider has none yet', async () => {
    const warnings = collectWarnings();
    try {
      const provider = await fixture<OrderTrackingProvider>(html`<order-tracking-provider>
        <order-stats-card client-id="c1"></order-stats-card>
        <order-progress-card order-id="o1"></order-progress-card>
      </order-tracking-provider>`);
      const card = provider.querySelector<OrderStatsCard>('order-stats-card')!;
      const progress = provider.querySelector('order-progress-card')!;
      await card.updateComplete;
      expect(card.matches(':state(loading)')).to.be.true;
      expect(card.matches(':state(no-sdk)')).to.be.false;
      expect(progress.matches(':state(loading)')).to.be.true;
      expect(warnings.calls.map((c) => String(c[0])).filter((m) => m.includes('no SDK instance'))).to.deep.equal([]);

      provider.tracking = stubTracking({ stats: async () => makeStats(), get: async () => ({ order: makeOrder() }) });
      await waitUntil(() => card.matches(':state(ready)') && progress.matches(':state(ready)'), 'loaded once the SDK arrives');
      expect(warnings.calls).to.deep.equal([]);
    } finally {
      warnings.stop();
    }
  });

  it('the provider warns once when its SDK never arrives, and the widgets do not warn each', async () => {
    OrderTrackingProvider.missingSdkWarningMs = 0;
    const warnings = collectWarnings();
    try {
      const provider = await fixture<OrderTrackingProvider>(html`<order-tracking-provider>
        <order-stats-card client-id="c1"></order-stats-card>
        <order-stats-card client-id="c2"></order-stats-card>
      </order-tracking-provider>`);
      await waitUntil(() => warnings.calls.length > 0, 'the provider warned');
      await provider.updateComplete;
      expect(warnings.calls).to.have.length(1);
      expect(String(warnings.calls[0]![0])).to.match(/^<order-tracking-provider>: no SDK instance/);
    } finally {
      warnings.stop();
    }
  });

  it('a widget outside any provider still says it has no SDK and warns', async () => {
    const warnings = collectWarnings();
    try {
      const card = await fixture<OrderStatsCard>(html`<order-stats-card client-id="c1"></order-stats-card>`);
      expect(card.matches(':state(no-sdk)')).to.be.true;
      expect(warnings.calls.map((c) => String(c[0]))).to.deep.equal([
        '<order-stats-card>: no SDK instance, nothing to show. Set .tracking on it, or on an <order-tracking-provider> around it.',
      ]);
    } finally {
      warnings.stop();
    }
  });
});
