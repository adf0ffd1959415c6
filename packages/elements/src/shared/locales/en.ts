import type { Translation } from './terms.js';
import { common } from './en/common.js';
import { list } from './en/list.js';
import { select } from './en/select.js';
import { stats } from './en/stats.js';
import { ordersTable } from './en/orders-table.js';
import { orderForm } from './en/order-form.js';
import { assignmentDialog } from './en/assignment-dialog.js';
import { orderFilter } from './en/order-filter.js';
import { orderDetail } from './en/order-detail.js';
import { adminOrderDetail } from './en/admin-order-detail.js';

/**
 * All of English in one object, as a model for other languages. The elements themselves do not
 * import this: each carries only the English it shows (its `static terms`), which keeps the
 * progress card's bundle within budget.
 */
export const en: Translation = { ...common, $name: 'English', $dir: 'ltr', ...select, ...list, ...stats, ...ordersTable, ...orderForm, ...assignmentDialog, ...orderFilter, ...orderDetail, ...adminOrderDetail };
