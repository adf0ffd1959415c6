import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { claimsFor, type Identity } from '../../src/index.js';

/**
 * One open transaction on its own server connection, acting as `who` the way PostgREST does.
 * Tests drive two of these step by step to interleave writers exactly; only the real server
 * has them (PGlite is a single session, so nothing can wait there).
 */
export interface Session {
  pid: number;
  query<Row = any>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Starts a statement without waiting for it; settle it with `await`. Never rejects unobserved. */
  start<Row = any>(sql: string, params?: unknown[]): Promise<{ rows?: Row[]; error?: any }>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  release(): void;
}

export async function openSession(pool: pg.Pool, who: Identity): Promise<Session> {
  const client = await pool.connect();
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  await client.query('begin');
  await client.query(`set local role ${who.role}`);
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claimsFor(who))]);
  const query = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows;
  return {
    pid,
    query,
    start: (sql, params = []) => query(sql, params).then((rows) => ({ rows }), (error) => ({ error })),
    commit: async () => void (await client.query('commit')),
    rollback: async () => void (await client.query('rollback')),
    release: () => client.release(),
  };
}

/**
 * Resolves once the backend `pid` is waiting for a lock (seen in pg_locks as not granted);
 * rejects when `statement` (the one expected to wait) settles first.
 * Polls: the machine is busy, so there is no fixed time after which the wait must have begun;
 * it gives up only after `limitMs` (60 s), far beyond any plausible start-up delay.
 */
export async function waitUntilBlocked(
  pool: pg.Pool,
  pid: number,
  statement?: Promise<unknown>,
  limitMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  let settled = false;
  void statement?.then(() => (settled = true));
  for (;;) {
    // A statement that finished without waiting decided without the lock: that is the fault itself.
    if (settled) throw new Error(`backend ${pid} finished its statement without waiting for the lock`);
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from pg_locks where pid = $1 and not granted', [pid]);
    if (rows[0]!.n > 0) return;
    if (Date.now() > deadline) throw new Error(`backend ${pid} never waited for a lock`);
    await sleep(20);
  }
}
