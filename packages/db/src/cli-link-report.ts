import type { Pool } from 'pg';

interface LinkReport {
  linked?: { client_id: string; client_name: string; profile_id: string }[];
  ambiguous?: { client_id: string; client_name: string; profile_ids: string[] }[];
  missing?: { client_id: string; client_name: string }[];
  /** Only one profile carries the name, but the user chose it, not an admin. */
  unconfirmed?: { client_id: string; client_name: string; profile_ids: string[] }[];
}

/**
 * The latest report of link_clients_to_profiles(): which clients were linked to a profile by name,
 * which an admin must link by hand because no profile or more than one carries that name, and
 * which wait for an admin's confirmation because the user chose the name.
 * Empty when the migrations that keep the report have not run.
 */
export async function latestLinkReport(pool: Pool): Promise<string[]> {
  const { rows: table } = await pool.query<{ present: boolean }>(
    `select to_regclass('lead_orders.client_link_reports') is not null as present`,
  );
  if (!table[0]!.present) return [];
  const { rows } = await pool.query<{ report: LinkReport; created_at: Date }>(
    'select report, created_at from lead_orders.client_link_reports order by id desc limit 1',
  );
  if (rows.length === 0) return [];
  const { report, created_at } = rows[0]!;
  const ambiguous = report.ambiguous ?? [];
  const missing = report.missing ?? [];
  const lines = [
    `Clients linked to profiles by name (${created_at.toISOString()}): ${(report.linked ?? []).length} linked, ` +
      `${ambiguous.length} ambiguous, ${missing.length} without a profile.`,
  ];
  const unconfirmed = report.unconfirmed ?? [];
  for (const c of unconfirmed) {
    lines.push(
      `  unconfirmed: ${c.client_name} (client ${c.client_id}): profile ${c.profile_ids.join(', ')} chose this name itself; ` +
        `after checking it, link with select public.link_clients_to_profiles(array['${c.profile_ids.join("','")}']::uuid[])`,
    );
  }
  if (ambiguous.length + missing.length === 0) return lines;
  lines.push('Link these by hand (update public.clients set profile_id = <profile id> where id = <client id>):');
  for (const c of ambiguous) {
    lines.push(`  ambiguous: ${c.client_name} (client ${c.client_id}): profiles ${c.profile_ids.join(', ')}`);
  }
  for (const c of missing) lines.push(`  missing:   ${c.client_name} (client ${c.client_id}): no client profile has this name`);
  return lines;
}
