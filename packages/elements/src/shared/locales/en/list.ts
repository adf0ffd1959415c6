import type { Translation } from '../terms.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

/** English for client-orders-list. */
export const list = {
  listLabel: 'Orders',
  listEmpty: 'No orders yet.',
  listNoMatches: 'No orders match this filter.',
  filterStatus: 'Status',
  allStatuses: 'All statuses',
  sortBy: 'Sort by',
  sortPriority: 'Priority',
  sortTargetDate: 'Target date',
  sortProgress: 'Progress',
  sortNewest: 'Newest',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  pageNumber: (page) => `Page ${page}`,
  pagination: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  orderCount: (n, f) => plural(n, `${f} order`, `${f} orders`),
  orderCountMore: (f) => `More than ${f} orders`,
} satisfies Partial<Translation>;
