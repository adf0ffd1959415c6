import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Order } from '@lead-orders/sdk';
import { makeOrder } from '../packages/elements/test/fixtures/orders.js';
import { everyStoryOrder, storyOrders } from './support/orders.js';
import { alwaysFails, neverLoads } from './support/stub-tracking.js';
import { assignmentPanel, loadLiveDemo, type LiveDemo } from './support/live-demo.js';

interface Args {
  hrefTemplate: string;
  pageSize: number;
  /** The status filter ('' for every status); a story may start from another. */
  status: Order['status'] | '';
  sort: 'priority' | 'target' | 'progress' | 'newest';
}

const meta: Meta<Args> = {
  title: 'Widgets/client-orders-list',
  component: 'client-orders-list',
  args: { hrefTemplate: '/client/orders/{id}', pageSize: 10, status: '', sort: 'priority' },
  argTypes: {
    status: { control: 'select', options: ['', 'Draft', 'Active', 'Paused', 'Completed', 'Cancelled'] },
    sort: { control: 'select', options: ['priority', 'target', 'progress', 'newest'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Every state once, and a right-to-left name: one page of ten, so the docs page has no pagination landmarks to repeat. */
const everyState = (): Order[] => [...everyStoryOrder(), storyOrders.rtlName()];
const thousands = (): Order[] =>
  Array.from({ length: 5000 }, (_, i) =>
    makeOrder({
      order_number: `ORD-2025-${String(i + 1).padStart(4, '0')}`,
      leads_delivered: (i * 7) % 100,
      priority: i % 3,
      created_at: new Date(Date.UTC(2025, 0, 1) + i * 3600_000).toISOString(),
    }),
  );

const list = (orders: () => Order[], status: Args['status'] = '') =>
  ({
    args: { status },
    render: ({ hrefTemplate, pageSize, status, sort }) => html`<client-orders-list
      href-template=${hrefTemplate}
      page-size=${pageSize}
      status=${status}
      sort=${sort}
      .orders=${orders()}
    ></client-orders-list>`,
  }) satisfies Story;

export const EveryOrderState: Story = list(everyState);
export const FilteredToActive: Story = list(everyState, 'Active');
/** Five thousand orders paged in the browser. Left out of the docs page, which it would slow down. */
export const FiveThousandOrders: Story = { ...list(thousands), tags: ['!autodocs'] };
export const Empty: Story = list(() => []);
export const NothingMatchesTheFilter: Story = list(() => [storyOrders.active()], 'Cancelled');
export const WithoutLinks: Story = {
  render: ({ pageSize }) => html`<client-orders-list page-size=${pageSize} .orders=${everyState()}></client-orders-list>`,
  args: { hrefTemplate: '' },
};
export const RightToLeft: Story = { ...list(() => [storyOrders.rtlName(), storyOrders.longName()]), globals: { dir: 'rtl', locale: 'ar' } };
export const DarkTheme: Story = { ...list(everyState), globals: { theme: 'dark' } };
export const German: Story = { ...list(everyState), globals: { locale: 'de' } };

export const Loading: Story = {
  tags: ['stays-loading'],
  render: () => html`<client-orders-list .tracking=${neverLoads()}></client-orders-list>`,
};
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<client-orders-list .tracking=${alwaysFails()}></client-orders-list>`,
};

/**
 * The signed-in user's orders on the demo database (no `client-id`): an admin sees every
 * client's, client A and client B only their own. Switch "Acting user" in the toolbar.
 */
export const SignedInUserOnDemoDatabase: Story = {
  tags: ['database', '!autodocs'],
  loaders: [loadLiveDemo],
  render: ({ hrefTemplate, pageSize, status, sort }, { loaded }) => {
    const demo = loaded as LiveDemo;
    return html`<client-orders-list
        href-template=${hrefTemplate}
        page-size=${pageSize}
        status=${status}
        sort=${sort}
        .tracking=${demo.tracking}
      ></client-orders-list>
      ${assignmentPanel(demo)}`;
  },
};
