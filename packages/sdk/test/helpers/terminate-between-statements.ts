// Run as its own process by pg-in-flight.test.ts, so that an unhandled 'error' event shows as
// what it is for a host: the process ends. Opens a transaction through the pool wrapper the SDK's pg transport uses,
// has the server terminate its connection while no statement runs, waits until node-postgres has
// seen the connection close, then tries the next statement. Prints one JSON line.
import pg from 'pg';
import { fromPgPool, isConnectionFailure } from '@lead-orders/db/pg';

const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const owner = new pg.Client({ connectionString: url });
await owner.connect();
let failure: unknown;
try {
  await fromPgPool(pool).transaction(async (tx) => {
    const { rows } = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
    await owner.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
    while ((await owner.query('select 1 from pg_stat_activity where pid = $1', [rows[0]!.pid])).rows.length > 0) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // The server has closed the connection; give node-postgres the turn to read that.
    await new Promise((r) => setImmediate(r));
    await tx.query('select 1');
  });
} catch (error) {
  failure = error;
}
const next = (await pool.query<{ one: number }>('select 1 as one')).rows[0]!.one;
console.log(JSON.stringify({ connectionFailure: isConnectionFailure(failure), next }));
await owner.end();
await pool.end();
