import { applyMigrations, agencyFixtureSql, migrations, supabaseFixtureSql, type SqlDatabase } from '../../src/index.js';

/** Fixtures (Supabase stand-in, agency schema) then every migration: a fresh project with order tracking. */
export async function setupDatabase(db: SqlDatabase): Promise<void> {
  await db.exec(supabaseFixtureSql);
  await db.exec(agencyFixtureSql);
  await applyMigrations(db, migrations);
}
