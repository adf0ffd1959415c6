// `npm start`: a local PostgreSQL with the fixtures, the migrations and the demo data, kept in
// packages/db/.pgdata so it survives restarts. Runs until Ctrl-C.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fromPgPool } from './adapters/pg.js';
import { startEmbeddedPostgres } from './embedded-server.js';
import { applyMigrations } from './migration-runner.js';
import { readFixture, readMigrationsDir } from './sql-bundle-source.js';
import { buildDemoData, type DemoUser } from './demo-data.js';

const dataDir = fileURLToPath(new URL('../.pgdata/', import.meta.url));
// A fixed port keeps the printed URL valid across restarts; override when it is taken.
const port = Number(process.env.LEAD_ORDERS_PG_PORT ?? 54329);

async function main(): Promise<void> {
  let server;
  try {
    server = await startEmbeddedPostgres({ version: 17, dataDir, port });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL did not start on port ${port} (${reason}). Is the port taken? Set LEAD_ORDERS_PG_PORT to another port.`);
  }
  const { url } = server;

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping PostgreSQL …`);
    await pool.end().catch(() => undefined);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const db = fromPgPool(pool);
  const demo = buildDemoData();

  const { rows: [state] } = await pool.query<{ fixtures: boolean }>(
    `select to_regclass('public.leads') is not null as fixtures`,
  );
  if (!state!.fixtures) {
    console.log('Creating the stand-in Supabase schema and the agency schema …');
    await db.transaction(async (tx) => {
      await tx.exec(readFixture('supabase'));
      await tx.exec(readFixture('agency'));
    });
  }
  const applied = await applyMigrations(db, readMigrationsDir());
  for (const m of applied) console.log(`Applied migration ${m.version}_${m.name}`);

  const { rows: seeded } = await pool.query('select 1 from auth.users where id = $1', [demo.users.admin.id]);
  if (seeded.length === 0) {
    console.log('Loading the demo data …');
    await db.transaction((tx) => tx.exec(demo.sql));
  }

  printWelcome(url, demo.users);
}

function printWelcome(url: string, users: { admin: DemoUser; clientA: DemoUser; clientB: DemoUser }): void {
  const line = (label: string, u: DemoUser) =>
    `  ${label.padEnd(8)} ${u.id}  ${u.full_name} <${u.email}>${u.client_id ? `  client ${u.client_id}` : ''}`;
  console.log(`
PostgreSQL is running with the migrations and demo data.

  ${url}

Demo users (act as one the way PostgREST does, inside a transaction):
${line('admin', users.admin)}
${line('client A', users.clientA)}
${line('client B', users.clientB)}

  psql "${url}"
  begin;
  set local role authenticated;
  select set_config('request.jwt.claims', '{"role":"authenticated","sub":"${users.clientA.id}"}', true);
  select public.get_orders(p_limit => 5);
  commit;

Data lives in ${dataDir} (delete it to start over). Press Ctrl-C to stop.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
