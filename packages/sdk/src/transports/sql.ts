import { actAs, type Identity, type SqlDatabase, type SqlSession } from '@lead-orders/db';
import { abortedError, fromDatabaseError, OrderTrackingError, outcomeUnknownError, type RawDatabaseError } from '../errors.js';
import { isCommitOutcomeUnknown, isConnectionFailure } from '@lead-orders/db/connection';
import { OrderEvent, OrderRecord, type OrderChange, type SubscriptionTarget } from '../schemas.js';
import { readFunctions, type DatabaseFunction, type SubscribeHandlers, type Transport } from '../transport.js';

export type { Identity };

/** SQL types of the functions' arguments, so every parameter is cast explicitly. */
const argumentTypes: Record<string, string> = {
  p_client_id: 'uuid',
  p_status: 'public.order_status[]',
  p_target_from: 'date',
  p_target_to: 'date',
  p_search: 'text',
  p_limit: 'int',
  p_cursor: 'text',
  p_sort: 'text',
  p_order_id: 'uuid',
  p_lead_limit: 'int',
  p_timeline_limit: 'int',
  p_leads_purchased: 'int',
  p_order_number: 'text',
  p_name: 'text',
  p_description: 'text',
  p_target_delivery_date: 'date',
  p_start_date: 'date',
  p_priority: 'int',
  p_changes: 'jsonb',
  p_lead_id: 'uuid',
  p_lead_ids: 'uuid[]',
  p_no_order: 'boolean',
  p_delivered_from: 'date',
  p_delivered_to: 'date',
  p_bucket: 'text',
};

/** A transport that acts as one identity at a time; switch it with `setIdentity`. */
export interface SqlTransport extends Transport {
  readonly identity: Identity;
  /** Who the next calls run as (claims set per call, exactly as PostgREST does). Live subscriptions follow. */
  setIdentity(identity: Identity): void;
}

export interface SqlTransportOptions {
  db: SqlDatabase;
  identity: Identity;
  /**
   * How a subscription learns that something may have changed: call `changed` whenever the tables
   * might differ; return a function that stops. Defaults to polling every `pollIntervalMs`.
   */
  watch?: (changed: () => void) => Promise<() => void> | (() => void);
  /** Polling period for the default watcher, in ms (default 1000). */
  pollIntervalMs?: number;
}

/** `p_status` is an array filter in get_orders, lead statuses (text) in list_leads, and one status elsewhere. */
function typeOf(fn: DatabaseFunction, name: string): string {
  if (name === 'p_status' && fn === 'list_leads') return 'text[]';
  if (name === 'p_status' && fn !== 'get_orders') return 'public.order_status';
  // Own keys only: a name such as 'constructor' must not find Object's members in the SQL cast.
  return Object.hasOwn(argumentTypes, name) ? argumentTypes[name]! : 'text';
}

