import { ClientOrdersList, OrderStatsCard } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';

/** The admin's start page: the "Active orders" card over every client, and the open orders. */
export function AdminDashboard(_props: PageProps) {
  return (
    <div className="grid">
      <OrderStatsCard href="/admin/orders" />
      <section className="wide" aria-labelledby="open-orders">
        <h2 id="open-orders">Open orders</h2>
        <ClientOrdersList status="Active" pageSize={5} hrefTemplate="/admin/orders/{id}" />
      </section>
    </div>
  );
}
