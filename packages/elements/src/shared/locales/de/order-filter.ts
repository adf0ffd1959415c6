import type { OrderFilterTerms } from '../terms-by-element/order-filter.js';

/** German for order-filter. */
export const orderFilterDe: OrderFilterTerms = {
  orderFilterLabel: 'Auftrag',
  orderFilterAll: 'Alle Aufträge',
  orderFilterNone: 'Ohne Auftrag',
  orderFilterOne: 'Ein Auftrag',
  orderFilterClient: 'Kunde',
  orderFilterChooseClient: 'Kunden auswählen',
  orderFilterOrder: 'Auftrag',
  orderFilterChooseOrder: 'Auftrag auswählen',
};
