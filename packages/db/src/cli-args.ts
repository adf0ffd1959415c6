import { parseArgs } from 'node:util';

export interface CliOptions {
  url: string;
  withFixtures: boolean;
  status: boolean;
}

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'export'; dir: string }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

export const usage = `Usage: lead-orders-migrate --url <postgres-url> [--status] [--with-fixtures]
       lead-orders-migrate export [--dir supabase/migrations]

Applies the order-tracking migrations that the database has not run yet, in order, each once.

  --url <postgres-url>  The database, e.g. postgres://postgres:<password>@db.<project>.supabase.co:5432/postgres
                        (defaults to $DATABASE_URL).
  --status              List applied and pending migrations; change nothing.
  --with-fixtures       Local trials only: first create a stand-in for Supabase (roles, auth schema) and the
                        agency's tables. Refused when auth.users already exists.
  -h, --help            Show this help.

export writes the migrations into a Supabase CLI project instead, for \`supabase db push\`:
  --dir <folder>        The project's migrations folder (default supabase/migrations). Our file
                        names and timestamps are kept; a second run writes nothing; a file of ours
                        that differs there is refused, and nothing is written.`;

/** Parses the command line; never exits or prints, so it can be tested on its own. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedArgs {
  let values: { url?: string; status?: boolean; 'with-fixtures'?: boolean; help?: boolean; dir?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        status: { type: 'boolean' },
        'with-fixtures': { type: 'boolean' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const [command, ...extra] = positionals;
  if (command !== undefined && command !== 'export') return { kind: 'usage-error', message: `Unknown command: ${command}.` };
  if (extra.length > 0) return { kind: 'usage-error', message: `Unexpected argument: ${extra[0]}.` };
  if (command === 'export') {
    const other = (['url', 'status', 'with-fixtures'] as const).find((name) => values[name] !== undefined);
    if (other) return { kind: 'usage-error', message: `export writes files and connects to no database: --${other} does not apply.` };
    if (values.dir === '') return { kind: 'usage-error', message: '--dir is empty.' };
    return { kind: 'export', dir: values.dir ?? 'supabase/migrations' };
  }
  if (values.dir !== undefined) return { kind: 'usage-error', message: '--dir belongs to the export command.' };
  const url = values.url ?? env.DATABASE_URL;
  if (!url) return { kind: 'usage-error', message: 'Missing --url (or DATABASE_URL).' };
  if (!isPostgresUrl(url)) {
    return { kind: 'usage-error', message: `--url is not a PostgreSQL connection URL: ${redactUrl(url)}. Expected postgres://user:password@host:port/database.` };
  }
  if (values.status && values['with-fixtures']) {
    return { kind: 'usage-error', message: '--status only reports; it cannot be combined with --with-fixtures.' };
  }
  return { kind: 'run', options: { url, status: values.status ?? false, withFixtures: values['with-fixtures'] ?? false } };
}

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL with its password replaced, fit for messages and logs. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return text.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
