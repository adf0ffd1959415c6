// What a subscription's check reads on the SQL transports (PGlite, node-postgres). Each check first
// asks the database for one row, the count and a checksum of the visible orders' row versions; only
// when that changed does it read every visible order's version to find what changed. Above 2,000
// visible orders it keeps no versions at all and tells a change as one `resync`. With 100,000
// orders that is one scan in the database instead of 100,000 rows copied into the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fromPglite, type SqlDatabase } from '@lead-orders/db';
import { createOrderTracking, type OrderChange } from '../src/index.js';
import { createPgliteTransport } from '../src/pglite.js';
import { resolveIdentity } from '../src/transports/setup.js';
import { createSqlTransport } from '../src/transports/sql.js';

/** Resolves once `condition()` holds, checking every few ms (no fixed wait). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 3000) throw new Error(`still waiting for ${what}`);
    await sleep(5);
  }
}

let main: Awaited<ReturnType<typeof createPgliteTransport>>;
before(async () => {
  main = await createPgliteTransport({ as: 'admin' });
});
after(() => main?.close());

/** The admin's subscription to every order, on a transport that counts what its checks read; `check()` runs one. */
function subscribeAll() {
  const base = fromPglite(main.pglite);
  const reads = { checksum: 0, versions: 0 };
  const counting: SqlDatabase = {
    ...base,
    transaction: (fn) =>
      base.transaction((tx) =>
        fn({
          ...tx,
          query: (sql, params) => {
            if (/hashtext\(o\.id::text/.test(sql)) reads.checksum++;
            if (/o\.xmin::text as v from/.test(sql)) reads.versions++;
            return tx.query(sql, params);
          },
        }),
      ),
  };
  let check = () => {};
  const transport = createSqlTransport({
    db: counting,
    identity: resolveIdentity('admin', main.users),
    watch: (changed) => {
      check = changed;
      return () => {};
    },
  });
  const heard: OrderChange[] = [];
  const stop = createOrderTracking({ transport }).subscribe({ all: true }, (change) => heard.push(change));
  return { reads, heard, stop, check: () => check() };
}

const firstOrderId = async () => (await main.pglite.query<{ id: string }>('select id from public.orders order by id limit 1')).rows[0]!.id;

test('a check reads every order version only when the count or checksum of the visible versions changed', async () => {
  const { reads, heard, stop, check } = subscribeAll();
  await until(() => reads.checksum === 1 && reads.versions === 1, 'the first check (the baseline)');
  check();
  await until(() => reads.checksum === 2, 'a second check');
  check();
  await until(() => reads.checksum === 3, 'a third check');
  // Let a check that wrongly went on to read the versions finish before counting.
  await main.pglite.query('select 1');
  assert.equal(reads.versions, 1, 'nothing changed: the versions were not read again');
  assert.deepEqual(heard, []);

  const id = await firstOrderId();
  await main.pglite.query('update public.orders set priority = priority + 1 where id = $1', [id]);
  check();
  await until(() => heard.length > 0, 'the change to be heard');
  assert.equal(reads.versions, 2);
  assert.deepEqual(heard.map((c) => [c.type, c.id]), [['update', id]]);
  stop();
});

test('over 2,000 visible orders no version is read: a change is one resync', async () => {
  const { rows } = await main.pglite.query<{ id: string }>('select id from public.clients order by id limit 1');
  await main.pglite.query(
    `insert into public.orders (client_id, order_number, leads_purchased, status)
     select $1, 'BULK-' || g, 10, 'Draft' from generate_series(1, 2001) g`,
    [rows[0]!.id],
  );
  const { reads, heard, stop, check } = subscribeAll();
  await until(() => reads.checksum === 1, 'the first check');
  await main.pglite.query('select 1');
  assert.equal(reads.versions, 0, 'no baseline of every order');
  check();
  await until(() => reads.checksum === 2, 'a second check');
  await main.pglite.query('select 1');
  assert.deepEqual(heard, [], 'nothing changed, nothing told');

  await main.pglite.query('update public.orders set priority = priority + 1 where id = $1', [await firstOrderId()]);
  check();
  await until(() => heard.length > 0, 'the change to be told');
  assert.deepEqual(heard, [{ type: 'resync', id: null }]);
  assert.equal(reads.versions, 0);

  // Back under the limit: a resync for the change, then a new baseline, then row by row again.
  await main.pglite.query(`delete from public.orders where order_number like 'BULK-%'`);
  check();
  await until(() => heard.length > 1, 'the deletions to be told');
  assert.deepEqual(heard[1], { type: 'resync', id: null });
  assert.equal(reads.versions, 1);
  const id = await firstOrderId();
  await main.pglite.query('update public.orders set priority = priority - 1 where id = $1', [id]);
  check();
  await until(() => heard.length > 2, 'the next change to be heard');
  assert.deepEqual(heard.slice(2).map((c) => [c.type, c.id]), [['update', id]]);
  stop();
});
