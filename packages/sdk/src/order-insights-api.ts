import type { Call, RequestOptions } from './call.js';
import { Id } from './schemas.js';
import {
  DeliverySeries,
  DeliverySeriesOptions,
  OrderForecast,
  OrderNumberAvailability,
  OrderNumberInput,
  OrderNumberPreview,
  type DeliveryBucket,
} from './schemas/pages.js';
import { checkInput } from './validation.js';

export type DeliverySeriesRequest = RequestOptions & {
  /** `day`, `week` or `auto` (default): weeks when the order spans more than 90 days. */
  bucket?: DeliveryBucket;
};

export interface OrderInsightsApi {
  /**
   * The number the next order would get automatically (`ORD-<year>-<NNN>`), without taking it: a
   * preview for the order form; another order created meanwhile may take it. Admins only
   * (`forbidden`).
   */
  nextNumber(options?: RequestOptions): Promise<string>;
  /**
   * Whether no order has this number yet (exact match), so a form can say so before submit.
   * Admins only (`forbidden`); a blank or over-100-character number is `invalid_input`.
   */
  isNumberAvailable(orderNumber: string, options?: RequestOptions): Promise<boolean>;
  /**
   * Leads delivered per day or week and the running total, from `leads.delivered_at` of the
   * order's delivered leads (`get_delivery_series`; days in the database's time zone). Whoever
   * may read the order; another client's order is `order_not_found`.
   */
  deliverySeries(orderId: string, options?: DeliverySeriesRequest): Promise<DeliverySeries>;
  /**
   * The order's recent pace (last 14 days), projected completion date, whether that is on time,
   * and the leads per day the target still needs (`get_order_forecast`). Another client's order is
   * `order_not_found`.
   */
  forecast(orderId: string, options?: RequestOptions): Promise<OrderForecast>;
}

/** Order numbers, delivery series and forecast. */
export function orderInsights(call: Call): OrderInsightsApi {
  return {
    async nextNumber(options) {
      return (await call('preview_order_number', {}, OrderNumberPreview, options?.signal)).order_number;
    },
    async isNumberAvailable(orderNumber, options) {
      const [number] = checkInput([['orderNumber', OrderNumberInput, orderNumber]]);
      return (await call('is_order_number_available', { p_order_number: number }, OrderNumberAvailability, options?.signal)).available;
    },
    async deliverySeries(orderId, options) {
      const [id, o] = checkInput([
        ['orderId', Id, orderId],
        ['options', DeliverySeriesOptions, { bucket: options?.bucket }],
      ]) as [string, { bucket?: DeliveryBucket }];
      return call('get_delivery_series', { p_order_id: id, p_bucket: o.bucket }, DeliverySeries, options?.signal);
    },
    async forecast(orderId, options) {
      const [id] = checkInput([['orderId', Id, orderId]]);
      return call('get_order_forecast', { p_order_id: id }, OrderForecast, options?.signal);
    },
  };
}
