// Every input of every method either passes or is refused with a typed code before any request:
// unknown keys (typos, `__proto__`, `constructor`) in inputs and options objects, integers beyond
// what the database can take, text with NUL bytes or lone surrogates, text longer than the
// documented bounds. Driven through supabase-js with a stub fetch that records every request.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createOrderTracking, isOrderTrackingError, type OrderTracking } from '../src/index.js';
import { disconnectAll, json, stubbedSupabase } from './helpers/fake-supabase.js';
import { rejection } from './helpers/rejection.js';
import { ids, lead, order, stats } from './helpers/samples.js';

after(disconnectAll);

function setup() {
  const stub = stubbedSupabase((request) => {
    const fn = request.url.split('/').pop();
    if (fn === 'get_orders') return json(200, { items: [order], next_cursor: null });
    if (fn === 'get_order_details') return json(200, { order, leads: [], timeline: [] });
    if (fn === 'get_order_stats') return json(200, stats);
    if (fn === 'list_leads' || fn === 'list_clients') return json(200, { items: [], next_cursor: null });
    if (fn === 'is_order_number_available') return json(200, { order_number: 'N', available: true });
    if (fn === 'assign_leads_to_order') return json(200, { leads: [lead], order });
    if (fn?.startsWith('assign_')) return json(200, { lead, order, previous_order: null });
    return json(200, order);
  });
  return { ...stub, tracking: createOrderTracking({ supabase: stub.supabase }) };
}

const signal = new AbortController().signal;
const base = { client_id: ids.client, leads_purchased: 5 };
type Case = [what: string, call: (t: OrderTracking) => Promise<unknown>, code: 'unknown_field' | 'invalid_input', path: string];
// Wrong on purpose: hosts calling from JavaScript, or with `as never`, get no compile-time help.
const wrong = <T>(value: unknown) => value as T;

