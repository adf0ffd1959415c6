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
  title: 'Widgets/client-orders-summary',
  component: 'client-orders-summary',
  args: { href: '/client/orders' },
};
export default meta;
type Story = StoryObj<Args>;

const card = (stats: OrderStats) =>
  ({ render: ({ href }) => html`<client-orders-summary href=${href} .stats=${stats}></client-orders-summary>` }) satisfies Story;

/** Client A's figures in the demo data. */
export const Typical: Story = card(storyStats.clientA());
export const LargeNumbers: Story = card(makeStats({ active: 140, leads_delivered: 1250400 }));
export const Empty: Story = card(makeStats({ orders_total: 0, active: 0, leads_delivered: 0 }));
export const DarkTheme: Story = { ...card(storyStats.clientA()), globals: { theme: 'dark' } };
export const German: Story = { ...card(makeStats({ leads_delivered: 1250400 })), globals: { locale: 'de' } };
export const RightToLeft: Story = { ...card(storyStats.clientA()), globals: { dir: 'rtl', locale: 'ar' } };
export const Loading: Story = { tags: ['stays-loading'], render: () => html`<client-orders-summary .tracking=${neverLoads()}></client-orders-summary>` };
export const ErrorState: Story = { name: 'Error', render: () => html`<client-orders-summary .tracking=${alwaysFails()}></client-orders-summary>` };

/**
 * The acting user's numbers on the demo database: switch "Acting user" in the toolbar to Client A
 * or B for a client's own orders (as the admin, the card adds up every client's).
 */
export const OnDemoDatabase: Story = {
  tags: ['database', '!autodocs'],
  loaders: [loadLiveDemo],
  render: ({ href }, { loaded }) => {
    const demo = loaded as LiveDemo;
    return html`<client-orders-summary href=${href} .tracking=${demo.tracking}></client-orders-summary>${assignmentPanel(demo)}`;
  },
};
