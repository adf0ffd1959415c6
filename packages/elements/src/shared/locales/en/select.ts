import type { Translation } from '../terms.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** English for order-select. */
export const select = {
  selectLabel: 'Order',
  selectPlaceholder: 'Select an order',
  selectNone: 'Assign without order',
  selectEmpty: 'This client has no orders.',
  selectNoClient: 'Choose a client first.',
  selectValueMissing: 'Please select an order.',
  optionFull: 'Full',
  optionNotActive: (status) => status,
  nearlyFull: (n, f) =>
    plural(n, `Nearly full: only ${f} lead left in this order.`, `Nearly full: only ${f} leads left in this order.`),
} satisfies Partial<Translation>;
