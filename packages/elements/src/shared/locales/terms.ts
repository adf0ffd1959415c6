import type { OrderPace, OrderStatus } from '../types.js';
import type { OrdersTableTerms } from './terms-by-element/orders-table.js';
import type { OrderFormTerms } from './terms-by-element/order-form.js';
import type { AssignmentDialogTerms } from './terms-by-element/assignment-dialog.js';
import type { OrderFilterTerms } from './terms-by-element/order-filter.js';
import type { OrderDetailTerms } from './terms-by-element/order-detail.js';
import type { AdminOrderDetailTerms } from './terms-by-element/admin-order-detail.js';

/**
 * Every user-visible string of the elements. Numbers arrive already formatted for the locale
 * (`n` is the raw count, used only to choose the plural form).
 */
// Each page element's words live in their own interface and file, merged here.
export interface Translation extends OrdersTableTerms, OrderFormTerms, AssignmentDialogTerms, OrderFilterTerms, OrderDetailTerms, AdminOrderDetailTerms {
  $code: string;
  /** The language's own name, for a host's language picker. */
  $name?: string;
  /** The language's direction; hosts set `dir` on the page or an ancestor accordingly. */
  $dir?: 'ltr' | 'rtl';
  status: Record<OrderStatus, string>;
  pace: Record<Exclude<OrderPace, null>, string>;
  loading: string;
  error: string;
  retry: string;
  orderNotFound: string;
  /** A client id that does not exist or that the user may not see. */
  clientNotFound: string;
  /** A widget with something to load but no SDK instance (and no data from the host). */
  notConnected: string;
  progressLabel: string;
  /** The progress bar's value text, read by screen readers. */
  progressValue: (delivered: string, purchased: string, percent: string) => string;
  deliveredOf: (delivered: string, purchased: string) => string;
  remaining: (n: number, formatted: string) => string;
  daysLeft: (n: number, formatted: string) => string;
  daysOverdue: (n: number, formatted: string) => string;
  dueToday: string;
  noTargetDate: string;
  // order-select
  selectLabel: string;
  selectPlaceholder: string;
  selectNone: string;
  selectEmpty: string;
  selectNoClient: string;
  selectValueMissing: string;
  optionFull: string;
  optionNotActive: (status: string) => string;
  nearlyFull: (n: number, formatted: string) => string;
  // client-orders-list
  listLabel: string;
  listEmpty: string;
  listNoMatches: string;
  filterStatus: string;
  allStatuses: string;
  sortBy: string;
  sortPriority: string;
  sortTargetDate: string;
  sortProgress: string;
  sortNewest: string;
  pageOf: (page: string, pages: string) => string;
  /** A page whose total is not known yet (more pages follow). */
  pageNumber: (page: string) => string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  orderCount: (n: number, formatted: string) => string;
  /** Through the SDK, before the last page: more orders than the pages seen hold. */
  orderCountMore: (formatted: string) => string;
  // dashboard cards
  activeOrdersTitle: string;
  activeTotal: string;
  needingAttention: string;
  overdue: string;
  viewAllOrders: string;
  myOrdersTitle: string;
  activeCount: string;
  totalDelivered: string;
}
