import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { OrderForm } from '@lead-orders/elements/react';
import type { OrderSavedDetail } from '@lead-orders/elements';
import type { PageProps } from './page-props.js';

/** Creating an order for a client; once the database saved it, its page opens. */
export function AdminNewOrder(_props: PageProps) {
  const [, navigate] = useLocation();
  const onOrderSaved = useCallback((event: CustomEvent<OrderSavedDetail>) => navigate(`/admin/orders/${event.detail.order.id}`), [navigate]);
  return <OrderForm headingLevel={2} onOrderSaved={onOrderSaved} />;
}
