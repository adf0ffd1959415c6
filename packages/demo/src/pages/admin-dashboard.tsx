import { ClientOrdersList, OrderStatsCard } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';
import { useWords } from '../shell/words.js';

/** The admin's start page: the "Active orders" card over every client, and the open orders. */
export function AdminDashboard(_props: PageProps) {
  const words = useWords();
  return (
    <div className="grid">
      <OrderStatsCard href="/admin/orders" />
      <section className="wide" aria-labelledby="open-orders">
        <h2 id="open-orders">{words.openOrders}</h2>
        <ClientOrdersList status="Active" pageSize={5} hrefTemplate="/admin/orders/{id}" />
      </section>
    </div>
  );
}
