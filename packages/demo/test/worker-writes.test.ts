// The demo database worker's write path, on a real PGlite in Node: what reaches the file system's
// sync (IndexedDB in a browser) and when. Counting `fs.syncToFs` calls stands in for IndexedDB,
// which Node does not have; the queries, transactions and transaction ids are PostgreSQL's own.
import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { afterQuiet } from '../src/database/after-quiet.js';
import { durableWrites } from '../src/database/durable-writes.js';

describe('durable writes', () => {
  let pglite: PGlite;
  let syncs = 0;
  before(async () => {
    const raw = await PGlite.create('memory://', { relaxedDurability: true });
    const fs = (raw as unknown as { fs: { syncToFs(relaxed?: boolean): Promise<void> } }).fs;
    fs.syncToFs = async () => {
      syncs += 1;
    };
    pglite = durableWrites(raw as never).pglite as unknown as PGlite;
    await pglite.exec('create table notes (id int primary key, body text)');
  });
  after(() => pglite.close());

  test('reads copy no files: only a transaction that wrote is synced', async () => {
    const before = syncs;
    for (let i = 0; i < 5; i++) await pglite.query('select count(*) from notes');
    await pglite.transaction(async (tx) => {
      await tx.query('select * from notes');
    });
    assert.equal(syncs, before, 'a read synced the file system');
  });

  test('a write is answered only after its files were synced', async () => {
    const before = syncs;
    await pglite.query('insert into notes values (1, $1)', ['kept']);
    assert.ok(syncs > before, 'the insert was answered before any sync');
    const afterInsert = syncs;
    await pglite.transaction(async (tx) => {
      await tx.query('update notes set body = $1 where id = 1', ['changed']);
    });
    assert.ok(syncs > afterInsert, 'the transaction was answered before any sync');
  });
});

describe('afterQuiet', () => {
  /** An exchange the test finishes by hand. */
  function fakeExchanges() {
    const pending: (() => void)[] = [];
    return {
      pending,
      execProtocolStream: (_message: Uint8Array) => new Promise<unknown[]>((resolve) => pending.push(() => resolve([]))),
    };
  }
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

  test('runs the task once nothing was asked for the quiet period, never during an exchange', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const db = fakeExchanges();
      let runs = 0;
      afterQuiet(db, () => void (runs += 1), { quietMs: 250, firstQuietMs: 1500 });
      mock.timers.tick(1000);
      const answer = db.execProtocolStream(new Uint8Array());
      mock.timers.tick(5000);
      assert.equal(runs, 0, 'ran while an exchange was in flight');
      db.pending.shift()!();
      await answer;
      await flush();
      mock.timers.tick(249);
      assert.equal(runs, 0, 'ran before the quiet period after the last exchange');
      mock.timers.tick(1);
      assert.equal(runs, 1);
      void db.execProtocolStream(new Uint8Array());
      db.pending.shift()!();
      await flush();
      mock.timers.tick(10_000);
      assert.equal(runs, 1, 'ran a second time');
    } finally {
      mock.timers.reset();
    }
  });

  test('with no exchange at all, runs after the first quiet period', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let runs = 0;
      afterQuiet(fakeExchanges(), () => void (runs += 1), { quietMs: 250, firstQuietMs: 1500 });
      mock.timers.tick(1499);
      assert.equal(runs, 0);
      mock.timers.tick(1);
      assert.equal(runs, 1);
    } finally {
      mock.timers.reset();
    }
  });
});
