import type { RequestOptions } from './call.js';
import type { Order, OrderFilters, OrderPage } from './schemas.js';

/** The export's columns, in order: keys of each row, and the English header a spreadsheet shows. */
export const orderExportColumns = [
  ['order_number', 'Order number'],
  ['client_name', 'Client'],
  ['name', 'Name'],
  ['status', 'Status'],
  ['priority', 'Priority'],
  ['leads_purchased', 'Purchased'],
  ['leads_delivered', 'Delivered'],
  ['leads_remaining', 'Remaining'],
  ['completion_percentage', 'Completion %'],
  ['start_date', 'Start date'],
  ['target_delivery_date', 'Target date'],
  ['completion_date', 'Completion date'],
  ['created_at', 'Created'],
] as const;
export type OrderExportColumn = (typeof orderExportColumns)[number][0];

/** One exported order: numbers unformatted, dates `YYYY-MM-DD`, `created_at` an ISO 8601 UTC timestamp. */
export type OrderExportRow = Record<OrderExportColumn, string | number | null>;

export interface OrderExportOptions extends RequestOptions {
  /** Called after each page with the number of orders written so far. */
  onProgress?: (rows: number) => void;
}

export interface OrderCsvOptions extends OrderExportOptions {
  /** Header row: the English labels (default), or the row keys (`order_number`, …). */
  header?: 'label' | 'key';
  /** Other header labels (e.g. translated), per column key. */
  labels?: Partial<Record<OrderExportColumn, string>>;
  /** Start with a UTF-8 byte order mark, which some spreadsheet programs need for non-ASCII text (default false). */
  bom?: boolean;
}

export interface OrderExportApi {
  /**
   * Every order the filters select (every page, through `get_orders`), one plain row each, in the
   * filters' sort. Yields to the event loop between pages so a page never freezes.
   */
  exportRows(filters?: OrderFilters, options?: OrderExportOptions): AsyncIterableIterator<OrderExportRow>;
  /** The same rows as a CSV file (`text/csv`, header row first, CRLF, cells starting with `= + - @` guarded). */
  exportCsv(filters?: OrderFilters, options?: OrderCsvOptions): Promise<Blob>;
}

/** One export row from an order of `get_orders`. */
export function toExportRow(order: Order): OrderExportRow {
  return {
    order_number: order.order_number,
    client_name: order.client_name,
    name: order.name,
    status: order.status,
    priority: order.priority,
    leads_purchased: order.leads_purchased,
    leads_delivered: order.leads_delivered,
    leads_remaining: order.leads_remaining,
    completion_percentage: order.completion_percentage,
    start_date: order.start_date,
    target_delivery_date: order.target_delivery_date,
    completion_date: order.completion_date,
    created_at: new Date(order.created_at).toISOString(),
  };
}

/** `orders.exportRows` and `orders.exportCsv` on top of `orders.pages`. */
export function orderExport(pages: (filters?: OrderFilters, options?: RequestOptions) => AsyncIterableIterator<OrderPage>): OrderExportApi {
  return {
    // eslint-disable-next-line require-yield
    async *exportRows() {
      throw new Error('not implemented yet');
    },
    async exportCsv() {
      throw new Error('not implemented yet');
    },
  };
  void pages;
}
