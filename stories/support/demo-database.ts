import { openDemoDatabase, type DemoUserKey, type DemoUsers } from '@lead-orders/demo/database';
import type { OrderTracking } from '@lead-orders/sdk';

/**
 * The data-driven stories run on the demo portal's database: PGlite in a Web Worker, started from
 * the snapshot built with Storybook (migrations + demo data) and kept in IndexedDB, reached only
 * through the SDK. The page never freezes while it starts. Every acting user gets an SDK instance
 * over it, so switching users shows what row-level security lets each see.
 */
export async function demoUsers(): Promise<DemoUsers> {
  return (await openDemoDatabase()).users;
}

export async function trackingFor(user: DemoUserKey): Promise<OrderTracking> {
  return (await openDemoDatabase()).trackingFor(user);
}

export interface DemoContext {
  tracking: OrderTracking;
  admin: OrderTracking;
  users: DemoUsers;
  user: DemoUserKey;
}

/** A Storybook loader: the acting user's SDK (toolbar "Acting user"), the admin's, and the demo users. */
export async function loadDemo({ globals }: { globals: Record<string, unknown> }): Promise<DemoContext> {
  const user = (globals.user as DemoUserKey | undefined) ?? 'admin';
  const [tracking, admin, users] = await Promise.all([trackingFor(user), trackingFor('admin'), demoUsers()]);
  return { tracking, admin, users, user };
}
