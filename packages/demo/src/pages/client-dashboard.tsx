import { ClientOrdersList, ClientOrdersSummary } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';

/** A client's start page: the "My orders" card and the orders being delivered. */
export function ClientDashboard(_props: PageProps) {
  return (
    <div className="grid">
      <ClientOrdersSummary href="/client/orders" />
      <section className="wide" aria-labelledby="in-delivery">
        <h2 id="in-delivery">In delivery</h2>
        <ClientOrdersList status="Active" pageSize={5} hrefTemplate="/client/orders/{id}" />
      </section>
    </div>
  );
}
