// The page composes <order-progress-card> and <order-select>: registering the page registers them too.
import '../order-progress-card/define.js';
import '../order-select/define.js';
import { AdminOrderDetail } from './admin-order-detail.js';

export { AdminOrderDetail };
export type { LeadsAssignedDetail } from './admin-order-detail.js';

if (!customElements.get('admin-order-detail')) customElements.define('admin-order-detail', AdminOrderDetail);

declare global {
  interface HTMLElementTagNameMap {
    'admin-order-detail': AdminOrderDetail;
  }
}
