import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrderTracking } from '@lead-orders/sdk';
import type { OrderAssignmentDialog } from '../packages/elements/src/order-assignment-dialog/define.js';
import { loadDemo, type DemoContext } from './support/demo-database.js';

const meta: Meta = {
  title: 'Pages/order-assignment-dialog',
  component: 'order-assignment-dialog',
};
export default meta;
type Story = StoryObj;

interface LeadDemo extends DemoContext {
  leadId: string;
  clientId: string;
}

/** The demo database and one of client A's leads that is in no order. */
async function loadLead(context: { globals: Record<string, unknown> }): Promise<LeadDemo> {
  const demo = await loadDemo(context);
  const clientId = demo.users.clientA.client_id!;
  const { items } = await demo.admin.leads.list({ clientId, noOrder: true, limit: 1 });
  return { ...demo, clientId, leadId: items[0]?.id ?? '' };
}

const opener = (demo: LeadDemo) => {
  const show = (event: Event) => {
    const dialog = (event.target as HTMLElement).parentElement!.querySelector('order-assignment-dialog') as OrderAssignmentDialog;
    void dialog.show({ leadId: demo.leadId, clientId: demo.clientId });
  };
  return html`<div>
    <button type="button" @click=${show}>Assign lead…</button>
    <order-assignment-dialog
      .tracking=${demo.admin as OrderTracking}
      @lead-assigned=${(e: CustomEvent) => {
        const out = (e.target as HTMLElement).parentElement!.querySelector('output')!;
        out.value = e.detail.orderId ? 'Lead assigned to the order.' : 'Lead assigned without order.';
      }}
    ></order-assignment-dialog>
    <output aria-live="polite"></output>
  </div>`;
};

/**
 * On the demo database, as the admin: open the dialog, pick a client and one of its orders
 * (nearly full ones warn, full ones are disabled), or "Assign without order". Escape closes it
 * and focus returns to the button.
 */
export const OnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadLead],
  render: (_args, { loaded }) => opener(loaded as LeadDemo),
};

/** The same, opened at once. */
export const OpenOnDemoDatabase: Story = {
  tags: ['database'],
  loaders: [loadLead],
  render: (_args, { loaded }) => opener(loaded as LeadDemo),
  play: async ({ canvasElement }) => {
    canvasElement.querySelector('button')!.click();
  },
};
export const OpenInGerman: Story = { ...OpenOnDemoDatabase, globals: { locale: 'de' } };
export const OpenDarkRightToLeft: Story = { ...OpenOnDemoDatabase, globals: { theme: 'dark', dir: 'rtl' } };
