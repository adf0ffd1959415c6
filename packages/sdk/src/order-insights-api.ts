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
import * as z from 'zod/mini';
import { Options, Signal } from './request-options.js';
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
   * Admins only (`forbidden`). A number over 40 characters (no order can hold one) or with a NUL
   * byte is `invalid_input` before sending, a blank one `invalid_input` from the database.
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

const SeriesRequest = z.optional(z.extend(DeliverySeriesOptions, { signal: z.optional(Signal) }));

/** Order numbers, delivery series and forecast. Every argument is checked before any request. */
export function orderInsights(call: Call): OrderInsightsApi {
  return {
    async nextNumber(options) {
      checkInput([['options', Options, options]]);
      return (await call('preview_order_number', {}, OrderNumberPreview, options?.signal)).order_number;
    },
    async isNumberAvailable(orderNumber, options) {
      const [number] = checkInput([
        ['orderNumber', OrderNumberInput, orderNumber],
        ['options', Options, options],
      ]);
      return (await call('is_order_number_available', { p_order_number: number }, OrderNumberAvailability, options?.signal)).available;
    },
    async deliverySeries(orderId, options) {
      const [id, o] = checkInput([
        ['orderId', Id, orderId],
        ['options', SeriesRequest, options],
      ]) as [string, { bucket?: DeliveryBucket } | undefined];
      return call('get_delivery_series', { p_order_id: id, p_bucket: o?.bucket }, DeliverySeries, options?.signal);
    },
    async forecast(orderId, options) {
      const [id] = checkInput([
        ['orderId', Id, orderId],
        ['options', Options, options],
      ]);
      return call('get_order_forecast', { p_order_id: id }, OrderForecast, options?.signal);
    },
  };
}