const cases: Case[] = [
  ['a typo in list filters', (t) => t.orders.list(wrong({ clientID: ids.client })), 'unknown_field', 'filters.clientID'],
  ['a typo in pages filters', (t) => t.orders.pages(wrong({ Status: 'Active' })).next(), 'unknown_field', 'filters.Status'],
  ['an unknown list option', (t) => t.orders.list({}, wrong({ signal, timeout: 5 })), 'unknown_field', 'options.timeout'],
  ['a search over 200 characters', (t) => t.orders.list({ search: 'x'.repeat(201) }), 'invalid_input', 'filters.search'],
  ['a 10 MB search', (t) => t.orders.list({ search: 'x'.repeat(10_000_000) }), 'invalid_input', 'filters.search'],
  ['a search with a NUL byte', (t) => t.orders.list({ search: 'ab\u0000' }), 'invalid_input', 'filters.search'],
  ['a search with a lone surrogate', (t) => t.orders.list({ search: 'ab\ud800' }), 'invalid_input', 'filters.search'],
  ['a page size of 501', (t) => t.orders.list({ limit: 501 }), 'invalid_input', 'filters.limit'],
  ['a page size of 2^31', (t) => t.orders.list({ limit: 2 ** 31 }), 'invalid_input', 'filters.limit'],
  ['a cursor over 1000 characters', (t) => t.orders.list({ cursor: 'c'.repeat(1001) }), 'invalid_input', 'filters.cursor'],
  ['a year-0 date', (t) => t.orders.list({ targetFrom: '0000-06-01' }), 'invalid_input', 'filters.targetFrom'],
  ['a misspelt get option', (t) => t.orders.get(ids.order, wrong({ leadlimit: 5 })), 'unknown_field', 'options.leadlimit'],
  ['a lead limit of 1001', (t) => t.orders.get(ids.order, { leadLimit: 1001 }), 'invalid_input', 'options.leadLimit'],
  ['a priority of −2^31', (t) => t.orders.create({ ...base, priority: -(2 ** 31) }), 'invalid_input', 'input.priority'],
  ['a priority of 1001', (t) => t.orders.create({ ...base, priority: 1001 }), 'invalid_input', 'input.priority'],
  ['a quantity of 2^31', (t) => t.orders.create({ ...base, leads_purchased: 2 ** 31 }), 'invalid_input', 'input.leads_purchased'],
  ['a quantity of 1e20', (t) => t.orders.create({ ...base, leads_purchased: 1e20 }), 'invalid_input', 'input.leads_purchased'],
  ['a name with a NUL byte', (t) => t.orders.create({ ...base, name: 'Spring\u0000' }), 'invalid_input', 'input.name'],
  ['a name with a right-to-left override', (t) => t.orders.create({ ...base, name: 'Evil\u202Egnp.exe' }), 'invalid_input', 'input.name'],
  ['an order number with an isolate', (t) => t.orders.create({ ...base, order_number: 'ORD-\u20681' }), 'invalid_input', 'input.order_number'],
  ['a name with an embedding in changes', (t) => t.orders.update(ids.order, { name: 'x\u202Ay' }), 'invalid_input', 'changes.name'],
  ['a name of 201 characters', (t) => t.orders.create({ ...base, name: 'n'.repeat(201) }), 'invalid_input', 'input.name'],
  ['a description of 10,001 characters', (t) => t.orders.create({ ...base, description: 'd'.repeat(10_001) }), 'invalid_input', 'input.description'],
  ['an order number of 41 characters', (t) => t.orders.create({ ...base, order_number: 'N'.repeat(41) }), 'invalid_input', 'input.order_number'],
  ['a camelCase key in a new order', (t) => t.orders.create(wrong({ ...base, clientId: ids.client })), 'unknown_field', 'input.clientId'],
  ['an own __proto__ key in a new order', (t) => t.orders.create(wrong({ ...base, ['__proto__']: { priority: 5 } })), 'unknown_field', 'input.__proto__'],
  ['an own __proto__ key in changes', (t) => t.orders.update(ids.order, wrong({ ['__proto__']: { status: 'Cancelled' }, name: 'x' })), 'unknown_field', 'changes.__proto__'],
  ['a __proto__ key from JSON in changes', (t) => t.orders.update(ids.order, JSON.parse('{"__proto__": {"status": "Cancelled"}, "name": "x"}')), 'unknown_field', 'changes.__proto__'],
  ['a constructor key in changes', (t) => t.orders.update(ids.order, wrong({ constructor: 'x', name: 'x' })), 'unknown_field', 'changes.constructor'],
  ['a read-only field in changes', (t) => t.orders.update(ids.order, wrong({ leads_delivered: 3 })), 'unknown_field', 'changes.leads_delivered'],
  ['a quantity of 1e20 in changes', (t) => t.orders.update(ids.order, { leads_purchased: 1e20 }), 'invalid_input', 'changes.leads_purchased'],
  ['a description with a NUL byte in changes', (t) => t.orders.update(ids.order, { description: '\u0000' }), 'invalid_input', 'changes.description'],
  ['an unknown update option', (t) => t.orders.update(ids.order, { name: 'x' }, wrong({ signl: signal })), 'unknown_field', 'options.signl'],
  ['an unknown status-change option', (t) => t.orders.pause(ids.order, wrong({ force: true })), 'unknown_field', 'options.force'],
  ['a signal that is not one', (t) => t.orders.cancel(ids.order, wrong({ signal: 'stop' })), 'invalid_input', 'options.signal'],
  ['an unknown available option', (t) => t.orders.available(ids.client, wrong({ all: true })), 'unknown_field', 'options.all'],
  ['an unknown assignToOrder option', (t) => t.leads.assignToOrder(ids.lead, ids.order, wrong({ x: 1 })), 'unknown_field', 'options.x'],
  ['no leads for assignMany', (t) => t.leads.assignMany([], ids.order), 'invalid_input', 'leadIds'],
  ['10,001 leads for assignMany', (t) => t.leads.assignMany(Array.from({ length: 10_001 }, () => ids.lead), ids.order), 'invalid_input', 'leadIds'],
  ['an unknown assignMany option', (t) => t.leads.assignMany([ids.lead], ids.order, wrong({ x: 1 })), 'unknown_field', 'options.x'],
  ['an unknown assignToClient option', (t) => t.leads.assignToClient(ids.lead, ids.client, null, wrong({ x: 1 })), 'unknown_field', 'options.x'],
  ['an unknown stats option', (t) => t.stats(null, wrong({ clientId: ids.client })), 'unknown_field', 'options.clientId'],
  ['an extra key in a subscription target', async (t) => t.subscribe(wrong({ orderId: ids.order, clientId: ids.client }), () => undefined), 'unknown_field', 'target.clientId'],
  ['a typo in lead filters', (t) => t.leads.list(wrong({ clientID: ids.client })), 'unknown_field', 'filters.clientID'],
  ['a typo in lead pages filters', (t) => t.leads.pages(wrong({ noorder: true })).next(), 'unknown_field', 'filters.noorder'],
  ['an own __proto__ key in lead filters', (t) => t.leads.list(JSON.parse('{"__proto__": {"clientId": "x"}}')), 'unknown_field', 'filters.__proto__'],
  ['a constructor key in client filters', (t) => t.clients.list(wrong({ constructor: 'x' })), 'unknown_field', 'filters.constructor'],
  ['an unknown lead list option', (t) => t.leads.list({}, wrong({ signal, timeout: 5 })), 'unknown_field', 'options.timeout'],
  ['an unknown lead pages option', (t) => t.leads.pages({}, wrong({ x: 1 })).next(), 'unknown_field', 'options.x'],
  ['a lead search over 200 characters', (t) => t.leads.list({ search: 'x'.repeat(201) }), 'invalid_input', 'filters.search'],
  ['a 10 MB lead search', (t) => t.leads.list({ search: 'x'.repeat(10_000_000) }), 'invalid_input', 'filters.search'],
  ['a lead search with a NUL byte', (t) => t.leads.list({ search: 'ab\u0000' }), 'invalid_input', 'filters.search'],
  ['a lead search with a lone surrogate', (t) => t.leads.list({ search: '\udc00ab' }), 'invalid_input', 'filters.search'],
  ['a lead status with a NUL byte', (t) => t.leads.list({ status: ['New', 'A\u0000'] }), 'invalid_input', 'filters.status.1'],
  ['51 lead statuses', (t) => t.leads.list({ status: Array.from({ length: 51 }, (_, i) => `S${i}`) }), 'invalid_input', 'filters.status'],
  ['a lead page size of 0', (t) => t.leads.list({ limit: 0 }), 'invalid_input', 'filters.limit'],
  ['a lead page size of 501', (t) => t.leads.list({ limit: 501 }), 'invalid_input', 'filters.limit'],
  ['a lead page size of 2.5', (t) => t.leads.list({ limit: 2.5 }), 'invalid_input', 'filters.limit'],
  ['a lead cursor over 1000 characters', (t) => t.leads.list({ cursor: 'c'.repeat(1001) }), 'invalid_input', 'filters.cursor'],
  ['a lead cursor with a NUL byte', (t) => t.leads.pages({ cursor: 'c\u0000' }).next(), 'invalid_input', 'filters.cursor'],
  ['a year-0 delivered-from date', (t) => t.leads.list({ deliveredFrom: '0000-06-01' }), 'invalid_input', 'filters.deliveredFrom'],
  ['a lead order id that is no uuid', (t) => t.leads.list({ orderId: 'ORD-1' }), 'invalid_input', 'filters.orderId'],
  ['a typo in client filters', (t) => t.clients.list(wrong({ name: 'Acme' })), 'unknown_field', 'filters.name'],
  ['an unknown client list option', (t) => t.clients.list({}, wrong({ x: 1 })), 'unknown_field', 'options.x'],
  ['an unknown client pages option', (t) => t.clients.pages({}, wrong({ x: 1 })).next(), 'unknown_field', 'options.x'],
  ['a client search over 200 characters', (t) => t.clients.list({ search: 'x'.repeat(201) }), 'invalid_input', 'filters.search'],
  ['a client search with a NUL byte', (t) => t.clients.pages({ search: '\u0000' }).next(), 'invalid_input', 'filters.search'],
  ['a client page size of 2^31', (t) => t.clients.list({ limit: 2 ** 31 }), 'invalid_input', 'filters.limit'],
  ['a client cursor over 1000 characters', (t) => t.clients.list({ cursor: 'c'.repeat(1001) }), 'invalid_input', 'filters.cursor'],
  ['an unknown nextNumber option', (t) => t.orders.nextNumber(wrong({ year: 2026 })), 'unknown_field', 'options.year'],
  ['an order number of 41 characters to check', (t) => t.orders.isNumberAvailable('N'.repeat(41)), 'invalid_input', 'orderNumber'],
  ['an order number with a NUL byte to check', (t) => t.orders.isNumberAvailable('N\u0000'), 'invalid_input', 'orderNumber'],
  ['an unknown isNumberAvailable option', (t) => t.orders.isNumberAvailable('N-1', wrong({ exact: true })), 'unknown_field', 'options.exact'],
  ['a delivery series of no uuid', (t) => t.orders.deliverySeries('ORD-1'), 'invalid_input', 'orderId'],
  ['an unknown delivery series option', (t) => t.orders.deliverySeries(ids.order, wrong({ bukcet: 'day' })), 'unknown_field', 'options.bukcet'],
  ['a delivery bucket that does not exist', (t) => t.orders.deliverySeries(ids.order, wrong({ bucket: 'month' })), 'invalid_input', 'options.bucket'],
  ['an unknown forecast option', (t) => t.orders.forecast(ids.order, wrong({ windowDays: 7 })), 'unknown_field', 'options.windowDays'],
  ['a typo in export filters', (t) => t.orders.exportRows(wrong({ Status: 'Active' })).next(), 'unknown_field', 'filters.Status'],
  ['an export search over 200 characters', (t) => t.orders.exportCsv({ search: 'x'.repeat(201) }), 'invalid_input', 'filters.search'],
  ['an unknown export option', (t) => t.orders.exportRows({}, wrong({ onprogress: () => undefined })).next(), 'unknown_field', 'options.onprogress'],
  ['an unknown CSV option', (t) => t.orders.exportCsv({}, wrong({ delimiter: ';' })), 'unknown_field', 'options.delimiter'],
  ['an unknown CSV header style', (t) => t.orders.exportCsv({}, wrong({ header: 'none' })), 'invalid_input', 'options.header'],
  ['a CSV label for no column', (t) => t.orders.exportCsv({}, wrong({ labels: { orderNumber: 'Nr.' } })), 'unknown_field', 'options.labels.orderNumber'],
  ['an unknown subscribe option', async (t) => t.subscribe({ all: true }, () => undefined, wrong({ onerror: () => undefined })), 'unknown_field', 'options.onerror'],
];

