import { OrderTrackingProvider } from './order-tracking-provider.js';

export { OrderTrackingProvider };

if (!customElements.get('order-tracking-provider')) {
  customElements.define('order-tracking-provider', OrderTrackingProvider);
}

declare global {
  interface HTMLElementTagNameMap {
    'order-tracking-provider': OrderTrackingProvider;
  }
}
