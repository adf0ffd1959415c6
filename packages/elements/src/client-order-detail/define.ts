// The page composes <order-progress-card>: registering the page registers it too.
import '../order-progress-card/define.js';
import { ClientOrderDetail } from './client-order-detail.js';

export { ClientOrderDetail };

if (!customElements.get('client-order-detail')) customElements.define('client-order-detail', ClientOrderDetail);

declare global {
  interface HTMLElementTagNameMap {
    'client-order-detail': ClientOrderDetail;
  }
}
