// The Supabase transport against a stub fetch: exact PostgREST requests, error body mapping,
// retries, aborts, and Realtime through a stub WebSocket.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { databaseErrors } from '@lead-orders/db';
import { createOrderTracking, createSupabaseTransport, isOrderTrackingError, OrderTrackingError, type OrderChange } from '../src/index.js';
import { ANON_KEY, disconnectAll, FakeRealtime, json, stubbedSupabase, SUPABASE_URL, type Responder } from './helpers/fake-supabase.js';
import { event, ids, lead, order, orderRecord, stats } from './helpers/samples.js';
import { rejection } from './helpers/rejection.js';

after(disconnectAll);

const rpc = (fn: string) => `${SUPABASE_URL}/rest/v1/rpc/${fn}`;

/** A client whose stub answers every request with `body` (or the responder's answer). */
function setup(responder: Responder = () => json(200, {})) {
  const stub = stubbedSupabase(responder);
  const tracking = createOrderTracking({ supabase: stub.supabase, retry: { retries: 2, delayMs: 1 } });
  return { ...stub, tracking };
}

describe('Supabase transport: requests', () => {
  test('orders.list posts to /rest/v1/rpc/get_orders with the anon key and a JSON body', async () => {
    const { tracking, requests } = setup(() => json(200, { items: [order], next_cursor: 'c1' }));
    const page = await tracking.orders.list({ clientId: ids.client, status: ['Active', 'Paused'], search: 'Q1', limit: 10, sort: 'target' });
    assert.deepEqual(page, { items: [order], next_cursor: 'c1' });
    assert.equal(requests.length, 1);
    const [request] = requests;
    assert.equal(request!.url, rpc('get_orders'));
    assert.equal(request!.method, 'POST');
    assert.equal(request!.headers['apikey'], ANON_KEY);
    assert.equal(request!.headers['authorization'], `Bearer ${ANON_KEY}`);
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.deepEqual(request!.body, {
      p_client_id: ids.client,
      p_status: ['Active', 'Paused'],
      p_target_from: null,
      p_target_to: null,
      p_search: 'Q1',
      p_limit: 10,
      p_cursor: null,
      p_sort: 'target',
    });
  });

  test('a single status becomes a one-element array, and an empty filter sends nulls', async () => {
    const { tracking, requests } = setup(() => json(200, { items: [], next_cursor: null }));
    await tracking.orders.list({ status: 'Draft', targetFrom: '2025-01-01', targetTo: '2025-12-31' });
    await tracking.orders.list();
    assert.deepEqual(requests[0]!.body, {
      p_client_id: null, p_status: ['Draft'], p_target_from: '2025-01-01', p_target_to: '2025-12-31', p_search: null, p_cursor: null,
    });
    assert.deepEqual(requests[1]!.body, { p_client_id: null, p_status: null, p_target_from: null, p_target_to: null, p_search: null, p_cursor: null });
  });

  test('orders.pages follows next_cursor until it is null', async () => {
    const { tracking, requests } = setup((_, n) => json(200, { items: [{ ...order, order_number: `ORD-${n}` }], next_cursor: n < 3 ? `cursor-${n}` : null }));
    const numbers: string[] = [];
    for await (const page of tracking.orders.pages({ limit: 1 })) numbers.push(...page.items.map((o) => o.order_number));
    assert.deepEqual(numbers, ['ORD-1', 'ORD-2', 'ORD-3']);
    assert.deepEqual(requests.map((r) => (r.body as { p_cursor: unknown }).p_cursor), [null, 'cursor-1', 'cursor-2']);
  });

  test('orders.pages sends its sort with every page, and no sort leaves the database default', async () => {
    const { tracking, requests } = setup((_, n) => json(200, { items: [order], next_cursor: n < 2 ? `cursor-${n}` : null }));
    for await (const page of tracking.orders.pages({ limit: 1, sort: 'progress' })) assert.equal(page.items.length, 1);
    assert.deepEqual(requests.map((r) => (r.body as { p_sort?: unknown }).p_sort), ['progress', 'progress']);
    assert.deepEqual(requests.map((r) => (r.body as { p_cursor: unknown }).p_cursor), [null, 'cursor-1']);
    await tracking.orders.list({ limit: 1 });
    assert.equal('p_sort' in (requests[2]!.body as object), false);
  });

  test('an unknown sort is refused before any request', async () => {
    const { tracking, requests } = setup(() => json(200, { items: [], next_cursor: null }));
    const error = await rejection(tracking.orders.list({ sort: 'oldest' as never }));
    assert.equal(error.code, 'invalid_input');
    assert.equal(requests.length, 0);
  });

  test('orders.get sends the limits only when given', async () => {
    const { tracking, requests } = setup(() => json(200, { order, leads: [lead], timeline: [event] }));
    const details = await tracking.orders.get(ids.order, { leadLimit: 5 });
    assert.equal(details.leads[0]!.company_name, 'Acme Corp');
    assert.equal(details.timeline[0]!.event_type, 'lead_assigned');
    assert.equal(requests[0]!.url, rpc('get_order_details'));
    assert.deepEqual(requests[0]!.body, { p_order_id: ids.order, p_lead_limit: 5 });
  });

  test('orders.create maps the input to the function arguments', async () => {
    const { tracking, requests } = setup(() => json(200, order));
    const created = await tracking.orders.create({ client_id: ids.client, leads_purchased: 100, name: 'Q1', target_delivery_date: '2025-03-31', status: 'Active' });
    assert.equal(created.id, ids.order);
    assert.equal(requests[0]!.url, rpc('create_order'));
    assert.deepEqual(requests[0]!.body, {
      p_client_id: ids.client,
      p_leads_purchased: 100,
      p_order_number: null,
      p_name: 'Q1',
      p_description: null,
      p_target_delivery_date: '2025-03-31',
      p_start_date: null,
      p_status: 'Active',
    });
  });

  test('orders.update and the status shortcuts call update_order with p_changes', async () => {
    const { tracking, requests } = setup(() => json(200, order));
    await tracking.orders.update(ids.order, { leads_purchased: 120, name: null });
    await tracking.orders.activate(ids.order);
    await tracking.orders.pause(ids.order);
    await tracking.orders.resume(ids.order);
    await tracking.orders.complete(ids.order);
    await tracking.orders.cancel(ids.order);
    assert.ok(requests.every((r) => r.url === rpc('update_order')));
    assert.deepEqual(
      requests.map((r) => r.body),
      [
        { p_order_id: ids.order, p_changes: { leads_purchased: 120, name: null } },
        { p_order_id: ids.order, p_changes: { status: 'Active' } },
        { p_order_id: ids.order, p_changes: { status: 'Paused' } },
        { p_order_id: ids.order, p_changes: { status: 'Active' } },
        { p_order_id: ids.order, p_changes: { status: 'Completed' } },
        { p_order_id: ids.order, p_changes: { status: 'Cancelled' } },
      ],
    );
  });

  test('orders.available reads every page of Active orders and keeps those with room', async () => {
    const full = { ...order, id: ids.order2, leads_delivered: 100, leads_remaining: 0 };
    const { tracking, requests } = setup((_, n) => json(200, n === 1 ? { items: [order], next_cursor: 'next' } : { items: [full], next_cursor: null }));
    const available = await tracking.orders.available(ids.client);
    assert.deepEqual(available.map((o) => o.id), [ids.order]);
    assert.equal(requests.length, 2);
    assert.deepEqual((requests[0]!.body as Record<string, unknown>).p_status, ['Active']);
    assert.equal((requests[0]!.body as Record<string, unknown>).p_client_id, ids.client);
  });

  test('leads methods call the three assignment functions', async () => {
    const { tracking, requests } = setup((r) =>
      json(200, r.url.endsWith('assign_leads_to_order') ? { leads: [lead], order } : { lead, order, previous_order: null }),
    );
    await tracking.leads.assignToOrder(ids.lead, ids.order);
    await tracking.leads.assignToOrder(ids.lead, null);
    const bulk = await tracking.leads.assignMany([ids.lead, ids.lead2], ids.order);
    await tracking.leads.assignToClient(ids.lead, ids.client);
    await tracking.leads.assignToClient(ids.lead, ids.client, ids.order);
    assert.equal(bulk.leads.length, 1);
    assert.deepEqual(
      requests.map((r) => [r.url.slice(rpc('').length), r.body]),
      [
        ['assign_lead_to_order', { p_lead_id: ids.lead, p_order_id: ids.order }],
        ['assign_lead_to_order', { p_lead_id: ids.lead, p_order_id: null }],
        ['assign_leads_to_order', { p_lead_ids: [ids.lead, ids.lead2], p_order_id: ids.order }],
        ['assign_lead_to_client', { p_lead_id: ids.lead, p_client_id: ids.client, p_order_id: null }],
        ['assign_lead_to_client', { p_lead_id: ids.lead, p_client_id: ids.client, p_order_id: ids.order }],
      ],
    );
  });

  test('stats for everything and for one client', async () => {
    const { tracking, requests } = setup(() => json(200, stats));
    assert.deepEqual(await tracking.stats(), stats);
    await tracking.stats(ids.client);
    assert.deepEqual(requests.map((r) => [r.url, r.body]), [
      [rpc('get_order_stats'), { p_client_id: null }],
      [rpc('get_order_stats'), { p_client_id: ids.client }],
    ]);
  });

  test("the host's access token is what PostgREST receives", async () => {
    const { supabase: _unused, ...rest } = stubbedSupabase(() => json(200, stats));
    void _unused;
    const { createClient } = await import('@supabase/supabase-js');
    const requests: string[] = [];
    const supabase = createClient(SUPABASE_URL, ANON_KEY, {
      accessToken: async () => 'user-jwt',
      global: { fetch: async (_input: string | URL | Request, init?: RequestInit) => (requests.push(new Headers(init?.headers).get('authorization') ?? ''), json(200, stats)) },
      realtime: { transport: rest.realtime.transport as never },
    });
    await createOrderTracking({ supabase }).stats();
    assert.deepEqual(requests, ['Bearer user-jwt']);
  });
});

