import { useEffect, useState } from 'react';
import { OrderSelect } from '@lead-orders/elements/react';
import { Pending } from './pending.js';
import type { PageProps } from './page-props.js';

/** Every lead, filtered by order, with assignment. Today: the order select for a chosen client. */
export function AdminLeads({ tracking }: PageProps) {
  const [clients, setClients] = useState<{ id: string; name: string }[]>([]);
  const [clientId, setClientId] = useState('');
  useEffect(() => {
    if (!tracking) return;
    const controller = new AbortController();
    // The clients that have orders, from the first page of every order the admin can see.
    tracking.orders.list({ limit: 100 }, { signal: controller.signal }).then(
      (page) => {
        const byId = new Map(page.items.map((o) => [o.client_id, o.client_name ?? o.client_id]));
        const list = [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
        setClients(list);
        setClientId((current) => current || list[0]?.id || '');
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [tracking]);
  return (
    <>
      <Pending element="order-filter" />
      <Pending element="assignment-dialog" />
      <form className="stack" onSubmit={(e) => e.preventDefault()}>
        <label>
          Client{' '}
          <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <OrderSelect name="order_id" label="Assign to order" allowNone clientId={clientId || undefined} />
      </form>
    </>
  );
}
