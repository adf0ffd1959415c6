import { openDemoDatabase, type DemoUserKey } from '../database/demo-database.js';
import type { Account, Backend } from './backend.js';

const labels: Record<DemoUserKey, string> = { admin: 'Admin', clientA: 'Client A', clientB: 'Client B' };

/** The demo database (PGlite in a Web Worker, from the build's snapshot) as the portal's backend. */
export async function demoBackend(): Promise<Backend> {
  const database = await openDemoDatabase();
  const accounts: Account[] = (Object.keys(labels) as DemoUserKey[]).map((key) => {
    const user = database.users[key];
    return {
      key,
      label: labels[key],
      role: user.role,
      name: user.full_name,
      email: user.email,
      ...(user.client_id ? { clientId: user.client_id } : {}),
    };
  });
  return {
    kind: 'demo',
    accounts,
    tracking: (account) => database.trackingFor(account.key as DemoUserKey),
    reset: () => database.reset(),
  };
}
