import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { addLeads, addOrder, queryAs, seedWorld, type World } from './support/world.js';

/**
 * completion_percentage (0–100, one decimal) never shows a state the order has not reached:
 * it is floored, so 100 means every purchased lead is delivered and 0 means none is.
 */
onEveryBackend('completion percentage', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  async function percentage(purchased: number, delivered: number): Promise<number> {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, purchased);
    if (delivered > 0) await addLeads(db, w.clientIdA, delivered, { orderId: order.id });
    const [row] = await queryAs(db, w.admin, 'select completion_percentage::text as p, status from public.order_summary where id = $1', [order.id]);
    return Number(row.p);
  }

  test('1,999 of 2,000 delivered is 99.9, not 100', async () => {
    assert.equal(await percentage(2000, 1999), 99.9);
  });

  test('one lead of 3,000 is 0, not rounded up to 0.1; full is exactly 100', async () => {
    assert.equal(await percentage(3000, 1), 0);
    assert.equal(await percentage(3, 3), 100);
    assert.equal(await percentage(3, 2), 66.6);
  });

  test('the value keeps one decimal place in JSON (what the SDK parses)', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 8);
    await addLeads(db, w.clientIdA, 7, { orderId: order.id });
    const [row] = await queryAs(db, w.admin, 'select to_jsonb(s) -> \'completion_percentage\' as p from public.order_summary s where id = $1', [order.id]);
    assert.equal(JSON.stringify(row.p), '87.5');
  });
});
