import { OrderSelect } from './order-select.js';

export { OrderSelect };

if (!customElements.get('order-select')) customElements.define('order-select', OrderSelect);

declare global {
  interface HTMLElementTagNameMap {
    'order-select': OrderSelect;
  }
}
