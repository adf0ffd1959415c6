import * as z from 'zod/mini';
import { abortedError, isOrderTrackingError, OrderTrackingError } from './errors.js';
import {
  BulkLeadAssignment,
  CreateOrderInput,
  Id,
  LeadAssignment,
  LeadIds,
  OptionalId,
  Order,
  OrderChanges,
  OrderDetails,
  OrderDetailsOptions,
  OrderFilters,
  OrderPage,
  OrderStats,
  SubscriptionTarget,
  type OrderChange,
  type OrderStatus,
} from './schemas.js';
import type { Call, RequestOptions } from './call.js';
import { clientsApi, type ClientsApi } from './clients-api.js';
import { leadReads, type LeadReadsApi } from './leads-api.js';
import { orderExport, type OrderExportApi } from './order-export.js';
import { orderInsights, type OrderInsightsApi } from './order-insights-api.js';
import { readFunctions, type DatabaseFunction, type Transport } from './transport.js';
import { createSupabaseTransport, type SupabaseClientLike } from './transports/supabase.js';
import { boundedInt } from './input-rules.js';
import { Callback, Options, requestOptions, Signal } from './request-options.js';
import { checkInput, parseResult } from './validation.js';

export type { RequestOptions };

export interface RetryOptions {
  /**
   * How many times a read is tried again after a `network` or `conflict` failure (default 2).
   * Writes never retry by themselves; after `conflict` they are safe to call again.
   */
  retries?: number;
  /** The first wait in ms, doubled each time, with jitter (default 300). */
  delayMs?: number;
}

export type CreateOrderTrackingOptions = (
  | { /** An existing client; the host owns auth and the session. */ supabase: SupabaseClientLike; transport?: never }
  | { /** PGlite, node-postgres, or your own. */ transport: Transport; supabase?: never }
) & { retry?: RetryOptions };

export type OrderDetailsRequest = RequestOptions & {
  /** At most this many leads (database default 200). */
  leadLimit?: number;
  /** At most this many timeline events, newest first (database default 200). */
  timelineLimit?: number;
};

export interface SubscribeOptions extends RequestOptions {
  /** A connection problem; the subscription keeps reconnecting by itself. */
  onError?: (error: OrderTrackingError) => void;
}

export interface OrdersApi extends OrderInsightsApi, OrderExportApi {
  /** One page of orders, by default highest priority first, then nearest target date (see `sort`). */
  list(filters?: OrderFilters, options?: RequestOptions): Promise<OrderPage>;
  /** Every page in turn (keyset pagination): `for await (const page of orders.pages({ status: 'Active' }))`. */
  pages(filters?: OrderFilters, options?: RequestOptions): AsyncIterableIterator<OrderPage>;
  /** The order with its leads and its timeline (newest first). */
  get(orderId: string, options?: OrderDetailsRequest): Promise<OrderDetails>;
  /**
   * Creates an order (admins). Refused before sending with `invalid_input` / `unknown_field`
   * (see `CreateOrderInput`); by the database with its codes; `conflict` is safe to retry, while
   * after `outcome_unknown` (aborted once sent) look for the order before creating it again.
   */
  create(input: CreateOrderInput, options?: RequestOptions): Promise<Order>;
  /**
   * Changes an order (admins): all of `changes` or none. A key `OrderChanges` does not list is
   * refused with `unknown_field` before sending. Same abort and conflict rules as `create`.
   */
  update(orderId: string, changes: OrderChanges, options?: RequestOptions): Promise<Order>;
  /** Draft → Active. */
  activate(orderId: string, options?: RequestOptions): Promise<Order>;
  /** Active → Paused. */
  pause(orderId: string, options?: RequestOptions): Promise<Order>;
  /** Paused (or a Completed order that is not full) → Active. */
  resume(orderId: string, options?: RequestOptions): Promise<Order>;
  /** Active or Paused → Completed, also before it is full (closed early). */
  complete(orderId: string, options?: RequestOptions): Promise<Order>;
  /** Draft, Active or Paused → Cancelled (final). */
  cancel(orderId: string, options?: RequestOptions): Promise<Order>;
  /** A client's Active orders that still have room, for order selectors. */
  available(clientId: string, options?: RequestOptions): Promise<Order[]>;
}

