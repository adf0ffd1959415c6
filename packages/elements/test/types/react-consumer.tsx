// A React 19 portal's TSX as `tsc` sees it, once with the package's sources (test/types/tsconfig.json,
// in `npm test`) and once from the packed tarballs with only dist/*.d.ts (the install test).
// Each `@ts-expect-error` is a mistake the typings must catch: if one stops being an error, tsc
// fails on the unused directive.
import type {} from '@lead-orders/elements/jsx';
import { ClientOrdersList, OrderProgressCard, OrderSelect, OrderTrackingProvider } from '@lead-orders/elements/react';
import type { OrderOpenDetail } from '@lead-orders/elements';
import type { OrderTracking } from '@lead-orders/sdk';
import { useState } from 'react';

export function Wrappers({ tracking }: { tracking: OrderTracking }) {
  const [orderId, setOrderId] = useState('');
  return (
    <OrderTrackingProvider tracking={tracking}>
      <OrderProgressCard orderId="9f0c" compact />
      <ClientOrdersList
        hrefTemplate="/orders/{id}"
        pageSize={10}
        onOrderOpen={(event) => {
          const detail: OrderOpenDetail = event.detail;
          console.log(detail.orderId, detail.order.order_number);
          // @ts-expect-error the detail has no such field
          console.log(event.detail.orderNumber);
        }}
      />
      <OrderSelect name="order_id" required onChange={(event) => console.log((event.target as HTMLInputElement).value)} />
      {/* The README's snippet: the event's currentTarget is the element. */}
      <OrderSelect name="order_id" clientId="c1" value={orderId} onChange={(e) => setOrderId(e.currentTarget.value)} required />
      {/* @ts-expect-error pageSize is a number */}
      <ClientOrdersList pageSize="10" />
      {/* @ts-expect-error no such property */}
      <OrderProgressCard orderNumber="A-1" />
    </OrderTrackingProvider>
  );
}

export function BareTags({ tracking }: { tracking: OrderTracking }) {
  return (
    <order-tracking-provider tracking={tracking}>
      <order-progress-card order-id="9f0c" compact />
      <client-orders-list href-template="/orders/{id}" onorder-open={(event) => console.log(event.detail.orderId)} />
      <form>
        <order-select name="order_id" client-id="c1" allow-none required />
      </form>
      {/* @ts-expect-error tracking is the SDK instance, not a string */}
      <order-progress-card tracking="sdk" />
      {/* @ts-expect-error the detail has no such field */}
      <client-orders-list onorder-open={(event) => console.log(event.detail.orderNumber)} />
      {/* @ts-expect-error not one of our tags */}
      <order-progress-bar />
    </order-tracking-provider>
  );
}
