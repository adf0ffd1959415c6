import { createOrderTracking, createPgliteTransport, type DemoUsers, type PgliteTransport } from '@lead-orders/sdk/pglite';
import type { Tracking } from '../../src/shared/tracking.js';

/**
 * A real database in the page: PGlite with the migrations and the demo data, reached only
 * through the SDK. One instance per test file (booting costs about two seconds); each demo user
 * gets its own transport and SDK instance over the same database.
 */
export interface Database {
  admin: Tracking;
  clientA: Tracking;
  clientB: Tracking;
  users: DemoUsers;
  /**
   * The admin's transport: calls a database function directly, without the SDK's input checks,
   * for tests of what the database itself answers.
   */
  adminTransport: PgliteTransport;
  close(): Promise<void>;
}

export async function openDatabase(): Promise<Database> {
  const admin = await createPgliteTransport({ as: 'admin' });
  // The same database, already prepared: the other users only need their own identity.
  const clientA = await createPgliteTransport({ pglite: admin.pglite, as: 'clientA' });
  const clientB = await createPgliteTransport({ pglite: admin.pglite, as: 'clientB' });
  return {
    admin: createOrderTracking({ transport: admin }),
    clientA: createOrderTracking({ transport: clientA }),
    clientB: createOrderTracking({ transport: clientB }),
    users: admin.users!,
    adminTransport: admin,
    close: () => admin.close(),
  };
}
