import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderTracking } from '@lead-orders/sdk';
import { loadDemo, type DemoContext } from './support/demo-database.js';

const meta: Meta = {
  title: 'Pages/admin-order-detail',
  component: 'admin-order-detail',
};
export default meta;
type Story = StoryObj;

interface OrderDemo extends DemoContext {
  orderId: string;
}

/** The demo database and one of client A's Active orders. */
async function loadOrder(context: { globals: Record<string, unknown> }): Promise<OrderDemo> {
  const demo = await loadDemo(context);
  const { items } = await demo.admin.orders.list({ clientId: demo.users.clientA.client_id!, status: 'Active', limit: 1 });
  return { ...demo, orderId: items[0]?.id ?? '' };
}

/**
 * The admin works on one of client A's orders on the demo database: pick leads in the
 * assignment panel (capacity shown as you pick; more than the room left is refused as a whole),
 * take leads out, pause or cancel the order. The page follows every change live.
 */
export const OnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadOrder],
  render: (_args, { loaded }) => {
    const demo = loaded as OrderDemo;
    return html`<admin-order-detail order-id=${demo.orderId} leads-page-size="10" .tracking=${demo.admin as OrderTracking}></admin-order-detail>`;
  },
};
export const German: Story = { ...OnDemoDatabase, globals: { locale: 'de' } };
export const DarkRightToLeft: Story = { ...OnDemoDatabase, globals: { theme: 'dark', dir: 'rtl' } };

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
  render: () => html`<admin-order-detail
    order-id="00000000-0000-4000-8000-000000000001"
    .tracking=${stub(pending)}
  ></admin-order-detail>`,
};
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<admin-order-detail order-id="00000000-0000-4000-8000-000000000001" .tracking=${stub(unreachable)}></admin-order-detail>`,
};
export const NotFound: Story = {
  tags: ['database'],
  loaders: [loadDemo],
  render: (_args, { loaded }) =>
    html`<admin-order-detail order-id="00000000-0000-4000-8000-00000000abcd" .tracking=${(loaded as DemoContext).admin as OrderTracking}></admin-order-detail>`,
};

/**
 * Moving one of the order's leads to another order of client A: the step lists the client's
 * orders with their counts; full and inactive ones are disabled and say why. Choose one and
 * "Move lead": the counts of both orders follow live.
 */
export const MovingALead: Story = {
  tags: ['database'],
  loaders: [
    async (context) => {
      const demo = await loadDemo(context);
      const { items } = await demo.admin.orders.list({ clientId: demo.users.clientA.client_id!, status: 'Active', limit: 50 });
      // An order that has leads to move.
      const withLeads = items.find((o) => o.leads_delivered > 0) ?? items[0];
      return { ...demo, orderId: withLeads?.id ?? '' };
    },
  ],
  render: OnDemoDatabase.render,
  play: async ({ canvasElement }) => {
    const page = canvasElement.querySelector('admin-order-detail')!;
    const start = () => page.shadowRoot?.querySelector<HTMLButtonElement>('button.move-start');
    // The leads arrive after the page: wait for the first row's "Move" (a state, not a time).
    await new Promise<void>((resolve) => {
      const check = () => (start() ? resolve() : setTimeout(check, 50));
      check();
    });
    start()!.click();
  },
};
export const MovingALeadInGerman: Story = { ...MovingALead, globals: { locale: 'de' } };

/** One of client A's orders in `status`, from the demo data. */
const orderIn = (status: 'Paused' | 'Completed') => async (context: { globals: Record<string, unknown> }): Promise<OrderDemo> => {
  const demo = await loadDemo(context);
  const { items } = await demo.admin.orders.list({ status, limit: 1 });
  return { ...demo, orderId: items[0]?.id ?? '' };
};

/** A Paused order: the assignment panel says why nothing can be assigned, instead of offering the pick. */
export const PausedOrder: Story = { tags: ['database'], loaders: [orderIn('Paused')], render: OnDemoDatabase.render };
/** A Completed order: full, nothing more can be assigned; "Reopen" is the status action. */
export const CompletedOrder: Story = { tags: ['database'], loaders: [orderIn('Completed')], render: OnDemoDatabase.render };

/**
 * Who made each change: the admin creates an order for client A and pauses it, then the history
 * says "by" the admin's profile name after each change (a client's page never names people).
 */
export const WhoChangedWhat: Story = {
  tags: ['database'],
  loaders: [
    async (context) => {
      const demo = await loadDemo(context);
      const order = await demo.admin.orders.create({
        client_id: demo.users.clientA.client_id!,
        leads_purchased: 20,
        name: 'Story: who changed what',
        status: 'Active',
      });
      await demo.admin.orders.update(order.id, { status: 'Paused' });
      return { ...demo, orderId: order.id };
    },
  ],
  render: OnDemoDatabase.render,
};
