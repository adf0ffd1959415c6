import type { Translation } from '../terms.js';

/** English for order-filter. */
export const orderFilter = {
  orderFilterLabel: 'Order',
  orderFilterAll: 'All orders',
  orderFilterNone: 'No order',
  orderFilterOne: 'One order',
  orderFilterClient: 'Client',
  orderFilterChooseClient: 'Choose a client',
  orderFilterOrder: 'Order',
  orderFilterChooseOrder: 'Choose an order',
} satisfies Partial<Translation>;
