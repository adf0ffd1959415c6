import { abortedError, fromDatabaseError, OrderTrackingError, outcomeUnknownError, type RawDatabaseError } from '../errors.js';
import { OrderEvent, OrderRecord, type OrderChange, type SubscriptionTarget } from '../schemas.js';
import { readFunctions, type SubscribeHandlers, type Transport } from '../transport.js';

/**
 * The part of a `SupabaseClient` the SDK uses. Loosely typed on purpose: any `SupabaseClient<Database>`,
 * whatever its generated types, fits, and supabase-js stays a type-free peer.
 */
export interface SupabaseClientLike {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rpc(fn: any, args?: any, options?: any): any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  channel(name: string, options?: any): any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  removeChannel(channel: any): Promise<unknown>;
}

interface RpcResponse {
  data: unknown;
  error: (RawDatabaseError & { message: string }) | null;
  status: number;
}

interface PostgresChangePayload {
  eventType: 'INSERT' | 'UPDATE' | 'DELETE';
  new: Record<string, unknown>;
  old: Record<string, unknown>;
}

/** Gateway answers without a PostgreSQL error: the request may not have reached the database. */
const unreachable = new Set([0, 502, 503, 504]);

/** Calls `supabase.rpc` (POST /rest/v1/rpc/<fn>, JSON body) and maps PostgREST errors. */
export function createSupabaseTransport(supabase: SupabaseClientLike, options: { reconnectDelayMs?: number } = {}): Transport {
  let channels = 0;
  const transport: Transport = {
    async call(fn, args, { signal }) {
      if (signal?.aborted) throw abortedError(signal);
      // Aborting stops the fetch, not PostgREST: a write already sent may still commit.
      const given = readFunctions.has(fn) ? abortedError : outcomeUnknownError;
      let builder = supabase.rpc(fn, args);
      if (signal) builder = builder.abortSignal(signal);
      let response: RpcResponse;
      try {
        response = (await builder) as RpcResponse;
      } catch (error) {
        // supabase-js resolves with { error } for fetch failures; a throw means a broken fetch or an abort.
        if (signal?.aborted) throw given(signal);
        throw new OrderTrackingError('network', `Could not reach the database: ${(error as Error)?.message ?? error}`, { cause: error });
      }
      const { data, error, status } = response;
      if (!error) return data;
      if (signal?.aborted) throw given(signal);
      if (unreachable.has(status) && !/^[0-9A-Z]{5}$/.test(error.code ?? '')) {
        throw new OrderTrackingError('network', error.message || 'Could not reach the database.', {
          details: error.details ?? null,
          hint: error.hint ?? null,
          cause: error,
          status,
        });
      }
      return Promise.reject(fromDatabaseError(error, { status, cause: error }));
    },

    subscribe(target, handlers) {
      // The row as the caller may see it, through the same function (and RLS) as orders.get.
      const fetchOrder = async (id: string) => {
        const details = await transport.call('get_order_details', { p_order_id: id, p_lead_limit: 0, p_timeline_limit: 0 }, {});
        return (details as { order?: unknown } | null)?.order;
      };
      return subscribeToOrders(supabase, target, handlers, fetchOrder, `lead-orders-${++channels}`, options.reconnectDelayMs ?? 1000);
    },
  };
  return transport;
}

function filtersFor(target: SubscriptionTarget): { orders: string | undefined; events: string | undefined } {
  if ('orderId' in target) return { orders: `id=eq.${target.orderId}`, events: `order_id=eq.${target.orderId}` };
  if ('clientId' in target) return { orders: `client_id=eq.${target.clientId}`, events: undefined };
  return { orders: undefined, events: undefined };
}

/**
 * Realtime `postgres_changes` on `orders` (and, for one order, `order_events`). Realtime applies RLS,
 * so a client only hears its own orders. A channel that errors or times out is rebuilt after a
 * growing delay, which also covers a dropped socket that supabase-js does not rejoin by itself.
 *
 * An UPDATE record arrives without the columns PostgreSQL stored out of line (TOAST: a
 * description over about 2 KB) when they did not change, since the WAL does not carry them. Such
 * a record is completed by fetching the row (`fetchOrder`, one `get_order_details` with no leads
 * and no timeline) and delivered as an ordinary `update`; only updates of orders with a long
 * description pay this request. A later change of the same order supersedes a fetch still under
 * way, so an older row is never delivered after a newer one.
 *
 * Every join after the first (the socket or channel came back), and the first one after failed
 * attempts, delivers `{ type: 'resync', id: null }`: changes made while disconnected are not replayed.
 */
