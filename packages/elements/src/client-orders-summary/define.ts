import { ClientOrdersSummary } from './client-orders-summary.js';

export { ClientOrdersSummary };

if (!customElements.get('client-orders-summary')) customElements.define('client-orders-summary', ClientOrdersSummary);

declare global {
  interface HTMLElementTagNameMap {
    'client-orders-summary': ClientOrdersSummary;
  }
}
