import { ClientOrdersList, ClientOrdersSummary } from '@lead-orders/elements/react';
import type { PageProps } from './page-props.js';
import { useWords } from '../shell/words.js';

/** A client's start page: the "My orders" card and the orders being delivered. */
export function ClientDashboard(_props: PageProps) {
  const words = useWords();
  return (
    <div className="grid">
      <ClientOrdersSummary href="/client/orders" />
      <section className="wide" aria-labelledby="in-delivery">
        <h2 id="in-delivery">{words.inDelivery}</h2>
        <ClientOrdersList status="Active" pageSize={5} hrefTemplate="/client/orders/{id}" />
      </section>
    </div>
  );
}
