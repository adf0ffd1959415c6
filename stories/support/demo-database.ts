import { createOrderTracking, createPgliteTransport, type DemoUserKey, type DemoUsers, type PgliteTransport } from '@lead-orders/sdk/pglite';
import type { OrderTracking } from '@lead-orders/sdk';

/**
 * The data-driven stories run on a real database in the page: PGlite with the migrations and
 * the demo data, reached only through the SDK. It boots once per page (about two seconds) and
 * every acting user gets an SDK instance over it, so switching users shows what RLS lets each see.
 */
let boot: Promise<PgliteTransport> | undefined;
const sdks = new Map<DemoUserKey, Promise<OrderTracking>>();

function database(): Promise<PgliteTransport> {
  boot ??= createPgliteTransport({ as: 'admin' });
  return boot;
}

export async function demoUsers(): Promise<DemoUsers> {
  return (await database()).users!;
}

export function trackingFor(user: DemoUserKey): Promise<OrderTracking> {
  let sdk = sdks.get(user);
  if (!sdk) {
    sdk = (async () => {
      const admin = await database();
      const transport = user === 'admin' ? admin : await createPgliteTransport({ pglite: admin.pglite, as: user });
      return createOrderTracking({ transport });
    })();
    sdks.set(user, sdk);
  }
  return sdk;
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
