import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Order } from '@lead-orders/sdk';
import { storyOrders } from './support/orders.js';
import { alwaysFails, neverLoads } from './support/stub-tracking.js';
import { assignmentPanel, loadLiveDemo, type LiveDemo } from './support/live-demo.js';

interface Args {
  label: string;
  allowNone: boolean;
  required: boolean;
  disabled: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/order-select',
  component: 'order-select',
  args: { label: 'Order', allowNone: true, required: false, disabled: false },
};
export default meta;
type Story = StoryObj<Args>;

/** One real order in every state the list must explain: open, nearly full, full (completed by the database), paused, completed early, cancelled, draft. */
const mixed = (): Order[] => [
  storyOrders.active(),
  storyOrders.nearlyFull(),
  storyOrders.full(),
  storyOrders.paused(),
  storyOrders.completed(),
  storyOrders.cancelled(),
  storyOrders.draft(),
];

const select = (orders: Order[], value = '') =>
  ({
    render: ({ label, allowNone, required, disabled }) => html`<order-select
      name="order_id"
      label=${label}
      value=${value}
      ?allow-none=${allowNone}
      ?required=${required}
      ?disabled=${disabled}
      .orders=${orders}
    ></order-select>`,
  }) satisfies Story;

export const EveryKindOfOrder: Story = select(mixed());
const nearlyFullList = mixed();
export const NearlyFullChosen: Story = select(nearlyFullList, nearlyFullList[1]!.id);
export const WithoutNoneOption: Story = { ...select(mixed()), args: { allowNone: false, required: true } };
export const Empty: Story = select([]);
export const Disabled: Story = { ...select(mixed(), ''), args: { disabled: true } };
export const LongAndRightToLeftNames: Story = {
  ...select([storyOrders.longName(), storyOrders.rtlName()]),
  globals: { dir: 'rtl', locale: 'ar' },
};
export const DarkTheme: Story = { ...select(mixed()), globals: { theme: 'dark' } };
export const German: Story = { ...select(nearlyFullList, nearlyFullList[1]!.id), globals: { locale: 'de' } };

export const NoClientChosen: Story = {
  render: () => html`<order-select .tracking=${neverLoads()}></order-select>`,
};
export const Loading: Story = {
  tags: ['stays-loading'],
  render: () => html`<order-select client-id="10000000-0000-4000-8000-000000000001" .tracking=${neverLoads()}></order-select>`,
};
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<order-select client-id="10000000-0000-4000-8000-000000000001" .tracking=${alwaysFails()}></order-select>`,
};

/** A `client-id` but no SDK instance and no provider: said under the control (and once in the console). */
export const NotConnected: Story = {
  render: () => html`<order-select client-id="10000000-0000-4000-8000-000000000001"></order-select>`,
};

/** Names typed with direction marks (a right-to-left override) cannot reverse the counts after them. */
export const DirectionMarksInNames: Story = select([
  { ...storyOrders.active(), order_number: 'ORD-2025-045', name: '\u202Eevil name', leads_delivered: 45, leads_purchased: 100, leads_remaining: 55 },
  { ...storyOrders.nearlyFull(), order_number: 'ORD-2025-046', name: 'Spring Sale' },
]);

/**
 * The assignment flow on the demo database: client A's orders as the acting user may see them.
 * Take a lead out or assign it again below and watch the capacity in the label follow.
 */
export const AssignmentFlowOnDemoDatabase: Story = {
  tags: ['database', '!autodocs'],
  loaders: [loadLiveDemo],
  render: ({ label, allowNone, required }, { loaded }) => {
    const demo = loaded as LiveDemo;
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
        <order-select
          name="order_id"
          label=${label}
          client-id=${demo.clientId}
          value=${demo.orderId}
          ?allow-none=${allowNone}
          ?required=${required}
          .tracking=${demo.tracking}
        ></order-select>
      </form>
      ${assignmentPanel(demo)}`;
  },
};
