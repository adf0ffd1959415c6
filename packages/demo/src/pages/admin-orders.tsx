import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { AdminOrdersTable } from '@lead-orders/elements/react';
import type { OrdersTableFilters } from '@lead-orders/elements';
import type { PageProps } from './page-props.js';
import { useWords } from '../shell/words.js';

/** The table's filters as URL parameters, so a filtered list can be reloaded, shared and gone back to. */
const keys = {
  status: 'status',
  clientId: 'client',
  targetFrom: 'from',
  targetTo: 'to',
  search: 'q',
  sort: 'sort',
  page: 'page',
} as const satisfies Record<keyof OrdersTableFilters, string>;

/** Every client's orders: the admin's orders table, its filters kept in the page's URL. */
export function AdminOrders(_props: PageProps) {
  const words = useWords();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const onFiltersChange = useCallback(
    (event: CustomEvent<OrdersTableFilters>) => {
      const next = new URLSearchParams();
      for (const [name, key] of Object.entries(keys) as [keyof OrdersTableFilters, string][]) {
        const value = event.detail[name];
        // The default sort stays out of the URL.
        if (value && !(name === 'sort' && value === 'priority')) next.set(key, value);
      }
      const query = next.toString();
      navigate(query ? `/admin/orders?${query}` : '/admin/orders', { replace: true });
    },
    [navigate],
  );
  return (
    <>
      <p>
        <a className="button" href="/admin/orders/new">
          {words.newOrder}
        </a>
      </p>
      <AdminOrdersTable
        status={(params.get(keys.status) ?? '') as OrdersTableFilters['status']}
        clientId={params.get(keys.clientId) ?? ''}
        targetFrom={params.get(keys.targetFrom) ?? ''}
        targetTo={params.get(keys.targetTo) ?? ''}
        search={params.get(keys.search) ?? ''}
        sort={(params.get(keys.sort) ?? 'priority') as OrdersTableFilters['sort']}
        page={params.get(keys.page) ?? ''}
        pageSize={20}
        hrefTemplate="/admin/orders/{id}"
        onFiltersChange={onFiltersChange}
      />
    </>
  );
}
