import * as z from 'zod/mini';
import type { RequestOptions } from './call.js';
import { Callback, requestOptions } from './request-options.js';
import type { Order, OrderFilters, OrderPage } from './schemas.js';
import { checkInput } from './validation.js';

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
   * filters' sort. Yields to the event loop between pages so a page never freezes. Refused before
   * any request as `orders.list` refuses its filters, and with `unknown_field` for an option not
   * listed in `OrderExportOptions`.
   */
  exportRows(filters?: OrderFilters, options?: OrderExportOptions): AsyncIterableIterator<OrderExportRow>;
  /**
   * The same rows as a CSV file (`text/csv`, header row first, CRLF, cells starting with `= + - @`
   * guarded). Options and filters are checked before any request (`unknown_field` for a key
   * `OrderCsvOptions` or `labels` does not list, `invalid_input` for a bad value).
   */
  exportCsv(filters?: OrderFilters, options?: OrderCsvOptions): Promise<Blob>;
}

const exportShape = { onProgress: z.optional(Callback) };
const ExportOptions = requestOptions(exportShape);
const CsvOptions = requestOptions({
  ...exportShape,
  header: z.optional(z.enum(['label', 'key'])),
  labels: z.optional(z.strictObject(Object.fromEntries(orderExportColumns.map(([key]) => [key, z.optional(z.string())])))),
  bom: z.optional(z.boolean()),
});

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

/** Lets the browser paint and handle input between pages, so a long export never freezes the page. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula.
// d3-dsv quotes and escapes, but has no such guard; a leading apostrophe makes the cell plain text
// (OWASP's advice). Numbers are never guarded: -3 stays a number.
const formulaStart = /^[=+\-@\t\r]/;
const guard = (value: string | number | null): string | number | null =>
  typeof value === 'string' && formulaStart.test(value) ? `'${value}` : value;

/** `orders.exportRows` and `orders.exportCsv` on top of `orders.pages`. */
export function orderExport(pages: (filters?: OrderFilters, options?: RequestOptions) => AsyncIterableIterator<OrderPage>): OrderExportApi {
  async function* exportRows(filters?: OrderFilters, options?: OrderExportOptions): AsyncIterableIterator<OrderExportRow> {
    checkInput([['options', ExportOptions, options]]);
    // The largest page the database allows, unless the caller chose one: fewer round trips. Only
    // the signal goes on: the pages' own options are `{ signal }` alone. The filters are checked
    // by `pages`, on the first page.
    let written = 0;
    let first = true;
    for await (const page of pages({ limit: 500, ...filters, cursor: null }, { signal: options?.signal })) {
      if (!first) await nextTask();
      first = false;
      for (const order of page.items) yield toExportRow(order);
      written += page.items.length;
      options?.onProgress?.(written);
    }
  }

  return {
    exportRows,
    async exportCsv(filters, options) {
      checkInput([['options', CsvOptions, options]]);
      // Loaded on first use, so the SDK's main entry does not carry a CSV writer.
      const { csvFormatRow } = await import('d3-dsv');
      const keys = orderExportColumns.map(([key]) => key);
      const header = orderExportColumns.map(([key, label]) => (options?.header === 'key' ? key : options?.labels?.[key] ?? label));
      // RFC 4180: CRLF between records; d3-dsv quotes cells holding a comma, quote, CR or LF.
      const parts: string[] = [(options?.bom ? '\ufeff' : '') + csvFormatRow(header.map((h) => String(guard(h))))];
      for await (const row of exportRows(filters, { signal: options?.signal, onProgress: options?.onProgress })) {
        parts.push(csvFormatRow(keys.map((key) => guard(row[key]) as string)));
      }
      return new Blob([parts.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
    },
  };
}
