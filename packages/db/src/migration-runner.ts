import type { SqlDatabase } from './sql-database.js';

export interface Migration {
  /** The timestamp prefix of the file name, e.g. `20251101000000`. */
  version: string;
  /** The rest of the file name without `.sql`, e.g. `orders`. */
  name: string;
  sql: string;
}

export interface AppliedMigration {
  version: string;
  name: string;
}

export class MigrationFailedError extends Error {
  constructor(readonly version: string, readonly migrationName: string, cause: unknown) {
    super(`Migration ${version}_${migrationName} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

export class MigrationChecksumError extends Error {
  constructor(readonly version: string, readonly migrationName: string) {
    super(`Migration ${version}_${migrationName} was changed after it was applied; write a new migration instead.`);
    this.name = 'MigrationChecksumError';
  }
}

// FNV-1a: small, dependency-free and identical in Node and browsers; it detects edits, not attacks.
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export const ledger = `
  create schema if not exists lead_orders;
  create table if not exists lead_orders.schema_migrations (
    version text primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  );
`;

/**
 * Applies, in version order, each migration not yet recorded in `lead_orders.schema_migrations`,
 * each in its own transaction together with its record, so a failing file leaves nothing behind.
 */
export async function applyMigrations(db: SqlDatabase, migrations: readonly Migration[]): Promise<AppliedMigration[]> {
  await db.exec(ledger);
  const { rows } = await db.query<{ version: string; checksum: string }>(
    'select version, checksum from lead_orders.schema_migrations',
  );
  const done = new Map(rows.map((r) => [r.version, r.checksum]));
  const applied: AppliedMigration[] = [];
  for (const m of [...migrations].sort((a, b) => a.version.localeCompare(b.version))) {
    const recorded = done.get(m.version);
    if (recorded !== undefined) {
      if (recorded !== checksum(m.sql)) throw new MigrationChecksumError(m.version, m.name);
      continue;
    }
    try {
      await db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('insert into lead_orders.schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          m.version,
          m.name,
          checksum(m.sql),
        ]);
      });
    } catch (error) {
      throw new MigrationFailedError(m.version, m.name, error);
    }
    applied.push({ version: m.version, name: m.name });
  }
  return applied;
}

/** Parses `20251101000000_orders.sql` into its version and name; null for other files. */
export function parseMigrationFileName(fileName: string): { version: string; name: string } | null {
  const match = /^(\d{14})_([a-z0-9_]+)\.sql$/.exec(fileName);
  return match ? { version: match[1]!, name: match[2]! } : null;
}
