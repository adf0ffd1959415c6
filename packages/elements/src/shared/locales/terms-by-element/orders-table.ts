import type { OrderExportColumn } from '@lead-orders/sdk';

/**
 * The words of `<admin-orders-table>`. Numbers arrive formatted for the locale (`n` is the raw
 * count, used only to choose the plural form); order numbers and messages arrive as they are.
 */
export interface OrdersTableTerms {
  tableLabel: string;
  colSelect: string;
  selectAll: string;
  selectRow: (orderNumber: string) => string;
  colOrder: string;
  colClient: string;
  colName: string;
  colProgress: string;
  colStatus: string;
  colTarget: string;
  colPriority: string;
  colActions: string;
  /** The label of a sortable column's button, read with the column name. */
  sortColumn: (column: string) => string;
  filterClient: string;
  allClients: string;
  filterTargetFrom: string;
  filterTargetTo: string;
  filterSearch: string;
  clearFilters: string;
  actionActivate: string;
  actionPause: string;
  actionResume: string;
  /** Resume of a Completed order. */
  actionReopen: string;
  actionComplete: string;
  actionCancel: string;
  rowActions: (orderNumber: string) => string;
  /** A row button's accessible name: its visible `action` label and the order it acts on ("Pause ORD-2026-005"). */
  actionOnOrder: (action: string, orderNumber: string) => string;
  confirmComplete: (orderNumber: string) => string;
  confirmCancel: (orderNumber: string) => string;
  confirmBulkCancel: (n: number, formatted: string) => string;
  confirmYes: string;
  confirmNo: string;
  selectedCount: (n: number, formatted: string) => string;
  bulkLabel: string;
  bulkPause: string;
  bulkResume: string;
  bulkCancel: string;
  /** A status change the database accepted. */
  actionDone: (orderNumber: string, status: string) => string;
  /** A status change the database refused; `message` is the database's explanation. */
  actionRefused: (orderNumber: string, message: string) => string;
  // The database's refusals the pages know, in the reader's words (see shared/refusal.ts); any
  // other refusal is shown in the database's own message.
  /** `order_full`: the room the order has left (`details.leads_remaining`; 0 when full). */
  refusedOrderFull: (remaining: number, formatted: string) => string;
  /** `order_not_active`: `status` is the order's status, translated. */
  refusedOrderNotActive: (status: string) => string;
  refusedLeadClientMismatch: string;
  refusedNumberTaken: string;
  refusedInvalidInput: string;
  exportCsv: string;
  exporting: string;
  /** While the export runs: how many orders it has written. */
  exportProgress: (n: number, formatted: string) => string;
  exportDone: string;
  exportFailed: (message: string) => string;
  /**
   * The CSV file's header row, per column (the SDK's `orderExportColumns`). The cells stay as the
   * database has them (numbers unformatted, ISO dates, statuses as stored) so any spreadsheet reads them.
   */
  csvHeaders: Record<OrderExportColumn, string>;
}
