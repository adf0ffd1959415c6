import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { onEveryBackend } from './support/backends.js';
import { rejectsWith } from './support/errors.js';
import { addOrder, orderRow, queryAs, rpc, seedWorld, type World } from './support/world.js';

/**
 * Order numbers and names are labels: text that reorders what surrounds it (bidirectional
 * embeddings, overrides and isolates) is refused, whichever way the label arrives; right-to-left
 * names and their implicit marks are kept.
 */
onEveryBackend('order labels without bidirectional controls', (backend) => {
  let w: World;
  before(async () => {
    w = await seedWorld(backend().db);
  });

  const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  test('a number or name with a bidirectional control is invalid_input on its field, through the functions and directly', async () => {
    const { db } = backend();
    const order = await addOrder(db, w, w.clientIdA, 5, { p_name: 'Plain' });
    for (const control of controls) {
      const code = control.codePointAt(0)!.toString(16);
      const onNumber = await rejectsWith(
        rpc(db, w.admin, 'create_order', { p_client_id: w.clientIdA, p_leads_purchased: 5, p_order_number: `ORD-${control}1` }),
        'invalid_input',
      );
      assert.equal(JSON.parse(onNumber.detail).field, 'order_number', code);
      const onName = await rejectsWith(rpc(db, w.admin, 'update_order', { p_order_id: order.id, p_changes: { name: `Evil${control}gnp.exe` } }), 'invalid_input');
      assert.equal(JSON.parse(onName.detail).field, 'name', code);
      await rejectsWith(queryAs(db, w.admin, 'update public.orders set name = $2 where id = $1', [order.id, `x${control}y`]), 'invalid_input');
    }
    assert.equal((await orderRow(db, order.id)).name, 'Plain', 'nothing was changed');
  });

  test('right-to-left names, their implicit marks and descriptions are kept as written', async () => {
    const { db } = backend();
    const name = 'طلب\u200F الشتاء \u200E2026';
    const description = `Quoted as sent: \u202Eevil\u202C`;
    const order = await addOrder(db, w, w.clientIdA, 5, { p_name: name, p_description: description, p_order_number: 'ORD-عربي-1' });
    const row = await orderRow(db, order.id);
    assert.equal(row.name, name);
    assert.equal(row.description, description);
    assert.equal(row.order_number, 'ORD-عربي-1');
  });
});
