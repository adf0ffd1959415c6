import type { Translation } from '../terms.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/**
 * English for the database's refusals a page words itself (see shared/refusal.ts): the orders
 * table, the admin's order page and the assignment dialog show them.
 */
export const refusals = {
  refusedOrderFull: (n, f) =>
    n <= 0 ? 'The order is full.' : plural(n, `The order has room for only ${f} more lead.`, `The order has room for only ${f} more leads.`),
  refusedOrderNotActive: (status) => `The order is ${status}; only an active order takes leads.`,
  refusedLeadClientMismatch: 'The lead belongs to another client than the order.',
  refusedNumberTaken: 'Another order already has this number.',
  refusedInvalidInput: 'Something entered is not valid.',
} satisfies Partial<Translation>;