function subscribeToOrders(
  supabase: SupabaseClientLike,
  target: SubscriptionTarget,
  handlers: SubscribeHandlers,
  fetchOrder: (id: string) => Promise<unknown>,
  name: string,
  reconnectDelayMs: number,
): () => void {
  const filter = filtersFor(target);
  let channel: { on: Function; subscribe: Function } | null = null;
  let stopped = false;
  let failures = 0;
  /** Set once a join succeeded or failed: any later join is a reconnect. */
  let tried = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The fetch under way for an order's partial record; a newer change of that order replaces it. */
  const completing = new Map<string, object>();

  const complete = (id: string) => {
    const token = {};
    completing.set(id, token);
    fetchOrder(id).then(
      (row) => {
        if (stopped || completing.get(id) !== token) return;
        completing.delete(id);
        const parsed = OrderRecord.safeParse(row);
        if (parsed.success) handlers.onChange({ type: 'update', id, order: parsed.data });
        else handlers.onError(new OrderTrackingError('invalid_response', 'A refetched order did not match the orders schema.', { cause: row }));
      },
      (error: unknown) => {
        if (stopped || completing.get(id) !== token) return;
        completing.delete(id);
        handlers.onError(error as OrderTrackingError);
      },
    );
  };

  const onOrder = (payload: PostgresChangePayload) => {
    const id = String(payload.new?.id ?? payload.old?.id ?? '');
    completing.delete(id);
    if (payload.eventType === 'DELETE') return handlers.onChange({ type: 'delete', id, order: null });
    const record = payload.new ?? {};
    const parsed = OrderRecord.safeParse(record);
    if (parsed.success) {
      return handlers.onChange({ type: payload.eventType === 'INSERT' ? 'insert' : 'update', id, order: parsed.data } satisfies OrderChange);
    }
    // Partial: every problem is a field that is absent (not one with a wrong value), and the id is there.
    const partial =
      payload.eventType === 'UPDATE' &&
      typeof record.id === 'string' &&
      parsed.error.issues.every((issue) => issue.path.length === 1 && !((issue.path[0] as string) in record));
    if (partial) return complete(id);
    handlers.onError(new OrderTrackingError('invalid_response', 'An order change did not match the orders schema.', { cause: payload }));
  };
  const onEvent = (payload: PostgresChangePayload) => {
    const parsed = OrderEvent.safeParse(payload.new);
    if (parsed.success) handlers.onChange({ type: 'event', id: parsed.data.order_id, event: parsed.data });
  };

  let attempt = 0;
  const open = () => {
    if (stopped) return;
    // A fresh topic each time: supabase.channel() hands back an existing channel of the same name,
    // which may be the one still being removed.
    const current = supabase.channel(`${name}-${attempt++}`);
    channel = current;
    current.on('postgres_changes', { event: '*', schema: 'public', table: 'orders', ...(filter.orders ? { filter: filter.orders } : {}) }, onOrder);
    if (filter.events) {
      current.on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'order_events', filter: filter.events }, onEvent);
    }
    current.subscribe((status: string, error?: Error) => {
      if (stopped || channel !== current) return;
      if (status === 'SUBSCRIBED') {
        failures = 0;
        if (tried) handlers.onChange({ type: 'resync', id: null });
        tried = true;
        return;
      }
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' || status === 'CLOSED') {
        tried = true;
        handlers.onError(
          new OrderTrackingError('network', `Realtime channel ${status.toLowerCase()}; reconnecting.`, { cause: error ?? status }),
        );
        channel = null;
        void supabase.removeChannel(current).catch(() => undefined);
        const delay = Math.min(reconnectDelayMs * 2 ** failures++, 30_000);
        retryTimer = setTimeout(open, delay);
      }
    });
  };
  open();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    if (channel) void supabase.removeChannel(channel).catch(() => undefined);
    channel = null;
  };
}
