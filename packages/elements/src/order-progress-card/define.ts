import { OrderProgressCard } from './order-progress-card.js';

export { OrderProgressCard };

if (!customElements.get('order-progress-card')) customElements.define('order-progress-card', OrderProgressCard);

declare global {
  interface HTMLElementTagNameMap {
    'order-progress-card': OrderProgressCard;
  }
}
