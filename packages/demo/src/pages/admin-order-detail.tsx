import { OrderProgressCard } from '@lead-orders/elements/react';
import { Pending } from './pending.js';
import type { PageProps } from './page-props.js';

/** One order: its progress, its leads and timeline, and assigning leads to it. */
export function AdminOrderDetail({ params }: PageProps) {
  return (
    <>
      <OrderProgressCard orderId={params.id} />
      <Pending element="order-detail">Leads, timeline and delivery chart of this order.</Pending>
      <Pending element="assignment-dialog">Assigning leads to this order, never past its capacity.</Pending>
    </>
  );
}
