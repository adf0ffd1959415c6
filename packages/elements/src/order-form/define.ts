import { OrderForm } from './order-form.js';

export { OrderForm };
export type { OrderSavedDetail } from './order-form.js';

if (!customElements.get('order-form')) customElements.define('order-form', OrderForm);

declare global {
  interface HTMLElementTagNameMap {
    'order-form': OrderForm;
  }
}
