import { html, nothing, type TemplateResult } from 'lit';
import type { OrderTracking } from '@lead-orders/sdk';
import { activeOrderWithDeliveredLead } from '../../packages/elements/test/helpers/demo-orders.js';
import type { DemoContext } from './demo-database.js';
import { loadDemo } from './demo-database.js';

export interface LiveDemo extends DemoContext {
  orderId: string;
  orderNumber: string;
  leadId: string;
  clientId: string;
}

/** Loads the demo database and picks client A's Active order with a delivered lead to move. */
export async function loadLiveDemo(context: { globals: Record<string, unknown> }): Promise<LiveDemo> {
  const demo = await loadDemo(context);
  const clientId = demo.users.clientA.client_id!;
  const { order, leadId } = await activeOrderWithDeliveredLead(demo.admin, clientId);
  return { ...demo, orderId: order.id, orderNumber: order.order_number, leadId, clientId };
}

/**
 * Two buttons that change the database as the admin would, through the SDK: take one delivered
 * lead out of the order, and put it back. Every widget on the page follows through `subscribe`.
 */
export function assignmentPanel(demo: LiveDemo): TemplateResult {
  const act = async (event: Event, orderId: string | null) => {
    const status = (event.target as HTMLElement).closest('fieldset')!.querySelector('output')!;
    status.value = '…';
    try {
      await (demo.admin as OrderTracking).leads.assignToOrder(demo.leadId, orderId);
      status.value = orderId ? `Lead assigned to ${demo.orderNumber}.` : `Lead taken out of ${demo.orderNumber}.`;
    } catch (error) {
      status.value = `Refused: ${(error as { code?: string }).code ?? (error as Error).message}`;
    }
  };
  return html`<fieldset style="margin-block-start: 1rem; font: 14px system-ui; color: inherit">
    <legend>As the admin, through the SDK</legend>
    <button type="button" @click=${(e: Event) => act(e, null)}>Take a lead out</button>
    <button type="button" @click=${(e: Event) => act(e, demo.orderId)}>Assign it again</button>
    <output aria-live="polite" style="margin-inline-start: 0.5rem"></output>
    ${demo.user === 'clientB'
      ? html`<p>Acting as client B: the order these buttons change belongs to client A, so client B never sees it.</p>`
      : nothing}
  </fieldset>`;
}
