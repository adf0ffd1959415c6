import { ClientOrdersList } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';

/** The signed-in client's orders (row-level security keeps other clients' out). */
export function ClientOrders(_props: PageProps) {
  return <ClientOrdersList hrefTemplate="/client/orders/{id}" pageSize={10} />;
}