export interface LeadsApi extends LeadReadsApi {
  /** Puts a lead into an order (of its own client), moves it between orders, or with `null` takes it out. */
  assignToOrder(leadId: string, orderId: string | null, options?: RequestOptions): Promise<LeadAssignment>;
  /**
   * Puts many leads into one order: all of them or none. The database takes its locks in one
   * global order; should it still report a deadlock, the call rejects with `conflict` (nothing
   * applied, safe to retry).
   */
  assignMany(leadIds: readonly string[], orderId: string, options?: RequestOptions): Promise<BulkLeadAssignment>;
  /** Gives a lead to a client, and optionally to one of that client's orders. */
  assignToClient(leadId: string, clientId: string, orderId?: string | null, options?: RequestOptions): Promise<LeadAssignment>;
}

export interface OrderTracking {
  orders: OrdersApi;
  leads: LeadsApi;
  /** The agency's clients (admins only). */
  clients: ClientsApi;
  /** Dashboard numbers for one client, or for every order the caller sees. */
  stats(clientId?: string | null, options?: RequestOptions): Promise<OrderStats>;
  /**
   * Calls `onChange` whenever a watched order changes (counts, status, …) or gains a timeline event.
   * Returns a function that stops watching. Reconnects by itself after a dropped connection.
   */
  subscribe(target: SubscriptionTarget, onChange: (change: OrderChange) => void, options?: SubscribeOptions): () => void;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const DetailsRequest = z.optional(z.extend(OrderDetailsOptions, { signal: z.optional(Signal) }));
const SubscribeOptionsSchema = requestOptions({ onError: z.optional(Callback) });
const Client = z.custom<object>((v) => typeof v === 'object' && v !== null);
const FactoryOptions = z.strictObject({
  supabase: z.optional(Client),
  transport: z.optional(Client),
  retry: z.optional(
    z.strictObject({
      retries: z.optional(boundedInt({ min: 0, max: 10 })),
      delayMs: z.optional(boundedInt({ min: 0, max: 60_000 })),
    }),
  ),
});

/**
 * The SDK's single entry point.
 *
 * ```ts
 * const tracking = createOrderTracking({ supabase });
 * const { items } = await tracking.orders.list({ status: 'Active' });
 * ```
 */
export function createOrderTracking(options: CreateOrderTrackingOptions): OrderTracking {
  checkInput([['options', FactoryOptions, options]]);
  const transport: Transport | undefined = options.transport ?? (options.supabase ? createSupabaseTransport(options.supabase) : undefined);
  if (!transport || (options.transport && options.supabase)) {
    throw new OrderTrackingError('invalid_input', 'createOrderTracking needs { supabase } or { transport }.', {
      issues: [{ path: 'supabase', message: 'expected a Supabase client' }],
    });
  }
  const retries = options.retry?.retries ?? 2;
  const delayMs = options.retry?.delayMs ?? 300;

  const call: Call = async (fn, args, schema, signal) => {
    const read = readFunctions.has(fn);
    // Arguments left undefined are not sent, so the database's defaults apply.
    const named = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortedError(signal);
      let data: unknown;
      try {
        data = await transport!.call(fn, named, { signal });
      } catch (error) {
        const retry = read && isOrderTrackingError(error) && (error.code === 'network' || error.code === 'conflict') && attempt < retries;
        if (!retry) throw error;
        await sleep(delayMs * 2 ** attempt * (0.75 + Math.random() * 0.5), signal);
        continue;
      }
      return parseResult(schema, data, fn);
    }
  };

  function filtersToArgs(filters: unknown, options: unknown): Record<string, unknown> {
    const [f] = checkInput([
      ['filters', OrderFilters, filters ?? {}],
      ['options', Options, options],
    ]) as [z.infer<typeof OrderFilters>];
    return {
      p_client_id: f.clientId ?? null,
      p_status: f.status === undefined ? null : Array.isArray(f.status) ? f.status : [f.status],
      p_target_from: f.targetFrom ?? null,
      p_target_to: f.targetTo ?? null,
      p_search: f.search ?? null,
      p_limit: f.limit,
      p_cursor: f.cursor ?? null,
      p_sort: f.sort,
    };
  }

  const list = async (filters?: OrderFilters, options?: RequestOptions) =>
    call('get_orders', filtersToArgs(filters, options), OrderPage, options?.signal);

  const update = async (orderId: string, changes: OrderChanges, options?: RequestOptions) => {
    const [id, p_changes] = checkInput([
      ['orderId', Id, orderId],
      ['changes', OrderChanges, changes],
      ['options', Options, options],
    ]);
    return call('update_order', { p_order_id: id, p_changes }, Order, options?.signal);
  };
  const setStatus = (status: OrderStatus) => (orderId: string, options?: RequestOptions) => update(orderId, { status }, options);

