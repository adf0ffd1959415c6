import { Pending } from './pending.js';
import type { PageProps } from './page-props.js';

/** Creating an order for a client. */
export function AdminNewOrder(_props: PageProps) {
  return (
    <Pending element="order-form">
      It creates an order for a client through the SDK (<code>tracking.orders.create</code>).
    </Pending>
  );
}
