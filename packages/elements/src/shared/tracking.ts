// The elements call the SDK instance the host passes in; they import its types, never its code,
// so the SDK is not bundled into the elements.
export type { OrderChange, OrderTracking as Tracking, SubscriptionTarget } from '@lead-orders/sdk';
