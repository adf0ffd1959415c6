// What every lead search test compares list_leads with: a plain ILIKE over the three searched
// columns (the reference) and the whole cursor chain of list_leads for one term.
import assert from 'node:assert/strict';
import type { Identity, SqlDatabase } from '../../src/index.js';
import { rpc } from './world.js';

/** The term's `%…%` pattern with `\\`, `%` and `_` escaped, as list_leads builds it. */
export function containsPattern(search: string): string {
  return `%${search.trim().replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_')}%`;
}

/** The reference: every matching lead's id, newest first, by a query with no index tricks. */
export async function reference(db: SqlDatabase, search: string, clients: string[] | null): Promise<string[]> {
  const pattern = containsPattern(search);
  const { rows } = await db.query<{ id: string }>(
    `select l.id from public.leads l
      where ($1::uuid[] is null or l.client_id = any ($1))
        and (l.company_name ilike $2 or l.contact_name ilike $2 or l.email ilike $2)
      order by coalesce(l.created_at, '-infinity'::timestamptz) desc, l.id desc`,
    [clients, pattern],
  );
  return rows.map((r) => r.id);
}

/** Every page of list_leads for `search`, following next_cursor, as `who`. */
export async function allPages(db: SqlDatabase, who: Identity, search: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: any = await rpc(db, who, 'list_leads', { p_search: search, p_limit: limit, p_cursor: cursor });
    assert.ok(result.items.length <= limit);
    ids.push(...result.items.map((l: any) => l.id));
    cursor = result.next_cursor;
    if (!cursor) return ids;
  }
  throw new Error('the cursor chain did not end');
}
