// One contract suite for every transport that runs here (PGlite in Node, node-postgres on a real
// server): every method, every error code the SDK can reach, abort, pagination across pages and
// live updates, as an admin and as two different clients.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseErrors } from '@lead-orders/db';
import {
  createOrderTracking,
  orderSorts,
  type Order,
  type OrderChange,
  type OrderSort,
  type OrderTracking,
  type OrderTrackingErrorCode,
} from '../../src/index.js';
import type { DemoUsers, Identity, SqlTransport } from '../../src/pglite.js';
import { rejection } from '../helpers/rejection.js';
import { pagesContract } from './pages.js';

export interface Harness {
  users: DemoUsers;
  /** A fresh transport acting as `identity`, on the same database. */
  transportAs(identity: Identity): Promise<SqlTransport>;
  /** Runs SQL as the database owner (seeding leads, as the agency's own import would). */
  owner(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Resolves once every transaction the SDK started has ended (committed or rolled back). */
  settled(): Promise<void>;
  /** A transport whose database cannot be reached, when the backend can simulate that. */
  unreachable?: () => SqlTransport;
  close(): Promise<void>;
}

/** Codes the SDK's methods cannot cause: they guard direct table writes the SDK never makes. */
export const notReachableThroughSdk: OrderTrackingErrorCode[] = ['profile_locked', 'delivered_count_read_only', 'order_client_immutable'];

const as = (user: { id: string; email: string }): Identity => ({ role: 'authenticated', userId: user.id, email: user.email });

export function contractSuite(name: string, start: () => Promise<Harness>, capabilities: { network: boolean }): void {
  describe(`contract: ${name}`, () => {
    let h: Harness;
    let admin: OrderTracking;
    let clientA: OrderTracking;
    let clientB: OrderTracking;
    let anon: OrderTracking;
    let a: { client: string; user: DemoUsers['clientA'] };
    let b: { client: string; user: DemoUsers['clientB'] };
    const reached = new Set<OrderTrackingErrorCode>();
    const expectCode = async (promise: Promise<unknown>, code: OrderTrackingErrorCode) => {
      const error = await rejection(promise);
      assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
      reached.add(code);
      return error;
    };
    const newLead = async (clientId: string | null, status = 'Approved', company = 'Contract Test Co') =>
      String((await h.owner('insert into public.leads (company_name, status, client_id) values ($1, $2, $3) returning id', [company, status, clientId]))[0]!.id);
    const activeOrder = async (clientId: string, leads_purchased: number, extra: Record<string, unknown> = {}) =>
      admin.orders.create({ client_id: clientId, leads_purchased, status: 'Active', ...extra });

    before(async () => {
      h = await start();
      a = { client: h.users.clientA.client_id!, user: h.users.clientA };
      b = { client: h.users.clientB.client_id!, user: h.users.clientB };
      admin = createOrderTracking({ transport: await h.transportAs(as(h.users.admin)) });
      clientA = createOrderTracking({ transport: await h.transportAs(as(a.user)) });
      clientB = createOrderTracking({ transport: await h.transportAs(as(b.user)) });
      anon = createOrderTracking({ transport: await h.transportAs({ role: 'anon' }) });
    });
    after(async () => {
      await h?.close();
    });

    describe('reads', () => {
      test('an admin sees every client; each client only its own orders', async () => {
        const all = await admin.orders.list({ limit: 500 });
        const mine = await clientA.orders.list({ limit: 500 });
        const theirs = await clientB.orders.list({ limit: 500 });
        assert.ok(mine.items.length > 0 && theirs.items.length > 0);
        assert.ok(mine.items.every((o) => o.client_id === a.client));
        assert.ok(theirs.items.every((o) => o.client_id === b.client));
        assert.ok(new Set(all.items.map((o) => o.client_id)).size > 2);
        const allIds = new Set(all.items.map((o) => o.id));
        assert.ok(mine.items.every((o) => allIds.has(o.id)));
      });

      test('pages walk every order exactly once, in the database order', async () => {
        const whole = (await admin.orders.list({ limit: 500 })).items.map((o) => o.id);
        const seen: string[] = [];
        let pages = 0;
        for await (const page of admin.orders.pages({ limit: 4 })) {
          pages++;
          assert.ok(page.items.length <= 4);
          seen.push(...page.items.map((o) => o.id));
        }
        assert.ok(pages >= 3, `expected several pages, got ${pages}`);
        assert.deepEqual(seen, whole);
        const manual = await admin.orders.list({ limit: 4 });
        const second = await admin.orders.list({ limit: 4, cursor: manual.next_cursor });
        assert.deepEqual(second.items.map((o) => o.id), whole.slice(4, 8));
      });

      test('every sort pages through every order once, in its own order; a cursor only continues its sort', async () => {
        const everyId = (await admin.orders.list({ limit: 500 })).items.map((o) => o.id).sort();
        const day = (o: Order) => o.target_delivery_date ?? '9999-12-31';
        const share = (o: Order) => o.leads_delivered / Math.max(o.leads_purchased, 1);
        // Each sort's leading keys, as the database documents them; ties are broken by id.
        const inOrder: Record<OrderSort, (x: Order, y: Order) => boolean> = {
          priority: (x, y) => x.priority > y.priority || (x.priority === y.priority && day(x) <= day(y)),
          target: (x, y) => day(x) < day(y) || (day(x) === day(y) && x.priority >= y.priority),
          progress: (x, y) => share(x) <= share(y),
          newest: (x, y) => Date.parse(x.created_at) >= Date.parse(y.created_at),
        };
        for (const sort of orderSorts) {
          const seen: Order[] = [];
          for await (const page of admin.orders.pages({ limit: 3, sort })) seen.push(...page.items);
          assert.deepEqual(seen.map((o) => o.id).sort(), everyId, `${sort}: every order exactly once`);
          seen.slice(1).forEach((o, i) => assert.ok(inOrder[sort](seen[i]!, o), `${sort}: ${seen[i]!.order_number} before ${o.order_number}`));
          assert.deepEqual(seen.map((o) => o.id), (await admin.orders.list({ limit: 500, sort })).items.map((o) => o.id));
        }
        const byTarget = await admin.orders.list({ limit: 2, sort: 'target' });
        assert.notEqual(byTarget.next_cursor, null);
        await expectCode(admin.orders.list({ limit: 2, sort: 'newest', cursor: byTarget.next_cursor }), 'invalid_cursor');
        await expectCode(admin.orders.list({ limit: 2, cursor: byTarget.next_cursor }), 'invalid_cursor');
      });

      test('filters: client, status (one or many), search', async () => {
        const active = await admin.orders.list({ status: 'Active', limit: 500 });
        assert.ok(active.items.length > 0 && active.items.every((o) => o.status === 'Active'));
        const closed = await admin.orders.list({ status: ['Completed', 'Cancelled'], limit: 500 });
        assert.ok(closed.items.every((o) => o.status === 'Completed' || o.status === 'Cancelled'));
        const forA = await admin.orders.list({ clientId: a.client, limit: 500 });
        assert.deepEqual(forA.items.map((o) => o.id).sort(), (await clientA.orders.list({ limit: 500 })).items.map((o) => o.id).sort());
        const target = forA.items[0]!;
        const found = await admin.orders.list({ search: target.order_number, limit: 500 });
        assert.ok(found.items.some((o) => o.id === target.id));
      });

      test('orders.get returns the order, its leads and its timeline; another client cannot see it', async () => {
        const [order] = (await clientA.orders.list({ limit: 1 })).items as [Order];
        const details = await clientA.orders.get(order.id, { leadLimit: 3, timelineLimit: 2 });
        assert.equal(details.order.id, order.id);
        assert.ok(details.leads.length <= 3 && details.leads.every((l) => l.order_id === order.id));
        assert.ok(details.timeline.length <= 2 && details.timeline.every((e) => e.order_id === order.id));
        await expectCode(clientB.orders.get(order.id), 'order_not_found');
      });

      test('stats: a client sees its own numbers, the admin the sum of everything', async () => {
        const everything = await admin.stats();
        const mine = await clientA.stats();
        const forA = await admin.stats(a.client);
        assert.deepEqual(mine, forA);
        assert.ok(everything.orders_total > mine.orders_total);
        assert.equal(everything.orders_total, Object.values(everything.by_status).reduce((x, y) => x + y, 0));
      });

      test('orders.available: Active orders of the client with room left', async () => {
        const available = await admin.orders.available(a.client);
        assert.ok(available.length > 0);
        assert.ok(available.every((o) => o.client_id === a.client && o.status === 'Active' && o.leads_remaining > 0));
        assert.deepEqual((await clientA.orders.available(a.client)).map((o) => o.id), available.map((o) => o.id));
      });
    });

    describe('writes', () => {
      test('create, update and every status shortcut', async () => {
        const created = await admin.orders.create({ client_id: a.client, leads_purchased: 10, name: 'Contract order', target_delivery_date: '2099-01-31' });
        assert.equal(created.status, 'Draft');
        assert.match(created.order_number, /^ORD-\d{4}-\d{3,}$/);
        assert.equal(created.client_name !== null, true);
        const renamed = await admin.orders.update(created.id, { name: 'Renamed', leads_purchased: 12, priority: 5 });
        assert.deepEqual([renamed.name, renamed.leads_purchased, renamed.priority], ['Renamed', 12, 5]);
        assert.equal((await admin.orders.activate(created.id)).status, 'Active');
        assert.equal((await admin.orders.pause(created.id)).status, 'Paused');
        assert.equal((await admin.orders.resume(created.id)).status, 'Active');
        const completed = await admin.orders.complete(created.id);
        assert.equal(completed.status, 'Completed');
        assert.ok(completed.completion_date);
        const other = await admin.orders.create({ client_id: b.client, leads_purchased: 3 });
        assert.equal((await admin.orders.cancel(other.id)).status, 'Cancelled');
        const details = await admin.orders.get(created.id);
        const kinds = details.timeline.map((e) => e.event_type);
        assert.ok(kinds.includes('created') && kinds.includes('status_changed') && kinds.includes('quantity_changed'));
      });

      test('assigning leads moves the counts, and an order that fills up completes', async () => {
        const order = await activeOrder(a.client, 2);
        const lead1 = await newLead(a.client);
        const first = await admin.leads.assignToOrder(lead1, order.id);
        assert.equal(first.lead.order_id, order.id);
        assert.equal(first.order!.leads_delivered, 1);
        assert.equal(first.previous_order, null);
        const lead2 = await newLead(a.client);
        const second = await admin.leads.assignToOrder(lead2, order.id);
        assert.equal(second.order!.status, 'Completed');
        const out = await admin.leads.assignToOrder(lead2, null);
        assert.equal(out.order, null);
        assert.equal(out.previous_order!.leads_delivered, 1);
        assert.equal(out.previous_order!.status, 'Active');
        assert.equal(out.lead.order_id, null);
      });

      test('assignMany puts leads in one order, all or nothing', async () => {
        const order = await activeOrder(a.client, 3);
        const leads = [await newLead(a.client), await newLead(a.client)];
        const result = await admin.leads.assignMany(leads, order.id);
        assert.equal(result.order.leads_delivered, 2);
        assert.deepEqual(result.leads.map((l) => l.order_id), [order.id, order.id]);
        const more = [await newLead(a.client), await newLead(a.client)];
        await expectCode(admin.leads.assignMany(more, order.id), 'order_full');
        const after = await admin.orders.get(order.id);
        assert.equal(after.order.leads_delivered, 2, 'nothing of the refused batch was applied');
      });

      test('assignToClient gives a lead to a client and optionally to its order', async () => {
        const order = await activeOrder(b.client, 5);
        const lead = await newLead(null);
        const toClient = await admin.leads.assignToClient(lead, b.client);
        assert.equal(toClient.lead.client_id, b.client);
        assert.equal(toClient.lead.order_id, null);
        const toOrder = await admin.leads.assignToClient(lead, b.client, order.id);
        assert.equal(toOrder.lead.order_id, order.id);
        assert.equal(toOrder.order!.leads_delivered, 1);
      });

      test('clients cannot write', async () => {
        const [order] = (await clientA.orders.list({ limit: 1 })).items as [Order];
        await expectCode(clientA.orders.create({ client_id: a.client, leads_purchased: 5 }), 'forbidden');
        await expectCode(clientA.orders.pause(order.id), 'forbidden');
        await expectCode(clientB.leads.assignToOrder(await newLead(b.client), order.id), 'forbidden');
      });
    });

    pagesContract(() => ({ h, admin, clientA, clientB, anon, a, b }));

    describe('errors', () => {
      test('every database refusal the SDK can cause comes back with its code', async () => {
        const order = await activeOrder(a.client, 1, { order_number: `CT-${Date.now()}` });
        const draft = await admin.orders.create({ client_id: a.client, leads_purchased: 5 });
        const orderB = await activeOrder(b.client, 5);
        const missing = '00000000-0000-4000-8000-000000000000';
        await expectCode(admin.orders.list({ limit: 0 }), 'invalid_input');
        await expectCode(admin.orders.list({ cursor: 'not-a-cursor' }), 'invalid_cursor');
        // @ts-expect-error leads_delivered is not a changeable field; the database names the refusal
        await expectCode(admin.orders.update(order.id, { leads_delivered: 1 }), 'unknown_field');
        await expectCode(admin.orders.create({ client_id: a.client, leads_purchased: 0 }), 'invalid_quantity');
        await expectCode(admin.orders.create({ client_id: a.client, leads_purchased: 5, start_date: '2099-02-01', target_delivery_date: '2099-01-01' }), 'invalid_dates');
        await expectCode(clientA.orders.create({ client_id: a.client, leads_purchased: 5 }), 'forbidden');
        await expectCode(admin.orders.create({ client_id: missing, leads_purchased: 5 }), 'client_not_found');
        await expectCode(admin.orders.get(missing), 'order_not_found');
        await expectCode(admin.leads.assignToOrder(missing, order.id), 'lead_not_found');
        await expectCode(admin.orders.create({ client_id: a.client, leads_purchased: 5, order_number: order.order_number }), 'order_number_taken');
        const lead = await newLead(a.client);
        await admin.leads.assignToOrder(lead, order.id); // fills the one-lead order and completes it
        await expectCode(admin.orders.update(draft.id, { status: 'Completed' }), 'invalid_status_transition');
        const roomy = await activeOrder(a.client, 5);
        await admin.leads.assignToOrder(await newLead(a.client), roomy.id);
        await admin.leads.assignToOrder(await newLead(a.client), roomy.id);
        await expectCode(admin.orders.update(roomy.id, { leads_purchased: 1 }), 'quantity_below_delivered');
        await expectCode(admin.leads.assignToOrder(await newLead(a.client), draft.id), 'order_not_active');
        await expectCode(admin.leads.assignToOrder(await newLead(a.client), orderB.id), 'lead_client_mismatch');
        const roomyFull = await activeOrder(a.client, 2);
        await admin.leads.assignToOrder(await newLead(a.client, 'New'), roomyFull.id);
        await admin.leads.assignMany([await newLead(a.client, 'Approved')], roomyFull.id);
        await expectCode(admin.leads.assignMany([await newLead(a.client, 'Approved'), await newLead(a.client, 'Approved')], roomyFull.id), 'order_full');
      });

      test('a serialization failure or a deadlock is conflict, retryable, and applies nothing', async () => {
        const order = await activeOrder(a.client, 5, { name: 'Conflict target' });
        // The database raises these when it picks a transaction to give up on; a trigger raises
        // the same SQLSTATEs on demand so each one travels the real transport.
        await h.owner(`create function public.test_conflict() returns trigger language plpgsql as $$
          begin
            if new.name like 'conflict %' then raise exception 'simulated' using errcode = substr(new.name, 10); end if;
            return new;
          end $$`);
        await h.owner('create trigger test_conflict before update on public.orders for each row execute function public.test_conflict()');
        try {
          for (const state of ['40001', '40P01']) {
            const error = await expectCode(admin.orders.update(order.id, { name: `conflict ${state}`, priority: 7 }), 'conflict');
            assert.equal(error.retryable, true, state);
          }
        } finally {
          await h.owner('drop trigger test_conflict on public.orders');
          await h.owner('drop function public.test_conflict()');
        }
        const after = (await admin.orders.get(order.id)).order;
        assert.deepEqual([after.name, after.priority], ['Conflict target', 0]);
      });

      test('every bound the SDK checks is one the database accepts at its edge', async () => {
        // 200 characters of 2 UTF-16 code units each: both sides count characters.
        const name = '😀'.repeat(200);
        const order_number = `B${Date.now()}`.padEnd(40, '0');
        const created = await admin.orders.create({
          client_id: a.client, leads_purchased: 5, priority: 1000, name, description: 'é'.repeat(10_000), order_number,
        });
        assert.deepEqual([created.name, created.description?.length, created.order_number, created.priority], [name, 10_000, order_number, 1000]);
        assert.equal((await admin.orders.update(created.id, { priority: -1000 })).priority, -1000);
        assert.ok((await admin.orders.list({ search: 's'.repeat(200), limit: 500 })).items.length >= 0);
        assert.equal((await admin.orders.get(created.id, { leadLimit: 1000, timelineLimit: 1000 })).order.id, created.id);
      });

      test('changes with an own __proto__ key are refused whole: nothing of them is applied', async () => {
        const order = await activeOrder(a.client, 5, { name: 'Keep me' });
        const changes = { ['__proto__']: { status: 'Cancelled' }, name: 'Changed' } as unknown as { name: string };
        const error = await expectCode(admin.orders.update(order.id, changes), 'unknown_field');
        assert.deepEqual(error.issues, [{ path: 'changes.__proto__', message: 'unknown field' }]);
        await expectCode(admin.orders.list({ clientID: a.client } as never), 'unknown_field');
        const after = (await admin.orders.get(order.id)).order;
        assert.deepEqual([after.name, after.status], ['Keep me', 'Active']);
      });

      test('no user: unauthenticated', async () => {
        await expectCode(anon.orders.list(), 'unauthenticated');
        await expectCode(anon.stats(), 'unauthenticated');
        await expectCode(anon.orders.create({ client_id: a.client, leads_purchased: 1 }), 'unauthenticated');
      });

      test('bad input never reaches the database', async () => {
        const error = await expectCode(admin.orders.get('nope'), 'invalid_input');
        assert.deepEqual(error.issues, [{ path: 'orderId', message: 'expected a uuid' }]);
      });

      test('an aborted signal rejects with aborted; an aborted write leaves nothing behind', async () => {
        await expectCode(admin.orders.list({}, { signal: AbortSignal.abort() }), 'aborted');
        await expectCode(admin.orders.create({ client_id: b.client, leads_purchased: 4 }, { signal: AbortSignal.abort() }), 'aborted');
        const before = (await admin.orders.list({ clientId: b.client, limit: 500 })).items.length;
        const controller = new AbortController();
        const pending = admin.orders.create({ client_id: b.client, leads_purchased: 4 }, { signal: controller.signal });
        controller.abort();
        await expectCode(pending, 'aborted');
        await h.settled();
        assert.equal((await admin.orders.list({ clientId: b.client, limit: 500 })).items.length, before);
      });

      test('a write rejected with aborted never commits, whenever the signal fires; one that may have says outcome_unknown', async () => {
        const outcomes = { aborted: 0, outcome_unknown: 0, created: 0 };
        const abortedNumbers: string[] = [];
        const leads = await Promise.all(Array.from({ length: 8 }, () => newLead(a.client)));
        const bulkTarget = await activeOrder(a.client, 100);
        for (let trial = 0; trial < 40; trial++) {
          const order_number = `ABORT-${trial}-${Date.now()}`;
          const controller = new AbortController();
          const pending = trial % 4 === 3
            ? admin.leads.assignMany([leads[trial % leads.length]!], bulkTarget.id, { signal: controller.signal })
            : admin.orders.create({ client_id: a.client, leads_purchased: 3, order_number }, { signal: controller.signal });
          // Fire the signal at a spread of moments: before the transaction starts, during the
          // statement, around COMMIT, and after.
          const wait = trial % 10;
          if (wait === 0) queueMicrotask(() => controller.abort());
          else setTimeout(() => controller.abort(), wait - 1);
          try {
            await pending;
            outcomes.created++;
          } catch (error) {
            const code = (error as { code?: string }).code;
            assert.ok(code === 'aborted' || code === 'outcome_unknown', `unexpected ${String(code)}`);
            outcomes[code]++;
            if (code === 'aborted' && trial % 4 !== 3) abortedNumbers.push(order_number);
          }
        }
        await h.settled();
        const rows = await h.owner('select order_number from public.orders where order_number = any($1::text[])', [abortedNumbers]);
        assert.deepEqual(rows, [], 'an order whose create rejected with aborted exists');
        assert.ok(outcomes.aborted > 0, `some writes were aborted: ${JSON.stringify(outcomes)}`);
      });

      test('an unreachable database is a network error (reads retried)', { skip: capabilities.network ? false : 'PGlite runs in-process: there is no connection to lose' }, async () => {
        const tracking = createOrderTracking({ transport: h.unreachable!(), retry: { retries: 1, delayMs: 1 } });
        await expectCode(tracking.orders.list(), 'network');
      });

      test('every database error code is reached, or listed as one the SDK cannot cause', () => {
        const all = Object.values(databaseErrors).map((e) => e.code);
        const missing = all.filter((code) => !reached.has(code) && !notReachableThroughSdk.includes(code));
        assert.deepEqual(missing, []);
        for (const code of ['invalid_input', 'unauthenticated', 'aborted', 'conflict'] as const) assert.ok(reached.has(code), code);
      });
    });

    describe('live updates', () => {
      const waitFor = async (check: () => boolean, what: string, ms = 3000) => {
        const until = Date.now() + ms;
        while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        assert.ok(check(), `timed out waiting for ${what}`);
      };
      const settle = () => new Promise((r) => setTimeout(r, 400));

      test("a client hears its order's count change within a second; the other client hears nothing", async () => {
        const order = await activeOrder(a.client, 10);
        const heardA: OrderChange[] = [];
        const heardB: OrderChange[] = [];
        const stopA = clientA.subscribe({ clientId: a.client }, (c) => heardA.push(c));
        const stopB = clientB.subscribe({ all: true }, (c) => heardB.push(c));
        await settle();
        const started = Date.now();
        await admin.leads.assignToOrder(await newLead(a.client), order.id);
        await waitFor(() => heardA.some((c) => c.type === 'update' && c.id === order.id && c.order.leads_delivered === 1), 'the update', 1000);
        const elapsed = Date.now() - started;
        await settle();
        stopA();
        stopB();
        assert.ok(elapsed < 1000, `took ${elapsed} ms`);
        assert.deepEqual(heardB, []);
      });

      test('the admin hears inserts; one order also delivers its timeline events; unsubscribe stops', async () => {
        const heard: OrderChange[] = [];
        const stop = admin.subscribe({ all: true }, (c) => heard.push(c));
        await settle();
        const created = await admin.orders.create({ client_id: b.client, leads_purchased: 4 });
        await waitFor(() => heard.some((c) => c.type === 'insert' && c.id === created.id), 'the insert');
        stop();

        const events: OrderChange[] = [];
        const stopOne = admin.subscribe({ orderId: created.id }, (c) => events.push(c));
        await settle();
        await admin.orders.activate(created.id);
        await waitFor(() => events.some((c) => c.type === 'event' && c.event.event_type === 'status_changed'), 'the status event');
        await waitFor(() => events.some((c) => c.type === 'update' && c.order.status === 'Active'), 'the row update');
        stopOne();
        const count = events.length;
        await admin.orders.pause(created.id);
        await settle();
        assert.equal(events.length, count);
      });

      test('switching the acting user changes what a subscription hears', async () => {
        const transport = await h.transportAs(as(a.user));
        const tracking = createOrderTracking({ transport });
        const heard: OrderChange[] = [];
        const stop = tracking.subscribe({ all: true }, (c) => heard.push(c));
        const orderB = await activeOrder(b.client, 5);
        await settle();
        transport.setIdentity(as(b.user));
        await settle();
        await admin.orders.pause(orderB.id);
        await waitFor(() => heard.some((c) => c.id === orderB.id && c.type === 'update'), "client B's change after switching");
        assert.ok(!heard.some((c) => c.type === 'delete'), 'switching users is not reported as deletions');
        assert.deepEqual(heard.filter((c) => c.type === 'resync'), [{ type: 'resync', id: null }], 'one resync: what is on screen is fetched again');
        stop();
      });

      test('after the subscription could not read for a while, subscribers get a resync and then changes again', async () => {
        const order = await activeOrder(a.client, 10);
        const heard: OrderChange[] = [];
        const errors: string[] = [];
        const stop = clientA.subscribe({ clientId: a.client }, (c) => heard.push(c), { onError: (e) => errors.push(e.code) });
        await settle();
        // The acting user loses the right to read orders: each check fails, as with a lost connection.
        await h.owner('revoke select on public.orders from authenticated');
        try {
          // A change made meanwhile (by the owner), which the subscription cannot read.
          await h.owner('update public.orders set priority = priority + 1 where id = $1', [order.id]);
          await waitFor(() => errors.length > 0, 'a failed check');
        } finally {
          await h.owner('grant select on public.orders to authenticated');
        }
        await admin.leads.assignToOrder(await newLead(a.client), order.id);
        await waitFor(() => heard.some((c) => c.type === 'resync'), 'the resync');
        await waitFor(() => heard.some((c) => c.type === 'update' && c.id === order.id && c.order.leads_delivered === 1), 'a change after recovering');
        assert.ok(errors.every((code) => code === 'forbidden' || code === 'unauthenticated' || code === 'unknown'), errors.join());
        stop();
      });
    });
  });
}
