import type { Context } from '@lit/context';
import type { Tracking } from './tracking.js';

/**
 * The SDK instance that `<order-tracking-provider>` shares with its descendants. A registered
 * symbol (what `createContext` would return) so copies of the package on one page still match.
 */
export const trackingContext = Symbol.for('lead-orders.tracking') as Context<symbol, Tracking | undefined>;
