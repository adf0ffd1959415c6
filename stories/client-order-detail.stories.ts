import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderTracking } from '@lead-orders/sdk';
import { trackingFor, demoUsers } from './support/demo-database.js';

const meta: Meta = {
  title: 'Pages/client-order-detail',
  component: 'client-order-detail',
};
export default meta;
type Story = StoryObj;

interface ClientDemo {
  tracking: OrderTracking;
  ownOrderId: string;
  otherOrderId: string;
}

/** Client A's SDK on the demo database, one of its Active orders, and one of client B's. */
async function loadClientA(): Promise<ClientDemo> {
  const [tracking, admin, users] = await Promise.all([trackingFor('clientA'), trackingFor('admin'), demoUsers()]);
  const own = await tracking.orders.list({ status: 'Active', limit: 1 });
  const other = await admin.orders.list({ clientId: users.clientB.client_id!, limit: 1 });
  return { tracking, ownOrderId: own.items[0]?.id ?? '', otherOrderId: other.items[0]?.id ?? '' };
}

const page = (which: 'own' | 'other') => ({
  tags: ['database'],
  loaders: [loadClientA],
  render: (_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => {
    const demo = loaded as unknown as ClientDemo;
    return html`<client-order-detail
      order-id=${which === 'own' ? demo.ownOrderId : demo.otherOrderId}
      .tracking=${demo.tracking}
    ></client-order-detail>`;
  },
});

/** As client A, one of its Active orders: progress, forecast, chart, leads, history. Live. */
export const OwnOrderOnDemoDatabase: Story = page('own');
/** As client A, an order of client B: "not found", nothing of it is shown. */
export const AnotherClientsOrder: Story = page('other');
export const German: Story = { ...page('own'), globals: { locale: 'de' } };
export const DarkRightToLeft: Story = { ...page('own'), globals: { theme: 'dark', dir: 'rtl' } };

const pending = () => new Promise<never>(() => undefined);
const unreachable = () => Promise.reject(Object.assign(new Error('The network is unreachable.'), { code: 'network' }));
/** Every read this page makes, answered by `answer`: a request that never settles, or one that fails. */
const stub = (answer: () => Promise<never>) =>
  ({
    orders: { get: answer, deliverySeries: answer, forecast: answer },
    leads: { list: answer },
    subscribe: () => () => undefined,
  }) as unknown as OrderTracking;
export const Loading: Story = {
  tags: ['stays-loading'],
  render: () => html`<client-order-detail
    order-id="00000000-0000-4000-8000-000000000001"
    .tracking=${stub(pending)}
  ></client-order-detail>`,
};
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<client-order-detail order-id="00000000-0000-4000-8000-000000000001" .tracking=${stub(unreachable)}></client-order-detail>`,
};
