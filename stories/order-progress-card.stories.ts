import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Order } from '@lead-orders/sdk';
import { storyOrders } from './support/orders.js';
import { alwaysFails, neverLoads } from './support/stub-tracking.js';
import { assignmentPanel, loadLiveDemo, type LiveDemo } from './support/live-demo.js';

interface Args {
  compact: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/order-progress-card',
  component: 'order-progress-card',
  args: { compact: false },
};
export default meta;
type Story = StoryObj<Args>;

const show = (order: () => Order): Story => ({
  render: ({ compact }) => html`<order-progress-card ?compact=${compact} .order=${order()}></order-progress-card>`,
});

export const Active = show(storyOrders.active);
export const NearlyFull = show(storyOrders.nearlyFull);
/** An order that reached its capacity: the database completes it by itself. */
export const Full = show(storyOrders.full);
/** Closed early, before it was full. */
export const Completed = show(storyOrders.completed);
export const Paused = show(storyOrders.paused);
export const Cancelled = show(storyOrders.cancelled);
export const Draft = show(storyOrders.draft);
export const Overdue = show(storyOrders.overdue);
export const BehindPace = show(storyOrders.behind);
export const LongName = show(storyOrders.longName);
export const RightToLeft: Story = { ...show(storyOrders.rtlName), globals: { dir: 'rtl', locale: 'ar' } };
export const DarkTheme: Story = { ...show(storyOrders.overdue), globals: { theme: 'dark' } };
export const German: Story = { ...show(storyOrders.nearlyFull), globals: { locale: 'de' } };
export const Compact: Story = { ...show(storyOrders.active), args: { compact: true } };

export const Loading: Story = {
  tags: ['stays-loading'],
  render: () => html`<order-progress-card order-id="00000000-0000-4000-8000-000000000001" .tracking=${neverLoads()}></order-progress-card>`,
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<order-progress-card order-id="00000000-0000-4000-8000-000000000001" .tracking=${alwaysFails()}></order-progress-card>`,
};

/** An `order-id` but no SDK instance and no provider: said on the card (and once in the console). */
export const NotConnected: Story = {
  render: () => html`<order-progress-card order-id="00000000-0000-4000-8000-000000000001"></order-progress-card>`,
};

/**
 * Days left count from the viewer's today in `time-zone` (here Auckland, far east of UTC), not
 * from the database's UTC date: due today in UTC can already be overdue there.
 */
export const DueTodayInUtcSeenFromAuckland: Story = {
  render: ({ compact }) => html`<order-progress-card
    ?compact=${compact}
    time-zone="Pacific/Auckland"
    .order=${{ ...storyOrders.active(), target_delivery_date: new Date().toISOString().slice(0, 10) }}
  ></order-progress-card>`,
};

/** 1,999 of 2,000 delivered: 99.9%, never 100% before the last lead. */
export const OneLeadShort = show(() => ({
  ...storyOrders.active(),
  leads_purchased: 2000,
  leads_delivered: 1999,
  leads_remaining: 1,
  completion_percentage: 100,
  is_nearly_full: true,
}));

/** On the demo database: an id nobody has. */
export const NotFound: Story = {
  tags: ['database', '!autodocs'],
  loaders: [loadLiveDemo],
  render: (_args, { loaded }) =>
    html`<order-progress-card order-id="00000000-0000-4000-8000-0000000000ff" .tracking=${(loaded as LiveDemo).tracking}></order-progress-card>`,
};

/**
 * On the demo database as the toolbar's acting user. Take a lead out or assign it again and
 * watch the bar follow; as client B the order is someone else's and is not found.
 */
export const LiveOnDemoDatabase: Story = {
  tags: ['database', '!autodocs'],
  loaders: [loadLiveDemo],
  render: ({ compact }, { loaded }) => {
    const demo = loaded as LiveDemo;
    return html`<order-tracking-provider .tracking=${demo.tracking}>
        <order-progress-card ?compact=${compact} order-id=${demo.orderId}></order-progress-card>
      </order-tracking-provider>
      ${assignmentPanel(demo)}`;
  },
};
