import type { Pool } from 'pg';
import { fromPgPool } from './adapters/pg.js';
import type { CliOptions } from './cli-args.js';
import { CliError, connect } from './cli-connection.js';
import { loadFixtures } from './cli-fixtures.js';
import { latestLinkReport } from './cli-link-report.js';
import { describeMissing, missingPrerequisites } from './cli-prerequisites.js';
import { formatStatus, readStatus } from './cli-status.js';
import { applyMigrations, MigrationChecksumError, MigrationFailedError, type Migration } from './migration-runner.js';

export interface CliContext {
  migrations: readonly Migration[];
  fixtures: { supabase: string; agency: string };
  print: (line: string) => void;
}

/** Runs one CLI command against the database; throws CliError for anything the user should read. */
export async function runCli(options: CliOptions, context: CliContext): Promise<void> {
  const pool = await connect(options.url);
  try {
    if (options.status) {
      for (const line of formatStatus(await readStatus(pool, context.migrations))) context.print(line);
      return;
    }
    if (options.withFixtures) {
      await loadFixtures(pool, context.fixtures);
      context.print('Loaded the local Supabase stand-in and the agency fixture.');
    }
    // Say what is missing up front instead of failing inside the first migration with
    // 'role "authenticated" does not exist' or 'schema "auth" does not exist'.
    if ((await readStatus(pool, context.migrations)).pending.length > 0) {
      const missing = await missingPrerequisites(pool);
      if (missing.length > 0) throw new CliError(describeMissing(missing));
    }
    await migrate(pool, context);
    for (const line of await latestLinkReport(pool)) context.print(line);
  } finally {
    await pool.end();
  }
}

async function migrate(pool: Pool, context: CliContext): Promise<void> {
  let applied;
  try {
    applied = await applyMigrations(fromPgPool(pool), context.migrations);
  } catch (error) {
    if (error instanceof MigrationChecksumError) throw new CliError(error.message, { cause: error });
    if (error instanceof MigrationFailedError) {
      const cause = error.cause as { detail?: string; hint?: string } | undefined;
      const extra = [cause?.detail && `Detail: ${cause.detail}`, cause?.hint && `Hint: ${cause.hint}`].filter(Boolean);
      throw new CliError([`${error.message}`, ...extra, 'Nothing of that migration was kept; earlier ones stay applied.'].join('\n'), { cause: error });
    }
    throw error;
  }
  if (applied.length === 0) {
    context.print(`Database is up to date (${context.migrations.length} migrations applied).`);
    return;
  }
  for (const m of applied) context.print(`applied ${m.version}_${m.name}`);
  context.print(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`);
}
