import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addOrder, rpc, seedWorld, type World } from './support/world.js';

onEveryBackend('preview_order_number and is_order_number_available', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  const year = () => new Date().getUTCFullYear();

  test('the preview is the number the next automatic order gets, and previewing takes nothing', async () => {
    const { db } = backend();
    const first = (await rpc(db, w.admin, 'preview_order_number')).order_number;
    assert.match(first, new RegExp(`^ORD-${year()}-\\d{3,}$`));
    assert.equal((await rpc(db, w.admin, 'preview_order_number')).order_number, first, 'a preview does not draw');
    const order = await addOrder(db, w, w.clientIdA, 5);
    assert.equal(order.order_number, first);
    assert.notEqual((await rpc(db, w.admin, 'preview_order_number')).order_number, first);
  });

  test('the preview skips a number already taken by hand, as the counter does', async () => {
    const { db } = backend();
    const next = (await rpc(db, w.admin, 'preview_order_number')).order_number;
    const n = Number(next.split('-')[2]);
    const after = `ORD-${year()}-${String(n + 1).padStart(3, '0')}`;
    await addOrder(db, w, w.clientIdA, 5, { p_order_number: next });
    const preview = (await rpc(db, w.admin, 'preview_order_number')).order_number;
    assert.equal(preview, after);
    assert.equal((await addOrder(db, w, w.clientIdA, 5)).order_number, preview);
  });

  test('a number is available until an order has it, compared trimmed as orders store it', async () => {
    const { db } = backend();
    const number = `MANUAL-${w.adminId.slice(0, 8)}`;
    assert.deepEqual(await rpc(db, w.admin, 'is_order_number_available', { p_order_number: number }), { order_number: number, available: true });
    await addOrder(db, w, w.clientIdB, 5, { p_order_number: number });
    assert.equal((await rpc(db, w.admin, 'is_order_number_available', { p_order_number: `  ${number} ` })).available, false);
    assert.equal((await rpc(db, w.admin, 'is_order_number_available', { p_order_number: number.toLowerCase() })).available, true, 'numbers are case-sensitive, as the unique index is');
  });

  test('only admins may ask; blank or overlong numbers are invalid_input', async () => {
    const { db } = backend();
    for (const client of [w.clientA, w.clientB]) {
      await rejectsWith(rpc(db, client, 'preview_order_number'), 'forbidden');
      await rejectsWith(rpc(db, client, 'is_order_number_available', { p_order_number: 'X-1' }), 'forbidden');
    }
    for (const bad of [null, '', '   ', 'x'.repeat(101)]) {
      await rejectsWith(rpc(db, w.admin, 'is_order_number_available', { p_order_number: bad }), 'invalid_input');
    }
  });

  test('a number longer than an order can hold (40 characters after trimming) is invalid_input, not available', async () => {
    const { db } = backend();
    const longest = `L-${w.adminId.slice(0, 8)}-`.padEnd(40, 'x');
    assert.equal((await rpc(db, w.admin, 'is_order_number_available', { p_order_number: `  ${longest}  ` })).available, true);
    assert.equal((await addOrder(db, w, w.clientIdA, 5, { p_order_number: longest })).order_number, longest);
    const error = await rejectsWith(rpc(db, w.admin, 'is_order_number_available', { p_order_number: `${longest}y` }), 'invalid_input');
    assert.equal(JSON.parse(error.detail).max_length, 40);
    await rejectsWith(addOrder(db, w, w.clientIdA, 5, { p_order_number: `${longest}y` }), 'invalid_input');
  });
});
