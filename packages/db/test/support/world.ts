import { randomUUID } from 'node:crypto';
import { actAs, type Identity, type SqlDatabase } from '../../src/index.js';

/** A small agency: one admin, two clients with their own users, one client with no user yet. */
export interface World {
  admin: Identity;
  clientA: Identity;
  clientB: Identity;
  anon: Identity;
  service: Identity;
  adminId: string;
  userA: string;
  userB: string;
  clientIdA: string;
  clientIdB: string;
  /** A client without a linked profile. */
  clientIdC: string;
}

export async function seedWorld(db: SqlDatabase): Promise<World> {
  const adminId = randomUUID();
  const userA = randomUUID();
  const userB = randomUUID();
  const clientIdA = randomUUID();
  const clientIdB = randomUUID();
  const clientIdC = randomUUID();
  const tag = adminId.slice(0, 8);
  await db.query('insert into auth.users (id, email) values ($1, $4), ($2, $5), ($3, $6)', [
    adminId, userA, userB, `admin-${tag}@agency.test`, `a-${tag}@client.test`, `b-${tag}@client.test`,
  ]);
  await db.query(
    `insert into public.profiles (id, email, full_name, role, client_name) values
       ($1, 'admin@agency.test', 'Ada Admin', 'admin', null),
       ($2, 'a@client.test', 'Alice Client', 'client', $4),
       ($3, 'b@client.test', 'Bob Client', 'client', $5)`,
    [adminId, userA, userB, `Acme ${tag}`, `Globex ${tag}`],
  );
  await db.query(
    `insert into public.clients (id, client_name, profile_id) values ($1, $4, $6), ($2, $5, $7), ($3, $8, null)`,
    [clientIdA, clientIdB, clientIdC, `Acme ${tag}`, `Globex ${tag}`, userA, userB, `Initech ${tag}`],
  );
  return {
    admin: { role: 'authenticated', userId: adminId },
    clientA: { role: 'authenticated', userId: userA },
    clientB: { role: 'authenticated', userId: userB },
    anon: { role: 'anon' },
    service: { role: 'service_role' },
    adminId,
    userA,
    userB,
    clientIdA,
    clientIdB,
    clientIdC,
  };
}

/** Calls a database function with named arguments, as PostgREST's `rpc` does, and returns its jsonb. */
export async function rpc<T = any>(db: SqlDatabase, who: Identity, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const names = Object.keys(args);
  const call = `select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')}) as result`;
  return actAs(db, who, async (tx) => (await tx.query<{ result: T }>(call, names.map((n) => args[n]))).rows[0]!.result);
}

/** Runs one query as `who` and returns its rows. */
export function queryAs<T = any>(db: SqlDatabase, who: Identity, sql: string, params: unknown[] = []): Promise<T[]> {
  return actAs(db, who, async (tx) => (await tx.query<T>(sql, params)).rows);
}

/** Inserts leads as the owner (the agency's import), returning their ids. */
export async function addLeads(
  db: SqlDatabase,
  clientId: string | null,
  count: number,
  options: { status?: string; orderId?: string } = {},
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.leads (company_name, contact_name, status, client_id, order_id)
     select 'Company ' || g, 'Contact ' || g, $2, $1, $4 from generate_series(1, $3) g
     returning id`,
    [clientId, options.status ?? 'Approved', count, options.orderId ?? null],
  );
  return rows.map((r) => r.id);
}

/** Creates an order as the admin through create_order; Active by default so leads can join. */
export async function addOrder(
  db: SqlDatabase,
  world: World,
  clientId: string,
  leadsPurchased: number,
  extra: Record<string, unknown> = {},
): Promise<any> {
  return rpc(db, world.admin, 'create_order', {
    p_client_id: clientId,
    p_leads_purchased: leadsPurchased,
    p_status: 'Active',
    ...extra,
  });
}

export async function orderRow(db: SqlDatabase, orderId: string): Promise<any> {
  return (await db.query('select * from public.orders where id = $1', [orderId])).rows[0];
}

/** The delivered count recomputed from the leads, to compare against the stored one. */
export async function recount(db: SqlDatabase, orderId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.leads where order_id = $1 and status in ('Approved', 'Lead')`,
    [orderId],
  );
  return rows[0]!.n;
}
