import { ClientOrderDetail as OrderDetail } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';

/** One of the client's orders: progress, delivery chart, its leads, history. */
export function ClientOrderDetail({ params }: PageProps) {
  return <OrderDetail orderId={params.id} headingLevel={2} />;
}
