// The whole package: importing it registers every element. To pay only for what you use,
// import single elements instead: `@lead-orders/elements/order-progress-card/define.js`.
export { OrderTrackingProvider } from './order-tracking-provider/define.js';
export { OrderProgressCard } from './order-progress-card/define.js';
export { OrderSelect } from './order-select/define.js';
export { ClientOrdersList, type OrderOpenDetail } from './client-orders-list/define.js';
export { OrderStatsCard } from './order-stats-card/define.js';
export { ClientOrdersSummary } from './client-orders-summary/define.js';
export {
  AdminOrdersTable,
  type OrdersTableFilters,
  type OrdersTableSort,
  type OrderActionDetail,
  type OrdersExportDetail,
} from './admin-orders-table/define.js';
export { OrderForm, type OrderSavedDetail } from './order-form/define.js';
export { OrderAssignmentDialog, type AssignmentRequest, type LeadAssignedDetail } from './order-assignment-dialog/define.js';
export { OrderFilter, NO_ORDER, type OrderFilterLeadFilters } from './order-filter/define.js';
export { ClientOrderDetail } from './client-order-detail/define.js';
export { AdminOrderDetail, type LeadsAssignedDetail } from './admin-order-detail/define.js';
export { registerTranslation, type Translation } from './shared/localize.js';
export { trackingContext } from './shared/context.js';
export type { LoadStatus } from './shared/data-controller.js';
