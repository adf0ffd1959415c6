// The Supabase transport against a real project. Runs only when these are set, otherwise reports
// itself skipped with the reason:
//   SUPABASE_URL, SUPABASE_ANON_KEY              the project (migrations applied)
//   SUPABASE_TEST_EMAIL, SUPABASE_TEST_PASSWORD  a client user with a linked client
//   SUPABASE_TEST_ADMIN_EMAIL, SUPABASE_TEST_ADMIN_PASSWORD  optional: an admin, for writes and live updates
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createOrderTracking, isOrderTrackingError, type OrderChange } from '../src/index.js';

const env = process.env;
const required = ['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_TEST_EMAIL', 'SUPABASE_TEST_PASSWORD'];
const missing = required.filter((name) => !env[name]);
const skip = missing.length > 0 ? `live Supabase test skipped: ${missing.join(', ')} not set` : false;
if (skip) console.log(`# ${skip}`);

async function signedIn(email: string, password: string): Promise<SupabaseClient> {
  // Node 20 has no global WebSocket; supabase-js then needs one for Realtime.
  const transport = (globalThis as { WebSocket?: unknown }).WebSocket ?? (await import('ws' as string)).default;
  const supabase = createClient(env.SUPABASE_URL!, env.SUPABASE_ANON_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: transport as never },
  });
  const { error } = await supabase.auth.signInWithPassword({ email, password });
  assert.equal(error, null, `sign-in as ${email}`);
  return supabase;
}

test('live Supabase project: reads as a client, errors mapped, live updates', { skip }, async () => {
  const client = await signedIn(env.SUPABASE_TEST_EMAIL!, env.SUPABASE_TEST_PASSWORD!);
  const tracking = createOrderTracking({ supabase: client });
  const page = await tracking.orders.list({ limit: 5 });
  assert.ok(Array.isArray(page.items));
  const stats = await tracking.stats();
  assert.equal(typeof stats.orders_total, 'number');
  await assert.rejects(tracking.orders.get('00000000-0000-4000-8000-000000000000'), (e: unknown) => isOrderTrackingError(e) && e.code === 'order_not_found');
  await assert.rejects(tracking.orders.create({ client_id: page.items[0]?.client_id ?? '00000000-0000-4000-8000-000000000000', leads_purchased: 1 }), (e: unknown) => isOrderTrackingError(e) && e.code === 'forbidden');

  const anon = createOrderTracking({ supabase: createClient(env.SUPABASE_URL!, env.SUPABASE_ANON_KEY!, { auth: { persistSession: false } , realtime: { transport: (globalThis as { WebSocket?: unknown }).WebSocket ?? (await import('ws' as string)).default } }) });
  await assert.rejects(anon.orders.list(), (e: unknown) => isOrderTrackingError(e) && e.code === 'unauthenticated');

  if (!env.SUPABASE_TEST_ADMIN_EMAIL || !env.SUPABASE_TEST_ADMIN_PASSWORD || page.items.length === 0) {
    console.log('# live updates skipped: SUPABASE_TEST_ADMIN_EMAIL / SUPABASE_TEST_ADMIN_PASSWORD not set, or the client has no orders');
    await client.realtime.disconnect();
    return;
  }
  const admin = createOrderTracking({ supabase: await signedIn(env.SUPABASE_TEST_ADMIN_EMAIL, env.SUPABASE_TEST_ADMIN_PASSWORD) });
  // About 8 KB of incompressible text: stored out of line (TOAST), so Realtime's UPDATE records
  // leave it out when it does not change, and the SDK must complete them.
  const description = Array.from({ length: 8000 }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join('');
  const order = await admin.orders.create({ client_id: page.items[0]!.client_id, leads_purchased: 3, name: 'SDK live test', description });
  const heard: OrderChange[] = [];
  const stop = tracking.subscribe({ orderId: order.id }, (c) => heard.push(c));
  await new Promise((r) => setTimeout(r, 2000));
  const started = Date.now();
  await admin.orders.cancel(order.id);
  while (!heard.some((c) => c.type === 'update' && c.order.status === 'Cancelled') && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
  stop();
  assert.ok(heard.some((c) => c.type === 'update' && c.order.status === 'Cancelled'), 'the client heard its order cancelled');
  const cancelled = heard.find((c) => c.type === 'update' && c.order.status === 'Cancelled') as { order: { description: string | null } };
  assert.equal(cancelled.order.description, description, 'the update carries the unchanged long description');
  console.log(`# live update heard after ${Date.now() - started} ms`);
});
