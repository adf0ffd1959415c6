import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderTracking } from '@lead-orders/sdk';
import type { OrderFilter } from '../packages/elements/src/order-filter/define.js';
import { loadDemo, type DemoContext } from './support/demo-database.js';

const meta: Meta = {
  title: 'Pages/order-filter',
  component: 'order-filter',
};
export default meta;
type Story = StoryObj;

/** Without an SDK: all orders, or no order. */
export const Default: Story = { render: () => html`<order-filter name="order"></order-filter>` };
export const NoOrderChosen: Story = { render: () => html`<order-filter name="order" value="none"></order-filter>` };
export const German: Story = { ...Default, globals: { locale: 'de' } };
export const DarkRightToLeft: Story = { ...Default, globals: { theme: 'dark', dir: 'rtl' } };

/**
 * Above a leads list on the demo database, as the admin: each change lists the leads
 * `leads.list({ ...filter.leadFilters })` returns (the first 10).
 */
export const AboveLeadsOnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadDemo],
  render: (_args, { loaded }) => {
    const demo = loaded as DemoContext;
    const list = async (event: Event) => {
      const filter = event.target as OrderFilter;
      const out = filter.parentElement!.querySelector('ul')!;
      const { items } = await (demo.admin as OrderTracking).leads.list({ ...filter.leadFilters, limit: 10 });
      out.replaceChildren(
        ...items.map((lead) => Object.assign(document.createElement('li'), { textContent: `${lead.company_name} · ${lead.order_number ?? '—'}` })),
      );
    };
    return html`<div>
      <order-filter name="order" .tracking=${demo.admin as OrderTracking} @change=${list}></order-filter>
      <ul aria-label="Leads" aria-live="polite"></ul>
    </div>`;
  },
};
