import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderStats } from '@lead-orders/sdk';
import { makeStats } from '../packages/elements/test/fixtures/orders.js';
import { storyStats } from './support/orders.js';
import { alwaysFails, neverLoads } from './support/stub-tracking.js';
import { assignmentPanel, loadLiveDemo, type LiveDemo } from './support/live-demo.js';

interface Args {
  href: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/order-stats-card',
  component: 'order-stats-card',
  args: { href: '/admin/orders' },
};
export default meta;
type Story = StoryObj<Args>;

const card = (stats: OrderStats) =>
  ({ render: ({ href }) => html`<order-stats-card href=${href} .stats=${stats}></order-stats-card>` }) satisfies Story;

const none = makeStats({ orders_total: 0, active: 0, overdue: 0, needs_attention: 0, by_status: { Draft: 0, Active: 0, Paused: 0, Completed: 0, Cancelled: 0 } });

/** The admin's figures in the demo data. */
export const NeedsAttention: Story = card(storyStats.admin());
export const AllOnTrack: Story = card(makeStats({ needs_attention: 0, overdue: 0 }));
export const LargeNumbers: Story = card(makeStats({ active: 12480, needs_attention: 1320, overdue: 98 }));
export const Empty: Story = card(none);
export const DarkTheme: Story = { ...card(storyStats.admin()), globals: { theme: 'dark' } };
export const German: Story = { ...card(makeStats({ active: 12480 })), globals: { locale: 'de' } };
export const RightToLeft: Story = { ...card(storyStats.admin()), globals: { dir: 'rtl', locale: 'ar' } };
export const Loading: Story = { tags: ['stays-loading'], render: () => html`<order-stats-card .tracking=${neverLoads()}></order-stats-card>` };
export const ErrorState: Story = { name: 'Error', render: () => html`<order-stats-card .tracking=${alwaysFails()}></order-stats-card>` };

/** Every order the acting user can see on the demo database; follows assignments live. */
export const OnDemoDatabase: Story = {
  tags: ['database', '!autodocs'],
  loaders: [loadLiveDemo],
  render: ({ href }, { loaded }) => {
    const demo = loaded as LiveDemo;
    return html`<order-stats-card href=${href} .tracking=${demo.tracking}></order-stats-card>${assignmentPanel(demo)}`;
  },
};