describe('input refused before any request', () => {
  for (const [what, call, code, path] of cases) {
    test(`${what}: ${code} at ${path}`, async () => {
      const { tracking, requests } = setup();
      const error = await rejection(Promise.resolve().then(() => call(tracking)));
      assert.equal(error.code, code, error.message);
      assert.ok(error.issues.some((issue) => issue.path === path), JSON.stringify(error.issues));
      assert.equal(requests.length, 0, 'nothing was sent');
    });
  }

  test('an unknown factory option or retry setting is refused when the SDK is created', () => {
    const { supabase } = setup();
    for (const [options, path] of [
      [{ supabase, retries: 3 }, 'options.retries'],
      [{ supabase, retry: { retries: -1 } }, 'options.retry.retries'],
      [{ supabase, retry: { delay: 5 } }, 'options.retry.delay'],
    ] as const) {
      assert.throws(
        () => createOrderTracking(wrong(options)),
        (e: unknown) => isOrderTrackingError(e) && e.issues.some((i) => i.path === path),
        path,
      );
    }
  });

  test('a key inherited from a polluted Object.prototype is neither read nor sent', async () => {
    const { tracking, requests } = setup();
    const proto = Object.prototype as Record<string, unknown>;
    proto.clientId = ids.client;
    proto.status = 'Cancelled';
    try {
      await tracking.orders.list({});
      await tracking.orders.update(ids.order, { name: 'x' });
    } finally {
      delete proto.clientId;
      delete proto.status;
    }
    assert.equal((requests[0]!.body as Record<string, unknown>).p_client_id, null);
    assert.deepEqual((requests[1]!.body as Record<string, unknown>).p_changes, { name: 'x' });
  });

  test('values at every documented bound are sent unchanged', async () => {
    const { tracking, requests } = setup();
    // 200 characters, 400 UTF-16 code units: bounds count characters, as PostgreSQL does.
    const name = '😀'.repeat(200);
    await tracking.orders.create({
      ...base,
      leads_purchased: 2 ** 31 - 1,
      priority: -1000,
      name,
      description: 'é'.repeat(10_000),
      order_number: 'N'.repeat(40),
    });
    await tracking.orders.update(ids.order, { priority: 1000, leads_purchased: 1 });
    await tracking.orders.list({ search: 's'.repeat(200), limit: 500, cursor: 'c'.repeat(1000) });
    await tracking.orders.get(ids.order, { leadLimit: 1000, timelineLimit: 0 });
    const [create, update, list, get] = requests.map((r) => r.body as Record<string, unknown>);
    assert.deepEqual([create!.p_leads_purchased, create!.p_priority, create!.p_name], [2 ** 31 - 1, -1000, name]);
    assert.deepEqual(update!.p_changes, { priority: 1000, leads_purchased: 1 });
    assert.deepEqual([list!.p_limit, (list!.p_search as string).length], [500, 200]);
    assert.deepEqual([get!.p_lead_limit, get!.p_timeline_limit], [1000, 0]);
  });

  test('page-read values at every documented bound are sent unchanged', async () => {
    const { tracking, requests } = setup();
    const search = '😀'.repeat(200);
    const statuses = Array.from({ length: 50 }, (_, i) => `S${i}`);
    await tracking.leads.list({ search, status: statuses, limit: 500, cursor: 'c'.repeat(1000), deliveredFrom: '0001-01-01' });
    await tracking.clients.list({ search, limit: 1, cursor: 'c'.repeat(1000) });
    await tracking.orders.isNumberAvailable('N'.repeat(40));
    const [leads, clients, number] = requests.map((r) => r.body as Record<string, unknown>);
    assert.deepEqual([leads!.p_search, leads!.p_status, leads!.p_limit, (leads!.p_cursor as string).length], [search, statuses, 500, 1000]);
    assert.deepEqual([clients!.p_search, clients!.p_limit], [search, 1]);
    assert.equal(number!.p_order_number, 'N'.repeat(40));
  });

  test('every documented export option is accepted, and the export reads pages of 500', async () => {
    const { tracking, requests } = setup();
    const progress: number[] = [];
    const csv = await tracking.orders.exportCsv(
      { status: 'Active' },
      { signal, onProgress: (rows) => progress.push(rows), header: 'key', labels: { client_name: 'Kunde' }, bom: true },
    );
    // Blob.text() decodes UTF-8 and drops a byte order mark; the bytes keep it.
    assert.deepEqual([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(await csv.text(), /^order_number,client_name,/);
    assert.deepEqual(progress, [1]);
    assert.deepEqual([requests.length, (requests[0]!.body as Record<string, unknown>).p_limit], [1, 500]);
  });
});
