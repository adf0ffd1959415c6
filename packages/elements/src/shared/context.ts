import { createContext } from '@lit/context';
import type { Tracking } from './tracking.js';

/** The SDK instance that `<order-tracking-provider>` shares with its descendants. */
export const trackingContext = createContext<Tracking | undefined>(Symbol.for('lead-orders.tracking'));
