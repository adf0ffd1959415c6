import { OrderStatsCard } from './order-stats-card.js';

export { OrderStatsCard };

if (!customElements.get('order-stats-card')) customElements.define('order-stats-card', OrderStatsCard);

declare global {
  interface HTMLElementTagNameMap {
    'order-stats-card': OrderStatsCard;
  }
}
