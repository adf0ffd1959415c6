import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderDatabaseTypes } from '../scripts/database-types.js';

// src/database.types.ts is generated from a migrated database; a migration that changes a table,
// the view or a function without regenerating it fails here.
test('the shipped Database types match the migrations (else: npm run generate:types -w packages/sdk)', async () => {
  const shipped = readFileSync(new URL('../src/database.types.ts', import.meta.url), 'utf8');
  const fresh = await renderDatabaseTypes();
  assert.equal(shipped, fresh);
  // What a host reaches through supabase-js is there: tables, the view, the RPC functions, the enum.
  for (const name of ['orders:', 'order_events:', 'order_summary:', 'get_orders:', 'assign_lead_to_order:', 'order_status:']) {
    assert.ok(fresh.includes(`      ${name}`), name);
  }
});
