// The page reads over the Supabase transport against a stub fetch: the exact PostgREST request
// each method sends, and results parsed into their schemas.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createOrderTracking } from '../src/index.js';
import { disconnectAll, json, stubbedSupabase, SUPABASE_URL, type Responder } from './helpers/fake-supabase.js';
import { ids } from './helpers/samples.js';
import { rejection } from './helpers/rejection.js';

after(disconnectAll);

function setup(responder: Responder) {
  const stub = stubbedSupabase(responder);
  return { ...stub, tracking: createOrderTracking({ supabase: stub.supabase, retry: { retries: 0 } }) };
}

const leadRow = {
  id: ids.lead,
  company_name: 'Acme',
  contact_name: null,
  email: 'a@acme.test',
  phone: null,
  status: 'Approved',
  order_id: ids.order,
  order_number: 'ORD-2026-001',
  delivered_at: '2026-11-30T10:00:00+00:00',
  created_at: '2026-11-29T10:00:00+00:00',
};

describe('Supabase transport: page reads', () => {
  test('leads.list posts every filter to list_leads; pages follow next_cursor', async () => {
    const { tracking, requests } = setup((request) =>
      json(200, { items: [leadRow], next_cursor: (request.body as { p_cursor: unknown }).p_cursor === null ? 'c1' : null }));
    const page = await tracking.leads.list({ clientId: ids.client, noOrder: true, status: 'New', search: 'acme', deliveredFrom: '2026-11-01', deliveredTo: '2026-11-30', limit: 20 });
    assert.deepEqual(page.items, [leadRow]);
    assert.equal(requests[0]!.url, `${SUPABASE_URL}/rest/v1/rpc/list_leads`);
    assert.deepEqual(requests[0]!.body, {
      p_client_id: ids.client,
      p_order_id: null,
      p_no_order: true,
      p_status: ['New'],
      p_search: 'acme',
      p_delivered_from: '2026-11-01',
      p_delivered_to: '2026-11-30',
      p_limit: 20,
      p_cursor: null,
    });
    const cursors: unknown[] = [];
    for await (const p of tracking.leads.pages({ orderId: ids.order })) cursors.push(p.next_cursor);
    assert.deepEqual(requests.slice(1).map((r) => (r.body as { p_cursor: unknown }).p_cursor), [null, 'c1']);
    assert.deepEqual(cursors, ['c1', null]);
    assert.deepEqual((requests[1]!.body as { p_order_id: unknown }).p_order_id, ids.order);
  });

  test('clients, order numbers, delivery series and forecast call their functions', async () => {
    const answers: Record<string, unknown> = {
      list_clients: { items: [{ id: ids.client, client_name: 'Acme' }], next_cursor: null },
      preview_order_number: { order_number: 'ORD-2026-042' },
      is_order_number_available: { order_number: 'X-1', available: true },
      get_delivery_series: {
        order_id: ids.order, bucket: 'day', start_date: null, target_delivery_date: null, leads_purchased: 5, leads_delivered: 1,
        points: [{ date: '2026-11-30', delivered: 1, cumulative: 1 }],
      },
      get_order_forecast: {
        order_id: ids.order, status: 'Active', window_days: 14, delivered_in_window: 1, recent_per_day: 0.07, leads_remaining: 4,
        projected_completion_date: '2027-01-25', target_delivery_date: null, on_track: null, needed_per_day: null, days_to_target: null,
      },
    };
    const { tracking, requests } = setup((request) => json(200, answers[request.url.split('/').at(-1)!]));
    assert.equal((await tracking.clients.list({ search: 'ac' })).items[0]!.client_name, 'Acme');
    assert.equal(await tracking.orders.nextNumber(), 'ORD-2026-042');
    assert.equal(await tracking.orders.isNumberAvailable('X-1'), true);
    assert.equal((await tracking.orders.deliverySeries(ids.order, { bucket: 'day' })).points.length, 1);
    assert.equal((await tracking.orders.forecast(ids.order)).projected_completion_date, '2027-01-25');
    assert.deepEqual(requests.map((r) => [r.url.split('/').at(-1), r.body]), [
      ['list_clients', { p_search: 'ac', p_cursor: null }],
      ['preview_order_number', {}],
      ['is_order_number_available', { p_order_number: 'X-1' }],
      ['get_delivery_series', { p_order_id: ids.order, p_bucket: 'day' }],
      ['get_order_forecast', { p_order_id: ids.order }],
    ]);
  });

  test('a refusal keeps its code; an unknown filter never reaches the network', async () => {
    const { tracking, requests } = setup(() =>
      json(400, { code: 'LO010', message: 'Only admins can list clients.', details: '{"code": "forbidden"}', hint: null }));
    assert.equal((await rejection(tracking.clients.list())).code, 'forbidden');
    const error = await rejection(tracking.leads.list({ clientID: ids.client } as never));
    assert.equal(error.code, 'unknown_field');
    assert.equal(requests.length, 1);
  });
});
