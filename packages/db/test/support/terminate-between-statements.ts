// Run as its own process by pg-lost-connection.test.ts, so that an unhandled 'error' event shows
// as what it is for a host (the migration CLI, the demo server): the process ends. Opens a
// transaction through `fromPgPool`, has the server terminate its connection while no statement
// runs, waits until node-postgres has seen the connection close, then tries the next statement.
// Prints one JSON line: whether the transaction was rejected, and what the pool answers next.
import pg from 'pg';
import { fromPgPool } from '../../src/node.js';

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const owner = new pg.Client({ connectionString: url });
await owner.connect();
const db = fromPgPool(pool);
let rejected = false;
try {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
    await owner.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    while ((await owner.query('select 1 from pg_stat_activity where pid = $1', [rows[0]!.pid])).rows.length > 0) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // The server has closed the connection; give node-postgres the turn to read that.
    await new Promise((r) => setImmediate(r));
    await tx.query('select 1');
  });
} catch {
  rejected = true;
}
const next = (await db.query<{ one: number }>('select 1 as one')).rows[0]!.one;
const inTransaction = (await db.transaction((tx) => tx.query<{ one: number }>('select 1 as one'))).rows[0]!.one;
console.log(JSON.stringify({ rejected, next, inTransaction }));
await owner.end();
await pool.end();
