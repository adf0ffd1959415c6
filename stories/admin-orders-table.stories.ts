import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Order, OrderTracking } from '@lead-orders/sdk';
import { makeOrder, sampleOrders } from '../packages/elements/test/fixtures/orders.js';
import { alwaysFails, neverLoads } from './support/stub-tracking.js';
import { loadDemo, type DemoContext } from './support/demo-database.js';

interface Args {
  pageSize: number;
  hrefTemplate: string;
}

const meta: Meta<Args> = {
  title: 'Pages/admin-orders-table',
  component: 'admin-orders-table',
  args: { pageSize: 10, hrefTemplate: '/admin/orders/{id}' },
};
export default meta;
type Story = StoryObj<Args>;

const everyState = (): Order[] => Object.values(sampleOrders).map((make) => make());

const rows = (orders: () => Order[]) =>
  ({
    render: ({ hrefTemplate }) => html`<admin-orders-table href-template=${hrefTemplate} .orders=${orders()}></admin-orders-table>`,
  }) satisfies Story;

/** Rows given by the host (`.orders`): every status, full, nearly full, overdue, behind pace. */
export const EveryOrderState: Story = rows(everyState);
export const Overdue: Story = rows(() => [sampleOrders.overdue(), sampleOrders.behind()]);
export const FullAndNearlyFull: Story = rows(() => [sampleOrders.full(), sampleOrders.nearlyFull(), sampleOrders.completed()]);
export const Empty: Story = rows(() => []);
export const LongAndRightToLeftNames: Story = { ...rows(() => [sampleOrders.longName(), sampleOrders.rtlName()]), globals: { dir: 'rtl' } };
export const DarkTheme: Story = { ...rows(everyState), globals: { theme: 'dark' } };
export const German: Story = { ...rows(everyState), globals: { locale: 'de' } };
export const ManyRowsStickyHeader: Story = {
  render: () => html`<admin-orders-table
    style="--lo-table-max-height: 20rem"
    .orders=${Array.from({ length: 40 }, (_, i) => makeOrder({ leads_delivered: (i * 7) % 100, priority: i % 3 }))}
  ></admin-orders-table>`,
};

export const Loading: Story = {
  tags: ['stays-loading'],
  render: () => html`<admin-orders-table .tracking=${neverLoads()}></admin-orders-table>`,
};
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<admin-orders-table .tracking=${alwaysFails()}></admin-orders-table>`,
};

/**
 * Every order of the demo database, as the admin, through the SDK: sort by the column headers,
 * filter, page, pause / resume / complete / cancel a row or a selection, export the CSV. A
 * Completed full order refuses "Reopen", and the table explains why.
 */
export const AdminOnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadDemo],
  render: ({ pageSize, hrefTemplate }, { loaded }) => {
    const demo = loaded as DemoContext;
    return html`<admin-orders-table
      page-size=${pageSize}
      href-template=${hrefTemplate}
      .tracking=${demo.admin as OrderTracking}
      @order-open=${(e: Event) => e.preventDefault()}
    ></admin-orders-table>`;
  },
};

/** Filters set by the host as attributes, as a URL would carry them. */
export const FilteredByAttributes: Story = {
  tags: ['database'],
  loaders: [loadDemo],
  render: ({ pageSize }, { loaded }) => {
    const demo = loaded as DemoContext;
    return html`<admin-orders-table
      status="Active"
      sort="target"
      client-id=${demo.users.clientA.client_id!}
      page-size=${pageSize}
      .tracking=${demo.admin as OrderTracking}
    ></admin-orders-table>`;
  },
};
