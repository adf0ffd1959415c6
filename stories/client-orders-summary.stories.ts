import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderStats } from '@lead-orders/sdk';
import { makeStats } from '../packages/elements/test/fixtures/orders.js';
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

export const Typical: Story = card(makeStats({ active: 3, leads_delivered: 245 }));
export const LargeNumbers: Story = card(makeStats({ active: 140, leads_delivered: 1250400 }));
export const Empty: Story = card(makeStats({ orders_total: 0, active: 0, leads_delivered: 0 }));
export const DarkTheme: Story = { ...card(makeStats()), globals: { theme: 'dark' } };
export const German: Story = { ...card(makeStats({ leads_delivered: 1250400 })), globals: { locale: 'de' } };
export const RightToLeft: Story = { ...card(makeStats()), globals: { dir: 'rtl' } };
export const Loading: Story = { tags: ['stays-loading'], render: () => html`<client-orders-summary .tracking=${neverLoads()}></client-orders-summary>` };
export const ErrorState: Story = { name: 'Error', render: () => html`<client-orders-summary .tracking=${alwaysFails()}></client-orders-summary>` };

/** The signed-in client's own numbers on the demo database (choose Client A or B as acting user). */
export const OnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadLiveDemo],
  globals: { user: 'clientA' },
  render: ({ href }, { loaded }) => {
    const demo = loaded as LiveDemo;
    return html`<client-orders-summary href=${href} .tracking=${demo.tracking}></client-orders-summary>${assignmentPanel(demo)}`;
  },
};
