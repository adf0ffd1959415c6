import { AdminOrderDetail as OrderDetail } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';

/** One order as the admin works on it: progress, chart, its leads, assigning leads, history. */
export function AdminOrderDetail({ params }: PageProps) {
  return <OrderDetail orderId={params.id} headingLevel={2} />;
}
