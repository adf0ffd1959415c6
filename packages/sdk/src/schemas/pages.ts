/**
 * zod/mini schemas for the reads behind the admin and client pages: leads with filters, the
 * client picker, order numbers, an order's delivery series and forecast. Inputs are strict
 * objects (an unknown key is refused as `unknown_field`, so a misspelt filter never silently
 * widens a list) bounded as `input-rules.ts` says; results keep the database's snake_case field
 * names.
 */
import * as z from 'zod/mini';
import { boundedInt, boundedText, numberLimits, textLimits } from '../input-rules.js';
import { DateString, Id, Timestamp } from '../schemas.js';

const text = z.nullable(z.string());
const int = z.int();
const search = z.optional(boundedText(textLimits.search));
const pageSize = z.optional(boundedInt(numberLimits.pageSize));
const cursor = z.optional(z.nullable(boundedText(textLimits.cursor)));
const leadStatus = boundedText(textLimits.leadStatus);

// ---------------------------------------------------------------- leads

/** Filters for `leads.list` and `leads.pages` (options, so camelCase). */
export const LeadFilters = z.strictObject({
  /** Leads of one client. A client passing another client's id gets an empty page. */
  clientId: z.optional(Id),
  /** Leads of one order. */
  orderId: z.optional(Id),
  /** Only leads in no order (`order_id` null). Together with `orderId` the database refuses with `invalid_input`. */
  noOrder: z.optional(z.boolean()),
  /** One lead status or 1–50 (`'New'`, `'Approved'`, `'Lead'`, `'Rejected'`, … the agency's own), each at most 200 characters. */
  status: z.optional(
    z.union([leadStatus, z.array(leadStatus).check(z.minLength(numberLimits.leadStatuses.min), z.maxLength(numberLimits.leadStatuses.max))]),
  ),
  /** Matches company, contact and email (case-insensitive, literal `%` and `_`); at most 200 characters. */
  search,
  /** Delivered on or after this day (`YYYY-MM-DD`, the database's time zone). */
  deliveredFrom: z.optional(DateString),
  /** Delivered on or before this day (`YYYY-MM-DD`, inclusive). */
  deliveredTo: z.optional(DateString),
  /** Page size, 1–500 (default 50). */
  limit: pageSize,
  /** `next_cursor` of the previous page; at most 1,000 characters. */
  cursor,
});
export type LeadFilters = z.input<typeof LeadFilters>;

/**
 * One lead as `list_leads` returns it. A client gets the columns below without `client_id` and
 * `client_name`; an admin gets those two as well. Other columns of the agency's lead table are
 * never sent.
 */
export const LeadRow = z.object({
  id: Id,
  company_name: z.string(),
  contact_name: text,
  email: text,
  phone: text,
  status: z.string(),
  order_id: z.nullable(Id),
  order_number: text,
  delivered_at: z.nullable(Timestamp),
  created_at: z.nullable(Timestamp),
  client_id: z.optional(z.nullable(Id)),
  client_name: z.optional(text),
});
export type LeadRow = z.infer<typeof LeadRow>;

/** One keyset page of leads, newest first (`created_at` desc, then `id` desc). */
export const LeadPage = z.object({
  items: z.array(LeadRow),
  next_cursor: z.nullable(z.string()),
});
export type LeadPage = z.infer<typeof LeadPage>;

// ---------------------------------------------------------------- clients

/** Filters for `clients.list` and `clients.pages`. */
export const ClientFilters = z.strictObject({
  /** Matches the client name (case-insensitive, literal `%` and `_`); at most 200 characters. */
  search,
  /** Page size, 1–500 (default 50). */
  limit: pageSize,
  /** `next_cursor` of the previous page; at most 1,000 characters. */
  cursor,
});
export type ClientFilters = z.input<typeof ClientFilters>;

export const ClientRow = z.object({
  id: Id,
  client_name: z.string(),
});
export type ClientRow = z.infer<typeof ClientRow>;

/** One keyset page of clients, by `client_name` then `id`. */
export const ClientPage = z.object({
  items: z.array(ClientRow),
  next_cursor: z.nullable(z.string()),
});
export type ClientPage = z.infer<typeof ClientPage>;

// ---------------------------------------------------------------- order numbers

/**
 * A manual order number to check: at most 40 characters, as `orders.order_number` holds (a
 * longer one could never be created); a blank one is refused by the database (`invalid_input`).
 */
export const OrderNumberInput = boundedText(textLimits.orderNumber);

export const OrderNumberPreview = z.object({ order_number: z.string() });
export const OrderNumberAvailability = z.object({ order_number: z.string(), available: z.boolean() });

// ---------------------------------------------------------------- delivery series and forecast

/** `day`, `week` (ISO weeks, starting Monday), or `auto`: weeks when the order spans more than 90 days. */
export const deliveryBuckets = ['day', 'week', 'auto'] as const;
export const DeliveryBucket = z.enum(deliveryBuckets);
export type DeliveryBucket = z.infer<typeof DeliveryBucket>;

/** One bucket: its first day, the leads delivered in it, and the running total up to its end. */
export const DeliveryPoint = z.object({
  date: DateString,
  delivered: int,
  cumulative: int,
});
export type DeliveryPoint = z.infer<typeof DeliveryPoint>;

/** `get_delivery_series`: the order's deliveries per bucket, ascending, every bucket between the first and last delivery. */
export const DeliverySeries = z.object({
  order_id: Id,
  bucket: z.enum(['day', 'week']),
  start_date: z.nullable(DateString),
  target_delivery_date: z.nullable(DateString),
  leads_purchased: int,
  leads_delivered: int,
  points: z.array(DeliveryPoint),
});
export type DeliverySeries = z.infer<typeof DeliverySeries>;

/** `get_order_forecast`: where the order lands at its recent pace. Rates are leads per day. */
export const OrderForecast = z.object({
  order_id: Id,
  status: z.string(),
  /** The window the recent rate is measured over, in days (14). */
  window_days: int,
  /** Leads delivered in the window. */
  delivered_in_window: int,
  /** Leads per day over the window (two decimals). */
  recent_per_day: z.number(),
  leads_remaining: int,
  /** Today plus the days the remaining leads take at the recent rate; null when the rate is 0, nothing remains, or the order is not Active/Paused. */
  projected_completion_date: z.nullable(DateString),
  target_delivery_date: z.nullable(DateString),
  /** Projected completion on or before the target date; null without a target or a projection. */
  on_track: z.nullable(z.boolean()),
  /** Leads per day from tomorrow through the target date to finish on time; null without a target or when nothing remains. */
  needed_per_day: z.nullable(z.number()),
  /** Target date minus today in days (negative when past); null without a target. */
  days_to_target: z.nullable(int),
});
export type OrderForecast = z.infer<typeof OrderForecast>;

/** `orders.deliverySeries` options (strict: an unknown key is `unknown_field`). */
export const DeliverySeriesOptions = z.strictObject({ bucket: z.optional(DeliveryBucket) });
