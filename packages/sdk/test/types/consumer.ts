// A host's code, compiled by tsc in types.test.ts: what must compile does, and each
// `@ts-expect-error` line proves a wrong field name or argument type is refused.
import { createClient } from '@supabase/supabase-js';
import {
  createOrderTracking,
  CreateOrderInput,
  isOrderTrackingError,
  Order,
  type OrderChange,
  type OrderTracking,
  type OrderTrackingErrorCode,
} from '@lead-orders/sdk';
import { createPgliteTransport } from '@lead-orders/sdk/pglite';
import { createPgTransport } from '@lead-orders/sdk/pg';
import type { Pool } from 'pg';

interface Database {
  public: { Tables: {}; Views: {}; Functions: { other_fn: { Args: { x: number }; Returns: number } }; Enums: {}; CompositeTypes: {} };
}

export async function host(pool: Pool): Promise<void> {
  // Any SupabaseClient fits, typed with the host's own Database or not.
  const typed = createClient<Database>('https://x.supabase.co', 'key');
  const tracking: OrderTracking = createOrderTracking({ supabase: typed });
  createOrderTracking({ supabase: createClient('https://x.supabase.co', 'key'), retry: { retries: 3 } });

  const page = await tracking.orders.list({ clientId: 'id', status: ['Active', 'Paused'], limit: 20 });
  const first: Order | undefined = page.items[0];
  const remaining: number | undefined = first?.leads_remaining;
  const cursor: string | null = page.next_cursor;
  void remaining;
  void cursor;
  // @ts-expect-error data fields are snake_case as the database returns them
  void first?.leadsRemaining;
  // @ts-expect-error options are camelCase
  await tracking.orders.list({ client_id: 'id' });
  // @ts-expect-error not an order status
  await tracking.orders.list({ status: 'Open' });

  for await (const p of tracking.orders.pages({ status: 'Active' }, { signal: AbortSignal.timeout(1000) })) void p.items.length;

  const details = await tracking.orders.get('id', { leadLimit: 10 });
  const company: string = details.leads[0]!.company_name;
  const kind: 'created' | 'status_changed' | string = details.timeline[0]!.event_type;
  void company;
  void kind;

  await tracking.orders.create({ client_id: 'id', leads_purchased: 100, target_delivery_date: '2025-03-31' });
  // @ts-expect-error leads_purchased is a number
  await tracking.orders.create({ client_id: 'id', leads_purchased: '100' });
  // @ts-expect-error client_id is required
  await tracking.orders.create({ leads_purchased: 100 });
  await tracking.orders.update('id', { status: 'Paused', name: null });
  // @ts-expect-error leads_delivered is derived, not changeable
  await tracking.orders.update('id', { leads_delivered: 3 });
  await tracking.orders.pause('id', { signal: new AbortController().signal });

  const moved = await tracking.leads.assignToOrder('lead', null);
  const previous: Order | null = moved.previous_order;
  void previous;
  // @ts-expect-error leadIds is an array
  await tracking.leads.assignMany('lead', 'order');
  await tracking.leads.assignToClient('lead', 'client', 'order');

  const leads = await tracking.leads.list({ noOrder: true, status: ['New', 'Approved'], deliveredFrom: '2026-01-01', limit: 20 });
  const orderNumber: string | null | undefined = leads.items[0]?.order_number;
  void orderNumber;
  // @ts-expect-error lead filters are camelCase options
  await tracking.leads.list({ order_id: 'o' });
  for await (const p of tracking.leads.pages({ orderId: 'o' })) void p.next_cursor;
  const clients = await tracking.clients.list({ search: 'acme' });
  const clientName: string | undefined = clients.items[0]?.client_name;
  void clientName;
  const next: string = await tracking.orders.nextNumber();
  const free: boolean = await tracking.orders.isNumberAvailable(next);
  void free;
  const series = await tracking.orders.deliverySeries('o', { bucket: 'auto' });
  const cumulative: number | undefined = series.points.at(-1)?.cumulative;
  void cumulative;
  // @ts-expect-error buckets are day, week or auto
  await tracking.orders.deliverySeries('o', { bucket: 'month' });
  const forecast = await tracking.orders.forecast('o');
  const onTrack: boolean | null = forecast.on_track;
  void onTrack;
  for await (const row of tracking.orders.exportRows({ status: 'Active' })) void row.order_number;
  const csv: Blob = await tracking.orders.exportCsv({}, { header: 'key', onProgress: (n: number) => void n });
  void csv;
  // @ts-expect-error labels are keyed by export column
  await tracking.orders.exportCsv({}, { labels: { orderNumber: 'Nr.' } });

  const stats = await tracking.stats();
  const active: number = stats.by_status.Active;
  void active;

  const stop: () => void = tracking.subscribe({ clientId: 'c' }, (change: OrderChange) => {
    if (change.type === 'update') void change.order.leads_delivered;
    if (change.type === 'event') void change.event.event_type;
    // @ts-expect-error a deleted order has no row
    if (change.type === 'delete') void change.order.status;
  });
  // @ts-expect-error the target names what to watch
  tracking.subscribe({ order: 'x' }, () => undefined);
  stop();

  try {
    await tracking.orders.get('id');
  } catch (error) {
    if (isOrderTrackingError(error)) {
      const code: OrderTrackingErrorCode = error.code;
      if (error.code === 'order_full') void error.details;
      // @ts-expect-error codes are a closed set
      if (error.code === 'order_is_full') void code;
    }
  }

  const parsed = CreateOrderInput.safeParse({ client_id: 'x' });
  if (!parsed.success) void parsed.error.issues.length;

  const lite = await createPgliteTransport({ as: 'clientA' });
  lite.setIdentity('admin');
  lite.setIdentity({ role: 'authenticated', userId: lite.users!.clientB.id });
  // @ts-expect-error only the demo's user keys or an identity
  lite.setIdentity('superuser');
  createOrderTracking({ transport: lite });
  createOrderTracking({ transport: createPgTransport({ pool, identity: { role: 'service_role' } }) });
}
