import { html, type TemplateResult } from 'lit';
import { confirmStep } from '../shared/confirm-step.js';
import type { LocalizeController } from '../shared/localize.js';

/** What the bulk bar shows and whom it tells. */
export interface BulkBarOptions {
  /** The selected orders on the page on screen. */
  ids: string[];
  /** The ids a bulk cancel asks about, while its confirm step is open; else `null`. */
  confirmingCancel: string[] | null;
  onPause: (ids: string[]) => void;
  onResume: (ids: string[]) => void;
  /** Opens the confirm step (cancelling cannot be taken back). */
  onAskCancel: (ids: string[]) => void;
  onCancel: (ids: string[]) => void;
  /** Closes the confirm step; focus goes back to `[data-bulk="cancel"]`. */
  onCloseConfirm: () => void;
}

/**
 * The bar of actions for the selected rows: how many are selected, Pause, Resume and Cancel, and
 * the confirm step of a bulk cancel in place of the buttons while it is open.
 */
export function bulkBar(l: LocalizeController, options: BulkBarOptions): TemplateResult {
  const { ids, confirmingCancel } = options;
  return html`<div class="bulk" part="bulk" role="group" aria-label=${l.term('bulkLabel')}>
    <span>${l.term('selectedCount')(ids.length, l.number(ids.length))}</span>
    ${confirmingCancel
      ? confirmStep({
          question: l.term('confirmBulkCancel')(ids.length, l.number(ids.length)),
          yes: l.term('confirmYes'),
          no: l.term('confirmNo'),
          onYes: () => options.onCancel(confirmingCancel),
          onNo: options.onCloseConfirm,
        })
      : html`<button type="button" data-bulk="pause" @click=${() => options.onPause(ids)}>${l.term('bulkPause')}</button>
          <button type="button" data-bulk="resume" @click=${() => options.onResume(ids)}>${l.term('bulkResume')}</button>
          <button type="button" data-bulk="cancel" @click=${() => options.onAskCancel(ids)}>${l.term('bulkCancel')}</button>`}
  </div>`;
}
