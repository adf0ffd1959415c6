// Row shapes come from the SDK, which validates them; the elements only read them.
export type { Order, OrderPace, OrderStats, OrderStatus } from '@lead-orders/sdk';
