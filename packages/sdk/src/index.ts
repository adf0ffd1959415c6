// The main entry: the Supabase transport and everything transport-independent. Nothing here
// imports PGlite or node-postgres; those live in `@lead-orders/sdk/pglite` and `@lead-orders/sdk/pg`.
export {
  createOrderTracking,
  type CreateOrderTrackingOptions,
  type LeadsApi,
  type OrderDetailsRequest,
  type OrdersApi,
  type OrderTracking,
  type RequestOptions,
  type RetryOptions,
  type SubscribeOptions,
} from './client.js';
export {
  isOrderTrackingError,
  OrderTrackingError,
  type FieldIssue,
  type OrderTrackingErrorCode,
} from './errors.js';
export * from './schemas.js';
export { numberLimits, textLimits } from './input-rules.js';
export * from './schemas/pages.js';
export type { ClientsApi } from './clients-api.js';
export type { LeadReadsApi } from './leads-api.js';
export type { DeliverySeriesRequest, OrderInsightsApi } from './order-insights-api.js';
export {
  orderExportColumns,
  type OrderCsvOptions,
  type OrderExportApi,
  type OrderExportColumn,
  type OrderExportOptions,
  type OrderExportRow,
} from './order-export.js';
export { readFunctions, type CallOptions, type DatabaseFunction, type SubscribeHandlers, type Transport } from './transport.js';
export { createSupabaseTransport, type SupabaseClientLike } from './transports/supabase.js';
