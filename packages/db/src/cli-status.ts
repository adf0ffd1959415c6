import type { Pool } from 'pg';
import { checksum, type Migration } from './migration-runner.js';

export interface MigrationStatus {
  applied: { version: string; name: string; appliedAt: string; changed: boolean }[];
  pending: Migration[];
}

/** Reads what ran without creating anything: a database that never ran the runner has everything pending. */
export async function readStatus(pool: Pool, migrations: readonly Migration[]): Promise<MigrationStatus> {
  const { rows: ledger } = await pool.query<{ present: boolean }>(
    `select to_regclass('lead_orders.schema_migrations') is not null as present`,
  );
  const recorded = ledger[0]!.present
    ? (await pool.query<{ version: string; name: string; checksum: string; applied_at: Date }>(
        'select version, name, checksum, applied_at from lead_orders.schema_migrations order by version',
      )).rows
    : [];
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const done = new Set(recorded.map((r) => r.version));
  return {
    applied: recorded.map((r) => ({
      version: r.version,
      name: r.name,
      appliedAt: r.applied_at.toISOString(),
      changed: byVersion.has(r.version) && checksum(byVersion.get(r.version)!.sql) !== r.checksum,
    })),
    pending: [...migrations].sort((a, b) => a.version.localeCompare(b.version)).filter((m) => !done.has(m.version)),
  };
}

export function formatStatus(status: MigrationStatus): string[] {
  const lines = [`Applied (${status.applied.length}):`];
  if (status.applied.length === 0) lines.push('  none');
  for (const m of status.applied) {
    lines.push(`  ${m.version}_${m.name}  ${m.appliedAt}${m.changed ? '  CHANGED since it was applied' : ''}`);
  }
  lines.push(`Pending (${status.pending.length}):`);
  if (status.pending.length === 0) lines.push('  none');
  for (const m of status.pending) lines.push(`  ${m.version}_${m.name}`);
  return lines;
}
