import { expect, fixture, html } from '@open-wc/testing';
import type { DeliverySeries } from '@lead-orders/sdk';
import { TrackedElement } from '../src/shared/tracked-element.js';
import { orderDetail } from '../src/shared/locales/en/order-detail.js';
import { tokens } from '../src/shared/tokens.js';
import { deliveryChart, deliveryChartStyles } from '../src/shared/delivery-chart/delivery-chart.js';

/** The smallest host of the chart: the chart needs a localize controller and the chart styles. */
class ChartHost extends TrackedElement {
  static override styles = [tokens, deliveryChartStyles];
  static override terms = orderDetail;
  static override properties = { ...TrackedElement.properties, series: { attribute: false } };
  declare series: DeliverySeries;
  protected override render() {
    return deliveryChart(this.localize, this.series);
  }
}
customElements.define('test-chart-host', ChartHost);

const oneDay: DeliverySeries = {
  order_id: '00000000-0000-4000-8000-000000000001',
  bucket: 'day',
  start_date: null,
  target_delivery_date: null,
  leads_purchased: 10,
  leads_delivered: 4,
  points: [{ date: '2025-03-10', delivered: 4, cumulative: 4 }],
};

describe('delivery chart', () => {
  it('shows a visible mark when every delivery falls on one day', async () => {
    const el = await fixture<ChartHost>(html`<test-chart-host .series=${oneDay}></test-chart-host>`);
    const marks = [...el.shadowRoot!.querySelectorAll<SVGGraphicsElement>('svg .point')];
    expect(marks).to.have.length(1);
    const box = marks[0]!.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.height).to.be.greaterThan(0);
    expect(getComputedStyle(marks[0]!).fill).to.not.equal('none');
  });

  it('marks every delivery day on a longer series', async () => {
    const series = { ...oneDay, start_date: '2025-03-01', points: [...oneDay.points, { date: '2025-03-12', delivered: 2, cumulative: 6 }] };
    const el = await fixture<ChartHost>(html`<test-chart-host .series=${series}></test-chart-host>`);
    expect(el.shadowRoot!.querySelectorAll('svg .point')).to.have.length(2);
  });
});
