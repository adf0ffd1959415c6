import { ClientOrdersList } from './client-orders-list.js';

export { ClientOrdersList };
export type { OrderOpenDetail } from './client-orders-list.js';

if (!customElements.get('client-orders-list')) customElements.define('client-orders-list', ClientOrdersList);

declare global {
  interface HTMLElementTagNameMap {
    'client-orders-list': ClientOrdersList;
  }
  interface HTMLElementEventMap {
    'order-open': CustomEvent<import('./client-orders-list.js').OrderOpenDetail>;
  }
}
