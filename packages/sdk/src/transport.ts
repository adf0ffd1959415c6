import type { OrderTrackingError } from './errors.js';
import type { OrderChange, SubscriptionTarget } from './schemas.js';

/** The database functions the SDK calls (each returns jsonb). */
export type DatabaseFunction =
  | 'get_orders'
  | 'get_order_details'
  | 'get_order_stats'
  | 'create_order'
  | 'update_order'
  | 'assign_lead_to_order'
  | 'assign_leads_to_order'
  | 'assign_lead_to_client'
  | 'list_leads'
  | 'list_clients'
  | 'preview_order_number'
  | 'is_order_number_available'
  | 'get_delivery_series'
  | 'get_order_forecast';

/** The functions that only read: safe to retry, and an abort of one never leaves anything behind. */
export const readFunctions: ReadonlySet<DatabaseFunction> = new Set<DatabaseFunction>([
  'get_orders',
  'get_order_details',
  'get_order_stats',
  'list_leads',
  'list_clients',
  'preview_order_number',
  'is_order_number_available',
  'get_delivery_series',
  'get_order_forecast',
]);

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface SubscribeHandlers {
  onChange(change: OrderChange): void;
  /** A connection problem; the transport keeps trying to reconnect. */
  onError(error: OrderTrackingError): void;
}

/**
 * How the SDK reaches a database: call a function with named arguments, and watch orders change.
 * Supabase, PGlite and node-postgres each implement it; methods and widgets never see which one runs.
 *
 * `call` resolves with the function's JSON result, or rejects with an OrderTrackingError
 * (a database refusal, `network`, `conflict`, `aborted`, `outcome_unknown`, `unauthenticated`).
 * It never retries by itself. When the signal fires it rejects at once: with `aborted` for a read,
 * and for a write only when nothing can have been applied (not sent yet, or certain to roll
 * back); a write that may still commit rejects with `outcome_unknown`.
 */
export interface Transport {
  call(fn: DatabaseFunction, args: Record<string, unknown>, options: CallOptions): Promise<unknown>;
  /** Starts watching; resolves nothing, returns a function that stops watching. */
  subscribe(target: SubscriptionTarget, handlers: SubscribeHandlers): () => void;
}
