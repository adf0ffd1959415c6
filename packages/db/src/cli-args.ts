import { parseArgs } from 'node:util';

export interface CliOptions {
  url: string;
  withFixtures: boolean;
  status: boolean;
}

export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const usage = `Usage: lead-orders-migrate --url <postgres-url> [--status] [--with-fixtures]

Applies the order-tracking migrations that the database has not run yet, in order, each once.

  --url <postgres-url>  The database, e.g. postgres://postgres:<password>@db.<project>.supabase.co:5432/postgres
                        (defaults to $DATABASE_URL).
  --status              List applied and pending migrations; change nothing.
  --with-fixtures       Local trials only: first create a stand-in for Supabase (roles, auth schema) and the
                        agency's tables. Refused when auth.users already exists.
  -h, --help            Show this help.`;

/** Parses the command line; never exits or prints, so it can be tested on its own. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ParsedArgs {
  let values: { url?: string; status?: boolean; 'with-fixtures'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        status: { type: 'boolean' },
        'with-fixtures': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
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
