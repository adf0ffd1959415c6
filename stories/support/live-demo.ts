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
  // The panel follows the story's colour scheme (the toolbar's theme sets `color-scheme` on the
  // story's container) in the widgets' default token colours, so it reads well in light and dark.
  return html`<style>
      .lo-demo-panel {
        margin-block-start: 1rem;
        padding: 0.75rem 1rem;
        border: 1px solid light-dark(#d4d8de, #3a3f48);
        border-radius: 0.5rem;
        font: 14px/1.4 system-ui, sans-serif;
        color: light-dark(#1f2328, #e8eaed);
        background: light-dark(#f6f7f9, #17191e);
      }
      .lo-demo-panel legend {
        padding-inline: 0.25rem;
        font-weight: 600;
      }
      .lo-demo-panel button {
        font: inherit;
        color: light-dark(#ffffff, #0f1115);
        background: light-dark(#1d4ed8, #7aa7ff);
        border: 0;
        border-radius: 0.375rem;
        padding: 0.375rem 0.75rem;
        margin-inline-end: 0.5rem;
        cursor: pointer;
      }
      .lo-demo-panel button:focus-visible {
        outline: 2px solid light-dark(#1d4ed8, #7aa7ff);
        outline-offset: 2px;
      }
    </style>
    <fieldset class="lo-demo-panel">
      <legend>As the admin, through the SDK</legend>
      <button type="button" @click=${(e: Event) => act(e, null)}>Take a lead out</button>
      <button type="button" @click=${(e: Event) => act(e, demo.orderId)}>Assign it again</button>
      <output aria-live="polite"></output>
      ${demo.user === 'clientB'
        ? html`<p>Acting as client B: the order these buttons change belongs to client A, so client B never sees it.</p>`
        : nothing}
    </fieldset>`;
}
