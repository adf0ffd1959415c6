import type { OrderTracking } from '@lead-orders/sdk';
import type { Account } from '../backend/backend.js';

/** What every page gets: who is signed in (or acted as), their SDK, and the route's parameters. */
export interface PageProps {
  account: Account;
  /** The SDK acting as `account`; the widgets get it from the shell's provider, pages that call it themselves get it here. */
  tracking: OrderTracking | undefined;
  params: Record<string, string | undefined>;
}
