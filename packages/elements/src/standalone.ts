// The single self-contained module, `dist/lead-orders.min.js` (`@lead-orders/elements/bundle`):
// every element (Lit included) and the SDK's Supabase entry (zod/mini included), for a page
// without a bundler that loads one `<script type="module">`. The SDK is in it because such a page
// has no other way to import it; supabase-js is not (the page already has its own client and
// passes it in). The PGlite and node-postgres transports are not included.
export * from './index.js';
export {
  createOrderTracking,
  createSupabaseTransport,
  isOrderTrackingError,
  OrderTrackingError,
  type CreateOrderTrackingOptions,
  type OrderTracking,
  type OrderTrackingErrorCode,
  type SupabaseClientLike,
} from '@lead-orders/sdk';
