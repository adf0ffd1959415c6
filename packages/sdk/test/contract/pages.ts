// The contract of the reads behind the admin and client pages (leads, clients, order numbers,
// delivery series, forecast, CSV export), run inside the contract suite on every transport.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { csvParseRows } from 'd3-dsv';
import { orderExportColumns, type Order, type OrderTracking, type OrderTrackingErrorCode } from '../../src/index.js';
import { rejection } from '../helpers/rejection.js';
import type { Harness } from './suite.js';

export interface PagesContext {
  h: Harness;
  admin: OrderTracking;
  clientA: OrderTracking;
  clientB: OrderTracking;
  anon: OrderTracking;
  a: { client: string };
  b: { client: string };
}

export function pagesContract(context: () => PagesContext): void {
  describe('page reads', () => {
    let c: PagesContext;
    const expectCode = async (promise: Promise<unknown>, code: OrderTrackingErrorCode) => {
      const error = await rejection(promise);
      assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
      return error;
    };
    const newLeads = async (clientId: string, count: number, status = 'Approved', company = 'Pages Test Co') =>
      (await c.h.owner(
        `insert into public.leads (company_name, status, client_id) select $1 || ' ' || g, $2, $3 from generate_series(1, $4) g returning id`,
        [company, status, clientId, count],
      )).map((r) => String(r.id));
    before(() => {
      c = context();
    });

    test('leads.list: a client its own leads and the client columns; the admin every lead with its client', async () => {
      const mine = await c.clientA.leads.list({ limit: 500 });
      assert.ok(mine.items.length > 0);
      assert.ok(mine.items.every((l) => l.client_id === undefined && l.client_name === undefined));
      const all = await c.admin.leads.list({ clientId: c.a.client, limit: 500 });
      assert.deepEqual(mine.items.map((l) => l.id), all.items.map((l) => l.id));
      assert.ok(all.items.every((l) => l.client_id === c.a.client && typeof l.client_name === 'string'));
      assert.deepEqual((await c.clientB.leads.list({ clientId: c.a.client })).items, []);
      const stamps = mine.items.map((l) => Date.parse(l.created_at ?? '1970-01-01'));
      assert.ok(stamps.every((t, i) => i === 0 || stamps[i - 1]! >= t), 'newest first');
    });

    test('leads.pages walks every lead of a filter once, in list order', async () => {
      const whole = (await c.admin.leads.list({ clientId: c.b.client, limit: 500 })).items.map((l) => l.id);
      const seen: string[] = [];
      let pages = 0;
      for await (const page of c.admin.leads.pages({ clientId: c.b.client, limit: 7 })) {
        pages++;
        seen.push(...page.items.map((l) => l.id));
      }
      assert.ok(pages >= 2, `expected several pages, got ${pages}`);
      assert.deepEqual(seen, whole);
    });

    test('leads filters: order, no order, status, search, delivered dates', async () => {
      const order = await c.admin.orders.create({ client_id: c.a.client, leads_purchased: 10, status: 'Active' });
      const tag = `Pages ${Date.now()}`;
      const ids = await newLeads(c.a.client, 3, 'Approved', tag);
      const loose = await newLeads(c.a.client, 2, 'New', tag);
      await c.admin.leads.assignMany(ids, order.id);
      const of = async (filters: Parameters<OrderTracking['leads']['list']>[0]) => (await c.clientA.leads.list({ limit: 500, ...filters })).items.map((l) => l.id).sort();
      assert.deepEqual(await of({ orderId: order.id }), [...ids].sort());
      assert.deepEqual(await of({ search: tag, noOrder: true }), [...loose].sort());
      assert.deepEqual(await of({ search: tag, status: 'New' }), [...loose].sort());
      assert.deepEqual(await of({ search: tag, status: ['New', 'Approved'] }), [...ids, ...loose].sort());
      const today = (await c.h.owner('select current_date::text as d'))[0]!.d as string;
      assert.deepEqual(await of({ search: tag, deliveredFrom: today, deliveredTo: today }), [...ids].sort());
      const row = (await c.clientA.leads.list({ orderId: order.id, limit: 1 })).items[0]!;
      assert.equal(row.order_number, order.order_number);
      assert.notEqual(row.delivered_at, null);
    });

    test('leads: bad filters are refused before the request or by the database, with a code', async () => {
      const unknown = await expectCode(c.admin.leads.list({ client_id: c.a.client } as never), 'unknown_field');
      assert.deepEqual(unknown.issues, [{ path: 'filters.client_id', message: 'unknown field' }]);
      await expectCode(c.admin.leads.list({ deliveredFrom: '30.11.2026' }), 'invalid_input');
      await expectCode(c.admin.leads.list({ orderId: c.a.client, noOrder: true }), 'invalid_input');
      await expectCode(c.admin.leads.list({ limit: 501 }), 'invalid_input');
      await expectCode(c.admin.leads.list({ search: 'x'.repeat(201) }), 'invalid_input');
      await expectCode(c.admin.leads.list({ deliveredFrom: '2026-02-02', deliveredTo: '2026-02-01' }), 'invalid_dates');
      await expectCode(c.admin.leads.list({ cursor: 'not-a-cursor' }), 'invalid_cursor');
      await expectCode(c.anon.leads.list(), 'unauthenticated');
      await expectCode(c.admin.leads.list({}, { signal: AbortSignal.abort() }), 'aborted');
    });

    test('clients.list and clients.pages: admins only, by name', async () => {
      const all = await c.admin.clients.list({ limit: 500 });
      assert.ok(all.items.some((x) => x.id === c.a.client) && all.items.some((x) => x.id === c.b.client));
      const seen: string[] = [];
      for await (const page of c.admin.clients.pages({ limit: 2 })) seen.push(...page.items.map((x) => x.id));
      assert.deepEqual(seen, all.items.map((x) => x.id));
      const name = all.items.find((x) => x.id === c.a.client)!.client_name;
      assert.ok((await c.admin.clients.list({ search: name.slice(1, -1).toUpperCase() })).items.some((x) => x.id === c.a.client));
      await expectCode(c.clientA.clients.list(), 'forbidden');
      await expectCode(c.anon.clients.list(), 'unauthenticated');
      await expectCode(c.admin.clients.list({ limit: 0 }), 'invalid_input');
      await expectCode(c.admin.clients.list({ sort: 'name' } as never), 'unknown_field');
    });

    test('the database accepts the page reads\' inputs at every bound the SDK checks', async () => {
      // 200 characters of 2 UTF-16 units each: the SDK and the database both count characters.
      const search = '😀'.repeat(200);
      const status = Array.from({ length: 50 }, (_, i) => `S${i}`);
      assert.deepEqual((await c.admin.leads.list({ search, status, limit: 500 })).items, []);
      assert.deepEqual((await c.admin.clients.list({ search, limit: 500 })).items, []);
      assert.equal(await c.admin.orders.isNumberAvailable('N'.repeat(40)), true);
    });

    test('orders.nextNumber previews the next automatic number; isNumberAvailable checks a manual one', async () => {
      const next = await c.admin.orders.nextNumber();
      assert.equal(await c.admin.orders.nextNumber(), next);
      const order = await c.admin.orders.create({ client_id: c.b.client, leads_purchased: 3 });
      assert.equal(order.order_number, next);
      assert.equal(await c.admin.orders.isNumberAvailable(order.order_number), false);
      assert.equal(await c.admin.orders.isNumberAvailable(`FREE-${Date.now()}`), true);
      await expectCode(c.clientA.orders.nextNumber(), 'forbidden');
      await expectCode(c.clientA.orders.isNumberAvailable('X-1'), 'forbidden');
      await expectCode(c.admin.orders.isNumberAvailable('  '), 'invalid_input');
      await expectCode(c.admin.orders.isNumberAvailable(42 as never), 'invalid_input');
    });

    test('orders.deliverySeries and orders.forecast for whoever may read the order', async () => {
      const order = await c.admin.orders.create({ client_id: c.a.client, leads_purchased: 10, status: 'Active', target_delivery_date: '2099-12-31' });
      await c.admin.leads.assignMany(await newLeads(c.a.client, 4), order.id);
      const today = (await c.h.owner('select current_date::text as d'))[0]!.d as string;
      const series = await c.clientA.orders.deliverySeries(order.id);
      assert.deepEqual(series, {
        order_id: order.id,
        bucket: 'week',
        start_date: null,
        target_delivery_date: '2099-12-31',
        leads_purchased: 10,
        leads_delivered: 4,
        points: [{ date: series.points[0]!.date, delivered: 4, cumulative: 4 }],
      });
      assert.deepEqual((await c.admin.orders.deliverySeries(order.id, { bucket: 'day' })).points, [{ date: today, delivered: 4, cumulative: 4 }]);
      const forecast = await c.clientA.orders.forecast(order.id);
      assert.equal(forecast.delivered_in_window, 4);
      assert.equal(forecast.recent_per_day, 0.29);
      assert.equal(forecast.leads_remaining, 6);
      assert.equal(forecast.on_track, true);
      assert.equal(typeof forecast.projected_completion_date, 'string');
      await expectCode(c.clientB.orders.deliverySeries(order.id), 'order_not_found');
      await expectCode(c.clientB.orders.forecast(order.id), 'order_not_found');
      await expectCode(c.admin.orders.deliverySeries(order.id, { bucket: 'month' as never }), 'invalid_input');
      await expectCode(c.admin.orders.forecast('nope'), 'invalid_input');
    });

    test('orders.exportRows: every page of the filter, in its order, as plain rows', async () => {
      const expected: Order[] = [];
      for await (const page of c.admin.orders.pages({ clientId: c.a.client, sort: 'newest' })) expected.push(...page.items);
      const progress: number[] = [];
      const rows = [];
      for await (const row of c.admin.orders.exportRows({ clientId: c.a.client, sort: 'newest', limit: 3 }, { onProgress: (n) => progress.push(n) })) rows.push(row);
      assert.deepEqual(rows.map((r) => r.order_number), expected.map((o) => o.order_number));
      assert.ok(progress.length >= 2 && progress.at(-1) === rows.length, `progress ${progress.join(',')}`);
      const first = rows[0]!;
      const order = expected[0]!;
      assert.deepEqual(Object.keys(first), orderExportColumns.map(([key]) => key));
      assert.equal(first.leads_purchased, order.leads_purchased);
      assert.equal(first.completion_percentage, order.completion_percentage);
      assert.equal(first.created_at, new Date(order.created_at).toISOString());
      assert.match(String(first.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const theirs = [];
      for await (const row of c.clientB.orders.exportRows()) theirs.push(row);
      assert.equal(theirs.length, (await c.clientB.orders.list({ limit: 500 })).items.length);
    });

    test('orders.exportRows lets other tasks run between pages', async () => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      let pages = 0;
      try {
        for await (const _ of c.admin.orders.exportRows({ clientId: c.a.client, limit: 1 }, { onProgress: () => pages++ })) void _;
      } finally {
        clearInterval(timer);
      }
      assert.ok(pages >= 3, `pages ${pages}`);
      assert.ok(ticks >= pages - 1, `${ticks} timer ticks during ${pages} pages`);
    });

    test('orders.exportCsv: header first, quoting, embedded newlines and formulas kept as text', async () => {
      const stamp = Date.now();
      const tricky = [`=HYPERLINK("http://x.test") ${stamp}`, `Spring, "big"\nlaunch ${stamp}`, `-10% off ${stamp}`, `@home ${stamp}`];
      for (const name of tricky) await c.admin.orders.create({ client_id: c.b.client, leads_purchased: 7, name, priority: -1, target_delivery_date: '2099-01-31' });
      const blob = await c.admin.orders.exportCsv({ clientId: c.b.client, search: String(stamp), sort: 'newest' });
      assert.equal(blob.type, 'text/csv;charset=utf-8');
      const text = await blob.text();
      assert.ok(text.endsWith('\r\n'));
      const [header, ...cells] = csvParseRows(text.replace(/\r\n/g, '\n').trimEnd());
      assert.deepEqual(header, orderExportColumns.map(([, label]) => label));
      assert.deepEqual(cells.map((row) => row[2]).reverse(), [`'${tricky[0]}`, tricky[1], `'${tricky[2]}`, `'${tricky[3]}`]);
      const row = cells[0]!;
      assert.deepEqual(row.slice(3, 9), ['Draft', '-1', '7', '0', '7', '0'], 'status, priority (a number, never guarded), purchased, delivered, remaining, %');
      assert.equal(row[10], '2099-01-31');
      assert.equal(row[9], '');
      const keyed = await c.admin.orders.exportCsv({ clientId: c.b.client, search: String(stamp) }, { header: 'key', bom: true });
      assert.deepEqual([...new Uint8Array(await keyed.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      assert.ok((await keyed.text()).startsWith('order_number,client_name,name,'));
      const german = await (await c.admin.orders.exportCsv({ clientId: c.b.client, search: String(stamp) }, { labels: { order_number: 'Auftragsnummer' } })).text();
      assert.ok(german.startsWith('Auftragsnummer,Client,'));
      await expectCode(c.admin.orders.exportCsv({ status: 'Open' as never }), 'invalid_input');
    });
  });
}
