import type { OrderTracking } from '@lead-orders/sdk';

/** Someone the portal can act as: a demo user, or the user signed in to a Supabase project. */
export interface Account {
  /** Stable key: `admin`, `clientA`, `clientB` in the demo; the user id on Supabase. */
  key: string;
  /** What the user switcher shows. */
  label: string;
  role: 'admin' | 'client';
  name: string;
  email: string;
  /** The client the user owns (clients only). */
  clientId?: string;
}

/**
 * Where the portal's data comes from. The demo database (PGlite in a worker, default) knows three
 * accounts and switches between them freely; a Supabase project has the one signed-in user.
 */
export interface Backend {
  kind: 'demo' | 'supabase';
  accounts: Account[];
  /** The SDK acting as `account`. */
  tracking(account: Account): Promise<OrderTracking>;
  /** Demo only: drops the kept data; the page reloads into fresh demo data. */
  reset?(): Promise<void>;
  /** Supabase only: ends the session. */
  signOut?(): Promise<void>;
}
