import { OrderProgressCard } from '@lead-orders/elements/react';
import { Pending } from './pending.js';
import type { PageProps } from './page-props.js';

/** One of the client's orders. */
export function ClientOrderDetail({ params }: PageProps) {
  return (
    <>
      <OrderProgressCard orderId={params.id} />
      <Pending element="client-order-detail">The delivered leads and the delivery chart of this order.</Pending>
    </>
  );
}
