import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-connection.js';
import { checksum, ledger, type Migration } from './migration-runner.js';

/** What `lead-orders-migrate export` did: file names written, and those already there unchanged. */
export interface ExportResult {
  written: string[];
  unchanged: string[];
}

/**
 * The file a Supabase CLI project gets for one migration: our SQL as it is, then the record of it
 * in `lead_orders.schema_migrations` (the runner's ledger, with the runner's checksum). So after
 * `supabase db push`, `lead-orders-migrate --status` lists it as applied and a later
 * `lead-orders-migrate` run does not apply it again: either path can follow the other.
 */
export function exportedMigrationSql(m: Migration): string {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return [
    m.sql.replace(/\s*$/, '\n'),
    '-- Added by `lead-orders-migrate export`: record this migration as `lead-orders-migrate` does,',
    '-- so that tool and `supabase db push` see the same history.',
    ledger.trim().replace(/^\s+/gm, '').trim(),
    `insert into lead_orders.schema_migrations (version, name, checksum) values (${quote(m.version)}, ${quote(m.name)}, ${quote(checksum(m.sql))})`,
    '  on conflict (version) do nothing;',
    '',
  ].join('\n');
}

/**
 * Writes every migration into `dir` (a Supabase project's `supabase/migrations`) as
 * `<version>_<name>.sql`, keeping our 14-digit timestamps, so `supabase db push` applies them in
 * order with the project's own. Idempotent: a file already there with the same text is left
 * alone. Refuses (CliError, nothing written) when a file of ours is there with other text, or
 * another migration already uses one of our timestamps: Supabase would skip or reject it.
 * Creates `dir` when missing.
 */
export function exportMigrations(migrations: readonly Migration[], dir: string): ExportResult {
  const present = existsSync(dir) ? readdirSync(dir) : [];
  const planned = [...migrations]
    .sort((a, b) => a.version.localeCompare(b.version))
    .map((m) => ({ file: `${m.version}_${m.name}.sql`, version: m.version, text: exportedMigrationSql(m) }));
  const problems: string[] = [];
  const unchanged: string[] = [];
  const toWrite: typeof planned = [];
  for (const p of planned) {
    const clash = present.find((f) => f !== p.file && f.startsWith(`${p.version}_`));
    if (clash) {
      problems.push(`${clash} already uses the timestamp of ${p.file}.`);
    } else if (!present.includes(p.file)) {
      toWrite.push(p);
    } else if (readFileSync(join(dir, p.file), 'utf8') === p.text) {
      unchanged.push(p.file);
    } else {
      problems.push(`${p.file} is already there with other contents (edited, or from another version of @lead-orders/db).`);
    }
  }
  if (problems.length > 0) {
    throw new CliError([`Nothing was written to ${dir}:`, ...problems.map((p) => `  ${p}`),
      'A migration that was applied must not change; add a new one instead.'].join('\n'));
  }
  mkdirSync(dir, { recursive: true });
  for (const p of toWrite) writeFileSync(join(dir, p.file), p.text);
  return { written: toWrite.map((p) => p.file), unchanged };
}