describe('Supabase transport: errors', () => {
  test('every LOxxx PostgREST error body maps to its code, with details parsed and the body as cause', async () => {
    for (const [sqlState, { code }] of Object.entries(databaseErrors)) {
      const body = { code: sqlState, message: `refused: ${code}`, details: JSON.stringify({ code, order_id: ids.order }), hint: 'try another order' };
      const { tracking } = setup(() => json(400, body));
      const error = await rejection(tracking.leads.assignToOrder(ids.lead, ids.order));
      assert.equal(error.code, code, sqlState);
      assert.equal(error.message, `refused: ${code}`);
      assert.deepEqual(error.details, { code, order_id: ids.order });
      assert.equal(error.hint, 'try another order');
      assert.equal(error.status, 400);
      assert.deepEqual(error.cause, body);
      assert.ok(error instanceof OrderTrackingError);
      assert.deepEqual(JSON.parse(JSON.stringify(error)), {
        name: 'OrderTrackingError', code, message: `refused: ${code}`, details: { code, order_id: ids.order }, hint: 'try another order', issues: [], retryable: false, status: 400,
      });
    }
  });

  test('JWT errors and anonymous permission errors are unauthenticated; other permission errors forbidden', async () => {
    const cases: Array<[number, Record<string, unknown>, string]> = [
      [401, { code: 'PGRST301', message: 'JWT expired', details: null, hint: null }, 'unauthenticated'],
      [401, { code: '42501', message: 'permission denied for function get_orders', details: null, hint: null }, 'unauthenticated'],
      [403, { code: '42501', message: 'permission denied for function get_orders', details: null, hint: null }, 'forbidden'],
      [404, { code: 'PGRST202', message: 'Could not find the function', details: 'plain text', hint: null }, 'unknown'],
    ];
    for (const [status, body, code] of cases) {
      const { tracking } = setup(() => json(status, body));
      const error = await rejection(tracking.stats());
      assert.equal(error.code, code, `${status} ${String(body.code)}`);
    }
    const { tracking } = setup(() => json(404, { code: 'PGRST202', message: 'x', details: 'plain text', hint: null }));
    assert.equal((await rejection(tracking.stats())).details, 'plain text');
  });

  test('a serialization failure or a deadlock is conflict and retryable; reads retry it, writes leave it to the caller', async () => {
    for (const sqlState of ['40001', '40P01']) {
      const body = { code: sqlState, message: sqlState === '40001' ? 'could not serialize access' : 'deadlock detected', details: null, hint: null };
      const write = setup(() => json(409, body));
      const error = await rejection(write.tracking.leads.assignMany([ids.lead], ids.order));
      assert.equal(error.code, 'conflict', sqlState);
      assert.equal(error.retryable, true);
      assert.equal(write.requests.length, 1, 'a write is not retried by the SDK');
      const read = setup((_, n) => (n === 1 ? json(409, body) : json(200, stats)));
      assert.deepEqual(await read.tracking.stats(), stats);
      assert.equal(read.requests.length, 2);
    }
  });

  test('a failed fetch is a network error; reads retry with backoff and may succeed', async () => {
    const { tracking, requests } = setup((_, n) => {
      if (n < 3) throw new TypeError('fetch failed');
      return json(200, stats);
    });
    assert.deepEqual(await tracking.stats(), stats);
    assert.equal(requests.length, 3);
  });

  test('reads give up after the configured retries with code network', async () => {
    const { tracking, requests } = setup(() => {
      throw new TypeError('fetch failed');
    });
    const error = await rejection(tracking.orders.get(ids.order));
    assert.equal(error.code, 'network');
    assert.equal(requests.length, 3);
  });

  test('a gateway answer without a PostgreSQL code (503) is a network error too', async () => {
    const { tracking, requests } = setup((_, n) => (n === 1 ? new Response('upstream unavailable', { status: 503 }) : json(200, stats)));
    assert.deepEqual(await tracking.stats(), stats);
    assert.equal(requests.length, 2);
  });

  test('writes never retry', async () => {
    for (const call of [
      (t: ReturnType<typeof setup>['tracking']) => t.orders.create({ client_id: ids.client, leads_purchased: 5 }),
      (t: ReturnType<typeof setup>['tracking']) => t.orders.pause(ids.order),
      (t: ReturnType<typeof setup>['tracking']) => t.leads.assignMany([ids.lead], ids.order),
    ]) {
      const { tracking, requests } = setup(() => {
        throw new TypeError('fetch failed');
      });
      assert.equal((await rejection(call(tracking))).code, 'network');
      assert.equal(requests.length, 1);
    }
  });

  test('an aborted signal rejects with aborted and sends nothing', async () => {
    const { tracking, requests } = setup(() => json(200, stats));
    const error = await rejection(tracking.stats(null, { signal: AbortSignal.abort() }));
    assert.equal(error.code, 'aborted');
    assert.equal(requests.length, 0);
  });

  test('aborting during a request rejects with aborted', async () => {
    const controller = new AbortController();
    const { tracking, requests } = setup(() => new Promise<Response>(() => undefined));
    const pending = tracking.orders.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    assert.equal((await rejection(pending)).code, 'aborted');
    assert.equal(requests.length, 1);
  });

  test('a write aborted before it is sent rejects with aborted; once sent, with outcome_unknown', async () => {
    const { tracking, requests } = setup(() => json(200, order));
    const before = await rejection(tracking.orders.create({ client_id: ids.client, leads_purchased: 5 }, { signal: AbortSignal.abort() }));
    assert.equal(before.code, 'aborted');
    assert.equal(requests.length, 0);
    for (const write of [
      (t: ReturnType<typeof setup>['tracking'], signal: AbortSignal) => t.orders.create({ client_id: ids.client, leads_purchased: 5 }, { signal }),
      (t: ReturnType<typeof setup>['tracking'], signal: AbortSignal) => t.leads.assignMany([ids.lead], ids.order, { signal }),
      (t: ReturnType<typeof setup>['tracking'], signal: AbortSignal) => t.orders.pause(ids.order, { signal }),
    ]) {
      const controller = new AbortController();
      // The server received the request and is still answering when the signal fires.
      let received!: () => void;
      const arrived = new Promise<void>((resolve) => (received = resolve));
      const stub = setup(() => (received(), new Promise<Response>(() => undefined)));
      const pending = write(stub.tracking, controller.signal);
      await arrived;
      controller.abort();
      const error = await rejection(pending);
      assert.equal(error.code, 'outcome_unknown');
      assert.equal(error.retryable, false);
      assert.equal(stub.requests.length, 1);
    }
  });

  test('aborting while a read waits to retry stops it', async () => {
    const controller = new AbortController();
    const stub = stubbedSupabase(() => {
      throw new TypeError('fetch failed');
    });
    const tracking = createOrderTracking({ supabase: stub.supabase, retry: { retries: 5, delayMs: 10_000 } });
    const pending = tracking.stats(null, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    assert.equal((await rejection(pending)).code, 'aborted');
    assert.equal(stub.requests.length, 1);
  });

  test('bad input is refused before any request, naming each field', async () => {
    const { tracking, requests } = setup(() => json(200, order));
    const error = await rejection(
      // @ts-expect-error leads_purchased must be a number
      tracking.orders.create({ client_id: 'not-a-uuid', leads_purchased: '10', target_delivery_date: '31/03/2025', status: 'Open' }),
    );
    assert.equal(error.code, 'invalid_input');
    assert.deepEqual(error.issues, [
      { path: 'input.client_id', message: 'expected a uuid' },
      { path: 'input.leads_purchased', message: 'expected number' },
      { path: 'input.target_delivery_date', message: 'expected a date (YYYY-MM-DD)' },
      { path: 'input.status', message: 'expected one of "Draft", "Active", "Paused", "Completed", "Cancelled"' },
    ]);
    assert.match(error.message, /input\.client_id: expected a uuid/);
    const second = await rejection(tracking.leads.assignMany(['x'], 'y'));
    assert.deepEqual(second.issues.map((i) => i.path), ['leadIds.0', 'orderId']);
    assert.equal((await rejection(tracking.orders.list({ limit: 1.5 }))).issues[0]!.path, 'filters.limit');
    assert.equal(requests.length, 0);
  });

  test('a result that does not match its schema is invalid_response, naming the field', async () => {
    const { tracking } = setup(() => json(200, { items: [{ ...order, status: 'Archived' }], next_cursor: null }));
    const error = await rejection(tracking.orders.list());
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.issues[0]!.path, 'items.0.status');
    assert.match(error.message, /get_orders/);
  });

  test('createOrderTracking without a client or transport is refused', () => {
    // @ts-expect-error one of supabase or transport is required
    assert.throws(() => createOrderTracking({}), (e: unknown) => isOrderTrackingError(e) && e.code === 'invalid_input');
  });
});