  async function* pages(filters?: OrderFilters, options?: RequestOptions): AsyncIterableIterator<OrderPage> {
    const args = filtersToArgs(filters, options);
    for (;;) {
      const page = await call('get_orders', args, OrderPage, options?.signal);
      yield page;
      if (page.next_cursor === null) return;
      args.p_cursor = page.next_cursor;
    }
  }

  const assignment = async (leadId: string, orderId: string | null | undefined, clientId: string | undefined, options?: RequestOptions) => {
    const [lead, order, client] = checkInput([
      ['leadId', Id, leadId],
      ['orderId', OptionalId, orderId],
      ...(clientId === undefined ? [] : ([['clientId', Id, clientId]] as const)),
      ['options', Options, options],
    ]);
    return clientId === undefined
      ? call('assign_lead_to_order', { p_lead_id: lead, p_order_id: order ?? null }, LeadAssignment, options?.signal)
      : call('assign_lead_to_client', { p_lead_id: lead, p_client_id: client, p_order_id: order ?? null }, LeadAssignment, options?.signal);
  };

  return {
    orders: {
      list,
      pages,
      async get(orderId, options) {
        const [id, o] = checkInput([
          ['orderId', Id, orderId],
          ['options', DetailsRequest, options],
        ]) as [string, z.infer<typeof DetailsRequest>];
        return call('get_order_details', { p_order_id: id, p_lead_limit: o?.leadLimit, p_timeline_limit: o?.timelineLimit }, OrderDetails, options?.signal);
      },
      async create(input, options) {
        const [i] = checkInput([
          ['input', CreateOrderInput, input],
          ['options', Options, options],
        ]) as [z.infer<typeof CreateOrderInput>];
        return call(
          'create_order',
          {
            p_client_id: i.client_id,
            p_leads_purchased: i.leads_purchased,
            p_order_number: i.order_number ?? null,
            p_name: i.name ?? null,
            p_description: i.description ?? null,
            p_target_delivery_date: i.target_delivery_date ?? null,
            p_start_date: i.start_date ?? null,
            p_priority: i.priority,
            p_status: i.status,
          },
          Order,
          options?.signal,
        );
      },
      update,
      activate: setStatus('Active'),
      pause: setStatus('Paused'),
      resume: setStatus('Active'),
      complete: setStatus('Completed'),
      cancel: setStatus('Cancelled'),
      async available(clientId, options) {
        checkInput([
          ['clientId', Id, clientId],
          ['options', Options, options],
        ]);
        const found: Order[] = [];
        for await (const page of pages({ clientId, status: 'Active' }, options)) {
          found.push(...page.items.filter((order) => order.leads_remaining > 0));
        }
        return found;
      },
      ...orderInsights(call),
      ...orderExport(pages),
    },
    clients: clientsApi(call),
    leads: {
      ...leadReads(call),
      assignToOrder: async (leadId, orderId, options) => {
        if (orderId === undefined) checkInput([['orderId', z.nullable(Id), orderId]]);
        return assignment(leadId, orderId, undefined, options);
      },
      async assignMany(leadIds, orderId, options) {
        const [ids, order] = checkInput([
          ['leadIds', LeadIds, leadIds],
          ['orderId', Id, orderId],
          ['options', Options, options],
        ]);
        return call('assign_leads_to_order', { p_lead_ids: ids, p_order_id: order }, BulkLeadAssignment, options?.signal);
      },
      assignToClient: (leadId, clientId, orderId, options) => assignment(leadId, orderId, clientId ?? '', options),
    },
    async stats(clientId, options) {
      const [id] = checkInput([
        ['clientId', OptionalId, clientId],
        ['options', Options, options],
      ]);
      return call('get_order_stats', { p_client_id: id ?? null }, OrderStats, options?.signal);
    },
    subscribe(target, onChange, options) {
      const [t] = checkInput([
        ['target', SubscriptionTarget, target],
        ['onChange', Callback, onChange],
        ['options', SubscribeOptionsSchema, options],
      ]) as [SubscriptionTarget];
      if (options?.signal?.aborted) return () => undefined;
      let active = true;
      const stop = transport.subscribe(t, {
        onChange: (change) => {
          if (active) onChange(change);
        },
        onError: (error) => {
          if (active) options?.onError?.(error);
        },
      });
      const unsubscribe = () => {
        if (!active) return;
        active = false;
        options?.signal?.removeEventListener('abort', unsubscribe);
        stop();
      };
      options?.signal?.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    },
  };
}
