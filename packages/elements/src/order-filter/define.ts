import { OrderFilter } from './order-filter.js';

export { OrderFilter };
export { NO_ORDER, type OrderFilterLeadFilters } from './order-filter.js';

if (!customElements.get('order-filter')) customElements.define('order-filter', OrderFilter);

declare global {
  interface HTMLElementTagNameMap {
    'order-filter': OrderFilter;
  }
}
