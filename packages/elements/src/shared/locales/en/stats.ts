import type { Translation } from '../terms.js';

/** English for the dashboard cards. */
export const stats = {
  listEmpty: 'No orders yet.',
  activeOrdersTitle: 'Active orders',
  activeTotal: 'Active',
  needingAttention: 'Need attention',
  overdue: 'Overdue',
  viewAllOrders: 'View all orders',
  myOrdersTitle: 'My orders',
  activeCount: 'Active orders',
  totalDelivered: 'Leads delivered',
} satisfies Partial<Translation>;
