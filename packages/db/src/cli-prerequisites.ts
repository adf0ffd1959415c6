import type { Pool } from 'pg';

/**
 * What the migrations expect to find before the first one runs: what every Supabase project
 * provides (the API roles, the auth schema) and the agency's own tables they extend.
 * Each entry is [what to show, SQL returning true when it is present].
 */
const prerequisites: [string, string][] = [
  ['role "anon"', `exists (select 1 from pg_catalog.pg_roles where rolname = 'anon')`],
  ['role "authenticated"', `exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated')`],
  ['role "service_role"', `exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role')`],
  ['schema "auth"', `to_regnamespace('auth') is not null`],
  ['table auth.users', `to_regclass('auth.users') is not null`],
  ['function auth.uid()', `to_regprocedure('auth.uid()') is not null`],
  ['table public.profiles', `to_regclass('public.profiles') is not null`],
  ['table public.clients', `to_regclass('public.clients') is not null`],
  ['table public.leads', `to_regclass('public.leads') is not null`],
  ['function public.is_admin(uuid)', `to_regprocedure('public.is_admin(uuid)') is not null`],
];

/** The prerequisites this database lacks, in the order above; empty when it is ready. */
export async function missingPrerequisites(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ present: boolean[] }>(
    `select array[${prerequisites.map(([, sql]) => sql).join(', ')}] as present`,
  );
  return prerequisites.flatMap(([name], i) => (rows[0]!.present[i] ? [] : [name]));
}

/** The paragraph the CLI prints when `missing` is not empty. */
export function describeMissing(missing: string[]): string {
  return [
    `This database is not a Supabase project with the agency's schema: it has no ${missing.join(', no ')}.`,
    'Point --url at your Supabase project\'s database (Project Settings → Database → connection string),',
    'or, for a local trial on an empty database, add --with-fixtures to load a stand-in first.',
    'Nothing was applied.',
  ].join('\n');
}
