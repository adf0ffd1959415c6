import { AdminOrdersTable } from './admin-orders-table.js';

export { AdminOrdersTable };
export type { OrdersTableFilters, OrdersTableSort, OrderActionDetail, OrdersExportDetail } from './admin-orders-table.js';

if (!customElements.get('admin-orders-table')) customElements.define('admin-orders-table', AdminOrdersTable);

declare global {
  interface HTMLElementTagNameMap {
    'admin-orders-table': AdminOrdersTable;
  }
}