function toParameter(value: unknown): unknown {
  // Arrays go as array literals (PGlite cannot encode arrays of an enum by itself), objects as JSON.
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/**
 * Calls the database functions over any `SqlDatabase` (PGlite or a node-postgres pool), each call
 * in its own transaction run through `actAs`. An abort rejects at once. A write whose transaction
 * is still open when the signal fires is rolled back and rejects with `aborted`; one whose COMMIT
 * is already on its way rejects with `outcome_unknown`.
 */
export function createSqlTransport(options: SqlTransportOptions): SqlTransport {
  const { db } = options;
  let identity = options.identity;
  let identityVersion = 0;
  /** Each live subscription's check, run again when the acting user changes. */
  const recheck = new Set<() => void>();
  const anonymous = () => identity.role === 'anon';

  const mapError = (error: unknown, signal?: AbortSignal): OrderTrackingError => {
    if (error instanceof OrderTrackingError) return error;
    if (isCommitOutcomeUnknown(error)) {
      return new OrderTrackingError('outcome_unknown', `The connection was lost while the write was committing; it may have been applied: ${(error as Error).message}`, { cause: error });
    }
    if (signal?.aborted) return abortedError(signal);
    const raw = error as RawDatabaseError & { code?: unknown };
    if (isConnectionFailure(raw)) {
      return new OrderTrackingError('network', `Could not reach the database: ${(error as Error).message}`, { cause: error });
    }
    if (typeof raw?.code === 'string' && /^[0-9A-Z]{5}$/.test(raw.code)) return fromDatabaseError(raw, { anonymous: anonymous(), cause: error });
    return new OrderTrackingError('unknown', error instanceof Error ? error.message : String(error), { cause: error });
  };

  /**
   * Runs `fn` as `who` in one transaction. When `signal` fires, the promise rejects at once: with
   * `aborted` while the transaction can still only roll back (the check after `fn` throws), and
   * for a `write` whose COMMIT is already on its way with `outcome_unknown`.
   */
  const run = <T>(who: Identity, fn: (tx: SqlSession) => Promise<T>, signal?: AbortSignal, write = false): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    let committing = false;
    const work = actAs(db, who, async (tx) => {
      const result = await fn(tx);
      // Still inside the transaction: throwing here rolls back a write the caller gave up on.
      if (signal?.aborted) throw abortedError(signal);
      committing = true;
      return result;
    }).catch((error: unknown) => {
      throw mapError(error, signal);
    });
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(write && committing ? outcomeUnknownError(signal) : abortedError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  return {
    get identity() {
      return identity;
    },
    setIdentity(next) {
      identity = next;
      identityVersion++;
      for (const check of recheck) check();
    },
    call(fn: DatabaseFunction, args, { signal }) {
      const names = Object.keys(args);
      const list = names.map((name, i) => `${name} => $${i + 1}::${typeOf(fn, name)}`).join(', ');
      // Function and argument names come from the SDK's own closed lists, never from user text.
      const sql = `select public.${fn}(${list}) as result`;
      const query = async (tx: SqlSession) => (await tx.query<{ result: unknown }>(sql, names.map((n) => toParameter(args[n])))).rows[0]?.result ?? null;
      return run(identity, query, signal, !readFunctions.has(fn));
    },
    subscribe(target, handlers) {
      let check: (() => void) | undefined;
      const stop = watchOrders({
        target,
        handlers,
        read: (fn) => run(identity, fn),
        identityVersion: () => identityVersion,
        watch: options.watch ?? pollEvery(options.pollIntervalMs ?? 1000),
        mapError,
        expose: (fn) => {
          check = fn;
          recheck.add(fn);
        },
      });
      return () => {
        if (check) recheck.delete(check);
        stop();
      };
    },
  };
}

function pollEvery(ms: number) {
  return (changed: () => void) => {
    const timer = setInterval(changed, ms);
    (timer as { unref?: () => void }).unref?.();
    return () => clearInterval(timer);
  };
}

interface WatchOptions {
  target: SubscriptionTarget;
  handlers: SubscribeHandlers;
  read: <T>(fn: (tx: SqlSession) => Promise<T>) => Promise<T>;
  identityVersion: () => number;
  watch: (changed: () => void) => Promise<() => void> | (() => void);
  mapError: (error: unknown) => OrderTrackingError;
  /** Receives the check function, so the transport can run it when the user changes. */
  expose: (check: () => void) => void;
}

/**
 * Compares what the acting user sees of `orders` (row versions via `xmin`) and, for one order, its
 * newest `order_events`, each time the watcher says something may have changed. Reading as the
 * user means RLS decides what is delivered, as Realtime does on Supabase.
 */
/**
 * One row `{ n, s }`: how many orders `o` the caller sees (narrowed by `where`) and a checksum of
 * their row versions. The same two values mean no visible order changed. Shared by the checks
 * below and by PGlite's live query that wakes them.
 */
export const ordersChecksumSql = (where = '') =>
  `select count(*)::int as n, coalesce(sum(hashtext(o.id::text || ':' || o.xmin::text)::bigint), 0)::text as s from public.orders o ${where}`;

/**
 * Above this many visible orders a subscription keeps no row versions: a change of the count or
 * checksum is told as one `resync` (subscribers fetch what they show again) instead of row by
 * row, so neither the first check nor any later one copies every order into the page.
 */
const maxTrackedOrders = 2_000;

function watchOrders({ target, handlers, read, identityVersion, watch, mapError, expose }: WatchOptions): () => void {
  const where = 'orderId' in target ? 'where o.id = $1' : 'clientId' in target ? 'where o.client_id = $1' : '';
  const params = 'orderId' in target ? [target.orderId] : 'clientId' in target ? [target.clientId] : [];
  let versions: Map<string, string> | null = null;
  /** Count and checksum of the visible row versions at the last check: equal means nothing changed. */
  let signature: string | null = null;
  /** The last check saw more than maxTrackedOrders orders, so `versions` is empty, not a baseline. */
  let untracked = false;
  let lastEvent = -1;
  let seenIdentity = identityVersion();
  let stopped = false;
  let running = false;
  let again = false;
  /** A check failed or the user changed: the next good check tells subscribers to fetch again. */
  let resync = false;
  let stopWatching: (() => void) | undefined;

  const check = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (seenIdentity !== identityVersion()) {
          // Another user now: start from what they see instead of reporting the difference as changes.
          seenIdentity = identityVersion();
          if (versions !== null) resync = true;
          versions = null;
          signature = null;
          untracked = false;
          lastEvent = -1;
        }
        const baseline = versions === null;
        const { rows, events } = await read(async (tx) => {
          // One row first: the count and a checksum of the visible row versions, computed where the
          // rows are. Unchanged, the versions are not read again: 100,000 visible orders cost one
          // scan in the database instead of 100,000 rows copied into the page and compared there.
          const { n, s } = (await tx.query<{ n: number; s: string }>(ordersChecksumSql(where), params)).rows[0]!;
          const sum = `${n}:${s}`;
          const tooMany = n > maxTrackedOrders;
          const unchanged = (!baseline && sum === signature) || tooMany;
          const rows = unchanged
            ? []
            : (await tx.query<{ id: string; v: string }>(`select o.id, o.xmin::text as v from public.orders o ${where}`, params)).rows;
          const events =
            'orderId' in target
              ? (await tx.query<{ event: unknown }>(
                  'select to_jsonb(e) as event from public.order_events e where e.order_id = $1 and e.id > $2 order by e.id',
                  [target.orderId, baseline ? Number.MAX_SAFE_INTEGER : lastEvent],
                )).rows
              : [];
          const last = 'orderId' in target && lastEvent < 0
            ? (await tx.query<{ last: string | number | null }>('select max(id) as last from public.order_events where order_id = $1', [target.orderId])).rows[0]?.last
            : null;
          const next = tooMany ? new Map<string, string>() : unchanged ? versions! : new Map(rows.map((r) => [r.id, r.v]));
          // Without a baseline of every row (the first check, or after an untracked one) a difference cannot be told row by row.
          const changedIds = baseline || untracked ? [] : rows.filter((r) => versions!.get(r.id) !== r.v).map((r) => r.id);
          const changed = changedIds.length
            ? (await tx.query<{ row: unknown }>('select to_jsonb(o) as row from public.orders o where o.id = any($1::uuid[])', [changedIds])).rows
            : [];
          if (last != null) lastEvent = Number(last);
          else if (lastEvent < 0) lastEvent = 0;
          return { rows: { next, changed, sum, tooMany }, events };
        });
        if (stopped) return;
        if (seenIdentity !== identityVersion()) {
          again = true;
          continue;
        }
        const previous = versions;
        const wasUntracked = untracked;
        const changedAtAll = previous !== null && rows.sum !== signature;
        versions = rows.next;
        signature = rows.sum;
        untracked = rows.tooMany;
        if (resync || ((rows.tooMany || wasUntracked) && changedAtAll)) {
          resync = false;
          handlers.onChange({ type: 'resync', id: null });
        }
        if (!previous || rows.tooMany || wasUntracked) continue;
        for (const { row } of rows.changed) {
          const parsed = OrderRecord.safeParse(row);
          if (!parsed.success) {
            handlers.onError(new OrderTrackingError('invalid_response', 'An order change did not match the orders schema.', { cause: row }));
            continue;
          }
          const change: OrderChange = { type: previous.has(parsed.data.id) ? 'update' : 'insert', id: parsed.data.id, order: parsed.data };
          handlers.onChange(change);
        }
        for (const id of previous.keys()) if (!rows.next.has(id)) handlers.onChange({ type: 'delete', id, order: null });
        for (const { event } of events) {
          const parsed = OrderEvent.safeParse(event);
          if (!parsed.success) continue;
          lastEvent = Math.max(lastEvent, Number(parsed.data.id));
          handlers.onChange({ type: 'event', id: parsed.data.order_id, event: parsed.data });
        }
      } while (again && !stopped);
    } catch (error) {
      // Whatever changed meanwhile is diffed by the next good check; events since `lastEvent`
      // too. The resync covers what a diff cannot show, such as a row that changed and changed back.
      resync = true;
      if (!stopped) handlers.onError(mapError(error));
    } finally {
      running = false;
    }
  };

  expose(() => void check());
  void check();
  void Promise.resolve(watch(() => void check())).then(
    (stop) => {
      if (stopped) stop();
      else stopWatching = stop;
    },
    (error: unknown) => handlers.onError(mapError(error)),
  );
  return () => {
    stopped = true;
    stopWatching?.();
  };
}