describe('Supabase transport: realtime', () => {
  const waitFor = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(check(), `timed out waiting for ${what}`);
  };
  /** Every channel has its join acknowledged, so pushed changes reach the handlers. */
  const joined = (supabase: { getChannels(): Array<{ state: string }> }) => {
    const channels = supabase.getChannels();
    return channels.length > 0 && channels.every((c) => c.state === 'joined');
  };

  test('subscribe joins postgres_changes on orders (and order_events for one order) and delivers parsed changes', async () => {
    const realtime = new FakeRealtime();
    const { supabase } = stubbedSupabase(() => json(200, {}), realtime);
    const tracking = createOrderTracking({ supabase });
    const changes: OrderChange[] = [];
    const unsubscribe = tracking.subscribe({ orderId: ids.order }, (c) => changes.push(c));
    await waitFor(() => realtime.joins.length === 1, 'the channel join');
    assert.deepEqual(realtime.joins[0]!.config.postgres_changes, [
      { event: '*', schema: 'public', table: 'orders', filter: `id=eq.${ids.order}` },
      { event: 'INSERT', schema: 'public', table: 'order_events', filter: `order_id=eq.${ids.order}` },
    ]);
    await new Promise((r) => setTimeout(r, 10));
    realtime.push('orders', 'UPDATE', { ...orderRecord, leads_delivered: 46, leads_remaining: 54 });
    realtime.push('order_events', 'INSERT', event);
    realtime.push('orders', 'DELETE', {}, { id: ids.order });
    await waitFor(() => changes.length === 3, 'three changes');
    assert.deepEqual(changes[0], { type: 'update', id: ids.order, order: { ...orderRecord, leads_delivered: 46, leads_remaining: 54 } });
    assert.equal(changes[1]!.type, 'event');
    assert.deepEqual(changes[2], { type: 'delete', id: ids.order, order: null });
    unsubscribe();
    await new Promise((r) => setTimeout(r, 10));
    realtime.push('orders', 'UPDATE', orderRecord);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(changes.length, 3);
  });

  test('a client filter watches that client; no target filter watches all visible orders', async () => {
    const realtime = new FakeRealtime();
    const { supabase } = stubbedSupabase(() => json(200, {}), realtime);
    const tracking = createOrderTracking({ supabase });
    const stopA = tracking.subscribe({ clientId: ids.client }, () => undefined);
    const stopB = tracking.subscribe({ all: true }, () => undefined);
    await waitFor(() => realtime.joins.length === 2, 'two joins');
    const filters = realtime.joins.map((j) => j.config.postgres_changes);
    assert.deepEqual(filters.sort((a, b) => String(a[0]!.filter ?? '').localeCompare(String(b[0]!.filter ?? ''))), [
      [{ event: '*', schema: 'public', table: 'orders' }],
      [{ event: '*', schema: 'public', table: 'orders', filter: `client_id=eq.${ids.client}` }],
    ]);
    stopA();
    stopB();
  });

  test('after a dropped connection it reconnects, resubscribes and delivers again', async () => {
    const realtime = new FakeRealtime();
    const { supabase } = stubbedSupabase(() => json(200, {}), realtime);
    const tracking = createOrderTracking({ transport: createSupabaseTransport(supabase, { reconnectDelayMs: 5 }) });
    const changes: OrderChange[] = [];
    const errors: OrderTrackingError[] = [];
    const stop = tracking.subscribe({ all: true }, (c) => changes.push(c), { onError: (e) => errors.push(e) });
    await waitFor(() => realtime.joins.length === 1, 'the first join');
    realtime.dropAll();
    await waitFor(() => realtime.joins.filter((j) => !j.socket.closed).length >= 1, 'a join on a new connection');
    assert.ok(realtime.sockets.length >= 2, 'a new socket was opened');
    assert.ok(errors.length >= 1 && errors.every((e) => e.code === 'network'), 'the drop was reported as network');
    await waitFor(() => changes.some((c) => c.type === 'resync'), 'a resync after reconnecting');
    assert.deepEqual(changes.filter((c) => c.type === 'resync'), [{ type: 'resync', id: null }], 'one resync per reconnect');
    realtime.push('orders', 'UPDATE', { ...orderRecord, status: 'Paused' });
    await waitFor(() => changes.some((c) => c.type === 'update'), 'a change after reconnecting');
    assert.equal((changes.find((c) => c.type === 'update') as { order: { status: string } }).order.status, 'Paused');
    stop();
  });

  test('the first join delivers no resync; a join after failed attempts does', async () => {
    const realtime = new FakeRealtime();
    const { supabase } = stubbedSupabase(() => json(200, {}), realtime);
    const tracking = createOrderTracking({ transport: createSupabaseTransport(supabase, { reconnectDelayMs: 5 }) });
    const first: OrderChange[] = [];
    const stopFirst = tracking.subscribe({ all: true }, (c) => first.push(c));
    await waitFor(() => realtime.joins.length === 1, 'the join');
    realtime.push('orders', 'UPDATE', orderRecord);
    await waitFor(() => first.length === 1, 'one change');
    assert.deepEqual(first.map((c) => c.type), ['update']);
    stopFirst();

    realtime.refuseJoins = true;
    const later: OrderChange[] = [];
    const errors: OrderTrackingError[] = [];
    const stopLater = tracking.subscribe({ all: true }, (c) => later.push(c), { onError: (e) => errors.push(e) });
    await waitFor(() => errors.length >= 1, 'a refused join');
    realtime.refuseJoins = false;
    await waitFor(() => later.some((c) => c.type === 'resync'), 'a resync once joined');
    stopLater();
  });

  describe('an UPDATE without its unchanged TOASTed columns', () => {
    // Realtime leaves out values the WAL did not carry: an unchanged description stored out of line.
    const { description: _left, ...withoutDescription } = { ...orderRecord, leads_delivered: 46, leads_remaining: 54 };
    void _left;
    const longDescription = 'A long brief. '.repeat(600);
    const fetched = (extra: Record<string, unknown> = {}) => ({
      order: { ...order, description: longDescription, leads_delivered: 46, leads_remaining: 54, ...extra },
      leads: [],
      timeline: [],
    });

    test('is completed by fetching the row and delivered as an update; later updates keep arriving', async () => {
      const realtime = new FakeRealtime();
      const { supabase, requests } = stubbedSupabase(() => json(200, fetched()), realtime);
      const tracking = createOrderTracking({ supabase });
      const changes: OrderChange[] = [];
      const errors: OrderTrackingError[] = [];
      const stop = tracking.subscribe({ orderId: ids.order }, (c) => changes.push(c), { onError: (e) => errors.push(e) });
      await waitFor(() => joined(supabase), 'the join');
      realtime.push('orders', 'UPDATE', withoutDescription);
      await waitFor(() => changes.length === 1, 'the completed update');
      assert.deepEqual(errors, []);
      assert.deepEqual(changes[0], {
        type: 'update', id: ids.order, order: { ...orderRecord, description: longDescription, leads_delivered: 46, leads_remaining: 54 },
      });
      assert.deepEqual(requests.map((r) => [r.url, r.body]), [[rpc('get_order_details'), { p_order_id: ids.order, p_lead_limit: 0, p_timeline_limit: 0 }]]);
      realtime.push('orders', 'UPDATE', { ...orderRecord, description: 'short', leads_delivered: 47, leads_remaining: 53 });
      await waitFor(() => changes.length === 2, 'the next update');
      assert.equal((changes[1] as { order: { leads_delivered: number } }).order.leads_delivered, 47);
      assert.equal(requests.length, 1, 'a complete record needs no fetch');
      stop();
    });

    test('a newer change of the same order supersedes a fetch still under way', async () => {
      const realtime = new FakeRealtime();
      let answer!: (response: Response) => void;
      const { supabase } = stubbedSupabase(() => new Promise<Response>((resolve) => (answer = resolve)), realtime);
      const tracking = createOrderTracking({ supabase });
      const changes: OrderChange[] = [];
      const stop = tracking.subscribe({ all: true }, (c) => changes.push(c));
      await waitFor(() => joined(supabase), 'the join');
      realtime.push('orders', 'UPDATE', withoutDescription);
      await waitFor(() => answer !== undefined, 'the fetch');
      realtime.push('orders', 'UPDATE', { ...orderRecord, leads_delivered: 47, leads_remaining: 53 });
      await waitFor(() => changes.length === 1, 'the newer update');
      answer(json(200, fetched()));
      // The stale answer is dropped; a third change proves the stream goes on in order.
      realtime.push('orders', 'UPDATE', { ...orderRecord, leads_delivered: 48, leads_remaining: 52 });
      await waitFor(() => changes.length >= 2, 'the third update');
      assert.deepEqual(changes.map((c) => (c as { order: { leads_delivered: number } }).order.leads_delivered), [47, 48]);
      stop();
    });

    test('a record with a wrong value, not a missing one, is still invalid_response and fetches nothing', async () => {
      const realtime = new FakeRealtime();
      const { supabase, requests } = stubbedSupabase(() => json(200, fetched()), realtime);
      const tracking = createOrderTracking({ supabase });
      const errors: OrderTrackingError[] = [];
      const stop = tracking.subscribe({ all: true }, () => undefined, { onError: (e) => errors.push(e) });
      await waitFor(() => joined(supabase), 'the join');
      realtime.push('orders', 'UPDATE', { ...withoutDescription, status: 'Archived' });
      await waitFor(() => errors.length === 1, 'the error');
      assert.equal(errors[0]!.code, 'invalid_response');
      assert.equal(requests.length, 0);
      stop();
    });
  });

  test('a refused join is reported and retried', async () => {
    const realtime = new FakeRealtime();
    realtime.refuseJoins = true;
    const { supabase } = stubbedSupabase(() => json(200, {}), realtime);
    const tracking = createOrderTracking({ transport: createSupabaseTransport(supabase, { reconnectDelayMs: 5 }) });
    const errors: OrderTrackingError[] = [];
    const stop = tracking.subscribe({ all: true }, () => undefined, { onError: (e) => errors.push(e) });
    await waitFor(() => errors.length >= 2, 'two reported failures');
    realtime.refuseJoins = false;
    await waitFor(() => realtime.joins.length >= 1, 'a successful join');
    stop();
  });

  test('subscribe validates its target and stops on abort', async () => {
    const realtime = new FakeRealtime();
    const { supabase } = stubbedSupabase(() => json(200, {}), realtime);
    const tracking = createOrderTracking({ supabase });
    assert.throws(
      // @ts-expect-error orderId must be a string
      () => tracking.subscribe({ orderId: 5 }, () => undefined),
      (e: unknown) => isOrderTrackingError(e) && e.code === 'invalid_input' && e.issues.length > 0,
    );
    const controller = new AbortController();
    tracking.subscribe({ all: true }, () => undefined, { signal: controller.signal });
    await waitFor(() => realtime.joins.length === 1, 'a join');
    controller.abort();
    await waitFor(() => supabase.getChannels().length === 0, 'the channel removed');
  });
});
