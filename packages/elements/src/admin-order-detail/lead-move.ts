import { html, nothing, type TemplateResult } from 'lit';
import type { LeadRow } from '@lead-orders/sdk';
import type { LocalizeController } from '../shared/localize.js';
import type { Tracking } from '../shared/tracking.js';
import type { OrderSelect } from '../order-select/order-select.js';
import { isolate } from '../shared/bidi.js';

/** What the move step shows and whom it tells. */
export interface LeadMoveOptions {
  lead: LeadRow;
  clientId: string;
  tracking: Tracking | undefined;
  locale: string | undefined;
  busy: boolean;
  /** The order picked in the `<order-select>` (its row, with the room it has left), or undefined. */
  onMove: (picked: OrderSelect) => void;
  /** Leaves the move step; focus goes back to the row's "Move" button. */
  onCancel: () => void;
}

/**
 * The step that moves one of the order's leads to another order of the same client: an
 * `<order-select>` listing the client's orders with their counts ("45/100"), live, with the orders
 * that cannot take a lead (full, not active) disabled and saying why, and the Move and Cancel
 * buttons. Escape cancels. The database decides (`leads.assignToOrder`); a refusal is said in its
 * words by the page.
 */
export function leadMoveStep(l: LocalizeController, options: LeadMoveOptions): TemplateResult {
  const { lead, busy } = options;
  const picked = (e: Event) => (e.currentTarget as HTMLElement).closest('.move')!.querySelector<OrderSelect>('order-select')!;
  return html`<div
    class="move"
    part="move"
    role="group"
    aria-label=${l.term('moveTitle')(isolate(lead.company_name))}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.stopPropagation();
        options.onCancel();
      }
    }}
  >
    <p class="move-title">${l.term('moveTitle')(isolate(lead.company_name))}</p>
    <order-select
      client-id=${options.clientId}
      label=${l.term('moveTo')}
      locale=${options.locale || nothing}
      .tracking=${options.tracking}
    ></order-select>
    <div class="move-actions">
      <button type="button" class="move-submit" aria-disabled=${busy ? 'true' : 'false'} @click=${(e: Event) => busy || options.onMove(picked(e))}>
        ${l.term('moveSubmit')}
      </button>
      <button type="button" class="move-cancel" @click=${options.onCancel}>${l.term('moveCancel')}</button>
    </div>
  </div>`;
}
