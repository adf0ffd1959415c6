// The dialog composes <order-select>: registering the dialog registers it too.
import '../order-select/define.js';
import { OrderAssignmentDialog } from './order-assignment-dialog.js';

export { OrderAssignmentDialog };
export type { AssignmentRequest, LeadAssignedDetail } from './order-assignment-dialog.js';

if (!customElements.get('order-assignment-dialog')) customElements.define('order-assignment-dialog', OrderAssignmentDialog);

declare global {
  interface HTMLElementTagNameMap {
    'order-assignment-dialog': OrderAssignmentDialog;
  }
}
