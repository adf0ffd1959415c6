/**
 * zod schemas for every input the SDK accepts and every result it returns. Hosts may reuse them
 * (forms, server handlers). Built with `zod/mini`, whose functional API tree-shakes: the whole SDK
 * stays within its 15 KB min+gzip budget, where classic `zod` alone is ~90 KB.
 *
 * Data objects keep the database's snake_case field names; options are camelCase.
 * Shapes are checked here; rules (capacity, transitions, positive quantities, date order) belong
 * to the database, which refuses with a named error code.
 */
import * as z from 'zod/mini';
import { boundedInt, boundedText, DateString, labelText, numberLimits, textLimits } from './input-rules.js';

export { DateString };

// ---------------------------------------------------------------- building blocks

/** Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type accepts (not only RFC 4122 variants). */
export const Id = z.guid();
/** A `timestamptz` as it comes back in JSON; kept as the database's string. */
export const Timestamp = z.string();

export const orderStatuses = ['Draft', 'Active', 'Paused', 'Completed', 'Cancelled'] as const;
export const OrderStatus = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderPace = z.enum(['ahead', 'on_track', 'behind']);
export type OrderPace = z.infer<typeof OrderPace>;

export const orderEventTypes = [
  'created',
  'status_changed',
  'quantity_changed',
  'lead_assigned',
  'lead_unassigned',
  'lead_moved',
  'lead_delivered',
  'lead_undelivered',
] as const;
export const OrderEventType = z.enum(orderEventTypes);
export type OrderEventType = z.infer<typeof OrderEventType>;

const text = z.nullable(z.string());
const date = z.nullable(z.string());
const int = z.int();

// ---------------------------------------------------------------- results

