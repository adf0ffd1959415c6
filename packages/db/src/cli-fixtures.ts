import type { Pool } from 'pg';
import { CliError } from './cli-connection.js';

/**
 * Creates the local stand-in for Supabase and the agency's tables, for trying the migrations on an
 * empty database. Refused when auth.users exists: that is a real project (or one set up already).
 */
export async function loadFixtures(pool: Pool, fixtures: { supabase: string; agency: string }): Promise<void> {
  const { rows } = await pool.query<{ present: boolean }>(`select to_regclass('auth.users') is not null as present`);
  if (rows[0]!.present) {
    throw new CliError(
      'auth.users already exists, so this is not an empty database: --with-fixtures is only for local trials ' +
        'and never runs against a Supabase project. Run again without --with-fixtures.',
    );
  }
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(fixtures.supabase);
    await client.query(fixtures.agency);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw new CliError(`Loading the fixtures failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    client.release();
  }
}
