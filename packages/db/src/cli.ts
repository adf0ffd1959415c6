#!/usr/bin/env -S npx tsx
// lead-orders-migrate: applies the order-tracking migrations to a PostgreSQL / Supabase database.
// Usage: see cli-args.ts, or run with --help.
import { parseCliArgs, usage } from './cli-args.js';
import { CliError } from './cli-connection.js';
import { exportMigrations } from './cli-export.js';
import { runCli } from './cli-run.js';
import { agencyFixtureSql, migrations, supabaseFixtureSql } from './index.js';

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    console.log(usage);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    console.error(`lead-orders-migrate: ${parsed.message}\n\n${usage}`);
    return 2;
  }
  try {
    if (parsed.kind === 'export') {
      const { written, unchanged } = exportMigrations(migrations, parsed.dir);
      for (const file of written) console.log(`wrote ${parsed.dir}/${file}`);
      console.log(written.length === 0
        ? `${parsed.dir} already has all ${unchanged.length} migrations; nothing written.`
        : `Wrote ${written.length} migration${written.length === 1 ? '' : 's'} to ${parsed.dir} (${unchanged.length} already there). Apply them with \`supabase db push\`.`);
      return 0;
    }
    await runCli(parsed.options, {
      migrations,
      fixtures: { supabase: supabaseFixtureSql, agency: agencyFixtureSql },
      print: (line) => console.log(line),
    });
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`lead-orders-migrate: ${error.message}`);
      return 1;
    }
    console.error('lead-orders-migrate: unexpected failure:', error);
    return 1;
  }
}

process.exitCode = await main();