/** A row of `public.orders`, as realtime change notifications carry it. */
export const OrderRecord = z.object({
  id: Id,
  order_number: z.string(),
  client_id: Id,
  name: text,
  description: text,
  leads_purchased: int,
  leads_delivered: int,
  leads_remaining: int,
  target_delivery_date: date,
  start_date: date,
  completion_date: date,
  status: OrderStatus,
  priority: int,
  created_by: z.nullable(Id),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type OrderRecord = z.infer<typeof OrderRecord>;

/** A row of the `public.order_summary` view: every "order" the functions return. */
export const Order = z.extend(OrderRecord, {
  client_name: text,
  completion_percentage: z.number(),
  days_remaining: z.nullable(int),
  is_overdue: z.boolean(),
  expected_delivered: z.nullable(z.number()),
  pace: z.nullable(OrderPace),
  is_nearly_full: z.boolean(),
  // The view computes `is_overdue or pace = 'behind' or is_nearly_full`; with no pace (no dates, or
  // not Active) SQL's three-valued logic yields null where the answer is "no". Read null as false.
  needs_attention: z.pipe(z.nullable(z.boolean()), z.transform((value) => value === true)),
});
export type Order = z.infer<typeof Order>;

/**
 * A row of `public.leads`. The agency's own lead table may carry more columns; those pass through
 * untouched, and the ones order tracking relies on are checked.
 */
export const Lead = z.looseObject({
  id: Id,
  company_name: z.string(),
  contact_name: z.optional(text),
  email: z.optional(text),
  phone: z.optional(text),
  status: z.string(),
  client_id: z.nullable(Id),
  order_id: z.nullable(Id),
  delivered_at: z.nullable(Timestamp),
  created_at: z.optional(z.nullable(Timestamp)),
  updated_at: z.optional(z.nullable(Timestamp)),
});
export type Lead = z.infer<typeof Lead>;

// A plain check, not `z.record(z.string(), z.unknown())`: a JSON object's keys are strings anyway,
// and zod's record costs about 0.5 KB of the main entry's 15 KB budget.
const JsonObject = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'expected an object',
);

/** One entry of an order's history (`public.order_events`). */
export const OrderEvent = z.object({
  id: z.union([Id, z.string(), z.number()]),
  order_id: Id,
  event_type: OrderEventType,
  lead_id: z.nullable(Id),
  actor_id: z.nullable(Id),
  /**
   * Who made the change, by profile name (`profiles.full_name`): in `orders.get(...).timeline`
   * read by an admin. Null for a client (a client's timeline never names people), for changes no
   * user made, and for a deleted user; absent in Realtime changes, which carry the bare row.
   */
  actor_name: z.optional(z.nullable(z.string())),
  /** The event's JSON object (`jsonb`), as the database wrote it. */
  data: z.nullable(JsonObject),
  created_at: Timestamp,
});
export type OrderEvent = z.infer<typeof OrderEvent>;

/** One keyset page of `get_orders`; pass `next_cursor` back as `cursor` for the next page. */
export const OrderPage = z.object({
  items: z.array(Order),
  next_cursor: z.nullable(z.string()),
});
export type OrderPage = z.infer<typeof OrderPage>;

/** `get_order_details`: the order, its leads and its timeline (newest first). */
export const OrderDetails = z.object({
  order: Order,
  leads: z.array(Lead),
  timeline: z.array(OrderEvent),
});
export type OrderDetails = z.infer<typeof OrderDetails>;

/** `assign_lead_to_order` and `assign_lead_to_client`. `order` is null when the lead left its order. */
export const LeadAssignment = z.object({
  lead: Lead,
  order: z.nullable(Order),
  previous_order: z.nullable(Order),
});
export type LeadAssignment = z.infer<typeof LeadAssignment>;

/** `assign_leads_to_order`: every lead moved, all or nothing. */
export const BulkLeadAssignment = z.object({
  leads: z.array(Lead),
  order: Order,
});
export type BulkLeadAssignment = z.infer<typeof BulkLeadAssignment>;

const count = z.number();
/** `get_order_stats`: dashboard numbers, for one client or everything the caller sees. */
export const OrderStats = z.object({
  orders_total: count,
  by_status: z.object({
    Draft: count,
    Active: count,
    Paused: count,
    Completed: count,
    Cancelled: count,
  }),
  active: count,
  overdue: count,
  needs_attention: count,
  leads_purchased: count,
  leads_delivered: count,
  leads_remaining: count,
  delivered_last_7_days: count,
  delivered_last_30_days: count,
});
export type OrderStats = z.infer<typeof OrderStats>;

// ---------------------------------------------------------------- inputs

/**
 * How `get_orders` orders its pages: `priority` (high first, then nearest target date; the
 * default), `target` (nearest target date first, none last, then priority), `progress` (least
 * delivered first) or `newest` (most recently created first).
 */
export const orderSorts = ['priority', 'target', 'progress', 'newest'] as const;
export const OrderSort = z.enum(orderSorts);
export type OrderSort = z.infer<typeof OrderSort>;

/**
 * Filters for `orders.list` and `orders.pages` (options, so camelCase). Every input object is
 * strict: a key it does not list (`clientID`, `__proto__`) is refused with `unknown_field`.
 */
export const OrderFilters = z.strictObject({
  clientId: z.optional(Id),
  status: z.optional(z.union([OrderStatus, z.array(OrderStatus).check(z.maxLength(orderStatuses.length))])),
  /** Orders whose target delivery date is on or after this day. */
  targetFrom: z.optional(DateString),
  /** Orders whose target delivery date is on or before this day. */
  targetTo: z.optional(DateString),
  /** Matches order number, name and client name; at most 200 characters. */
  search: z.optional(boundedText(textLimits.search)),
  /** Order of the pages (default `priority`). A cursor only continues the sort it came from. */
  sort: z.optional(OrderSort),
  /** Page size, 1–500 (default 50). */
  limit: z.optional(boundedInt(numberLimits.pageSize)),
  /** `next_cursor` of the previous page. */
  cursor: z.optional(z.nullable(boundedText(textLimits.cursor))),
});
export type OrderFilters = z.input<typeof OrderFilters>;

/** `orders.get` options: at most this many leads and timeline events, 0–1000 each. */
export const OrderDetailsOptions = z.strictObject({
  leadLimit: z.optional(boundedInt(numberLimits.detailRows)),
  timelineLimit: z.optional(boundedInt(numberLimits.detailRows)),
});

const orderNumber = labelText(textLimits.orderNumber);
const name = z.nullable(labelText(textLimits.name));
const description = z.nullable(boundedText(textLimits.description));
const priority = boundedInt(numberLimits.priority);

/**
 * A new order: data, so in the database's field names. Text within its length (order number 40,
 * name 200, description 10,000 characters), integers within `int4`, priority −1000–1000. The
 * quantity's range, date bounds and order and the initial status are checked by the database
 * (`invalid_quantity`, `invalid_dates`, `invalid_status_transition`).
 */
export const CreateOrderInput = z.strictObject({
  client_id: Id,
  leads_purchased: boundedInt(),
  /** Defaults to the next `ORD-<year>-<NNN>`. */
  order_number: z.optional(z.nullable(orderNumber)),
  name: z.optional(name),
  description: z.optional(description),
  target_delivery_date: z.optional(z.nullable(DateString)),
  start_date: z.optional(z.nullable(DateString)),
  priority: z.optional(priority),
  /** `Draft` (default), `Active` or `Paused`. */
  status: z.optional(OrderStatus),
});
export type CreateOrderInput = z.input<typeof CreateOrderInput>;

/**
 * Changes to an order, with the bounds of `CreateOrderInput`. A key it does not list
 * (`leads_delivered`, `client_id`, a typo, `__proto__`) is refused with `unknown_field` before
 * anything is sent, so no change is ever applied without the rest.
 */
export const OrderChanges = z.strictObject({
  order_number: z.optional(orderNumber),
  name: z.optional(name),
  description: z.optional(description),
  leads_purchased: z.optional(boundedInt()),
  target_delivery_date: z.optional(z.nullable(DateString)),
  start_date: z.optional(z.nullable(DateString)),
  status: z.optional(OrderStatus),
  priority: z.optional(priority),
});
export type OrderChanges = {
  order_number?: string;
  name?: string | null;
  description?: string | null;
  leads_purchased?: number;
  target_delivery_date?: string | null;
  start_date?: string | null;
  status?: OrderStatus;
  priority?: number;
};

/** `leads.assignMany`: 1–10,000 lead ids. */
export const LeadIds = z.array(Id).check(z.minLength(numberLimits.bulkLeads.min), z.maxLength(numberLimits.bulkLeads.max));
export const OptionalId = z.optional(z.nullable(Id));

/** What `subscribe` listens to: every order the caller sees, one client's orders, or one order. */
export const SubscriptionTarget = z.union([
  z.strictObject({ orderId: Id }),
  z.strictObject({ clientId: Id }),
  z.strictObject({ all: z.literal(true) }),
]);
export type SubscriptionTarget = { orderId: string } | { clientId: string } | { all: true };

/**
 * What `subscribe` delivers: an order's row changed (counts, status, dates), was created or
 * deleted, or its timeline gained an event (a lead assigned, …), which does not always change the row.
 *
 * `resync` (`id: null`) says changes may have been missed: the connection was lost and is back, or
 * (PGlite, node-postgres) the acting user changed. Fetch again whatever is on screen.
 */
export type OrderChange =
  | { type: 'insert' | 'update'; id: string; order: OrderRecord }
  | { type: 'delete'; id: string; order: null }
  | { type: 'event'; id: string; event: OrderEvent }
  | { type: 'resync'; id: null };
