import { ClientOrdersList } from '@lead-orders/elements/react';
import { Pending } from './pending.js';
import type { PageProps } from './page-props.js';

/** Every client's orders. */
export function AdminOrders(_props: PageProps) {
  return (
    <>
      <p>
        <a className="button" href="/admin/orders/new">
          New order
        </a>
      </p>
      <Pending element="admin-orders-table">Until then, the orders list shows every client's orders to an admin.</Pending>
      <ClientOrdersList hrefTemplate="/admin/orders/{id}" pageSize={10} />
    </>
  );
}
