// A React 18 portal's TSX as `tsc` sees it with React 18's own types (@types/react 18, from
// test/fixtures/react-18; tsconfig.react18.json points `react` there): the agency's portal is React
// 18, where only the wrappers pass objects as properties. Each `@ts-expect-error` is a mistake the
// typings must catch: if one stops being an error, tsc fails on the unused directive.
import {
  AdminOrdersTable,
  ClientOrdersList,
  OrderAssignmentDialog,
  OrderForm,
  OrderProgressCard,
  OrderSelect,
  OrderStatsCard,
  OrderTrackingProvider,
} from '@lead-orders/elements/react';
import type { LeadAssignedDetail, OrderAssignmentDialog as AssignmentDialogElement, OrderOpenDetail, OrderSavedDetail } from '@lead-orders/elements';
import type { OrderTracking } from '@lead-orders/sdk';
import { useRef, useState, type FormEvent } from 'react';

export function React18Portal({ tracking }: { tracking: OrderTracking }) {
  const [orderId, setOrderId] = useState('');
  const dialog = useRef<AssignmentDialogElement>(null);
  const assign = (leadId: string) => void dialog.current?.show({ leadId, clientId: 'c1' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    console.log(new FormData(event.currentTarget).get('order_id'));
  };
  return (
    <OrderTrackingProvider tracking={tracking}>
      <OrderStatsCard href="/admin/orders" headingLevel={2} />
      <AdminOrdersTable pageSize={25} onOrderOpen={(event) => console.log(event.detail.orderId)} />
      <ClientOrdersList
        hrefTemplate="/orders/{id}"
        onOrderOpen={(event) => {
          const detail: OrderOpenDetail = event.detail;
          console.log(detail.order.order_number);
        }}
      />
      <OrderForm clientId="c1" onOrderSaved={(event) => console.log((event.detail satisfies OrderSavedDetail).order.id)} />
      <OrderAssignmentDialog ref={dialog} onLeadAssigned={(event) => console.log((event.detail satisfies LeadAssignedDetail).leadId)} />
      <form onSubmit={submit}>
        <OrderSelect name="order_id" clientId="c1" value={orderId} onChange={(e) => setOrderId(e.currentTarget.value)} required />
      </form>
      <OrderProgressCard orderId={orderId} compact />
      <button type="button" onClick={() => assign('l1')}>Assign</button>
      {/* @ts-expect-error show() takes an AssignmentRequest, not a lead id */}
      <button type="button" onClick={() => dialog.current?.show('l1')}>Assign</button>
      {/* @ts-expect-error pageSize is a number */}
      <ClientOrdersList pageSize="10" />
      {/* @ts-expect-error no such property */}
      <OrderProgressCard orderNumber="A-1" />
      {/* @ts-expect-error the detail has no such field */}
      <ClientOrdersList onOrderOpen={(event) => console.log(event.detail.orderNumber)} />
    </OrderTrackingProvider>
  );
}
