import {
  agencyFixtureSql,
  applyMigrations,
  buildDemoData,
  migrations,
  supabaseFixtureSql,
  type DemoDataOptions,
  type DemoUser,
  type Identity,
  type SqlDatabase,
} from '@lead-orders/db';

export type DemoUsers = { admin: DemoUser; clientA: DemoUser; clientB: DemoUser };
export type DemoUserKey = keyof DemoUsers;
export type { DemoDataOptions, DemoUser };

export interface SetupOptions {
  /**
   * `'auto'` (default): a database without the agency tables gets the Supabase stand-in, the agency
   * schema, every migration and the demo data; one that has them gets its pending migrations only.
   * `false`: use the database as it is.
   */
  setup?: 'auto' | false;
  /** Demo data options (seed, number of clients), or `false` for none. */
  demo?: DemoDataOptions | false;
}

/** Brings a database to the current schema; returns the demo users (deterministic per seed). */
export async function prepareDatabase(db: SqlDatabase, options: SetupOptions): Promise<DemoUsers | null> {
  const demo = options.demo === false ? null : buildDemoData(options.demo ?? {});
  if (options.setup === false) return demo?.users ?? null;
  const { rows } = await db.query<{ ready: boolean }>(`select to_regclass('public.leads') is not null as ready`);
  if (rows[0]?.ready) {
    await applyMigrations(db, migrations);
    return demo?.users ?? null;
  }
  await db.exec(supabaseFixtureSql);
  await db.exec(agencyFixtureSql);
  await applyMigrations(db, migrations);
  if (demo) await db.exec(demo.sql);
  return demo?.users ?? null;
}

/** An Identity for a demo user key, or the identity itself. */
export function resolveIdentity(who: Identity | DemoUserKey, users: DemoUsers | null): Identity {
  if (typeof who !== 'string') return who;
  const user = users?.[who];
  if (!user) throw new Error(`No demo user "${who}": the database was prepared without demo data.`);
  return { role: 'authenticated', userId: user.id, email: user.email };
}
