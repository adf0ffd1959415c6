import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../shared/localize.js';
import type { Tracking } from '../shared/tracking.js';
import type { OrderStatus } from '../shared/types.js';

const statuses: OrderStatus[] = ['Draft', 'Active', 'Paused', 'Completed', 'Cancelled'];

/** The sorts `get_orders` has; the table's sortable columns map onto them. */
export type OrdersTableSort = 'priority' | 'target' | 'progress' | 'newest';
export const sorts: readonly OrdersTableSort[] = ['priority', 'target', 'progress', 'newest'];
/** Each server sort runs one way only: priority high first, nearest target first, least delivered first. */
export const sortDirection: Record<OrdersTableSort, 'ascending' | 'descending'> = {
  priority: 'descending',
  target: 'ascending',
  progress: 'ascending',
  newest: 'descending',
};

/** `detail` of `filters-change`: every filter and the sort, `''` where none is set. */
export interface OrdersTableFilters {
  status: OrderStatus | '';
  clientId: string;
  targetFrom: string;
  targetTo: string;
  search: string;
  sort: OrdersTableSort;
  /** The page on screen (the `page` attribute): `''` for the first; reset by any filter or sort change. */
  page: string;
}

/** A client of the filter's picker (`clients.list`). */
export type ClientOption = Awaited<ReturnType<Tracking['clients']['list']>>['items'][number];

/** What the filter bar shows and whom it tells about changes. */
export interface FilterBarOptions {
  filters: OrdersTableFilters;
  /** The client picker's choices; `null` hides the picker (the `client-id` attribute still filters). */
  clients: ClientOption[] | null;
  /** Whether "Export CSV" is offered (an SDK and no host-given rows). */
  canExport: boolean;
  exporting: boolean;
  /** Orders written so far by the running export. */
  exported: number;
  onFilter: (key: keyof OrdersTableFilters, value: string) => void;
  onExport: () => void;
}

/**
 * The table's toolbar: status, client, target-date range and search filters, "Export CSV" and
 * the export's progress (a `role="status"` region that is always in the page, so additions are
 * announced). Every change is handed to `onFilter` as typed; the table trims and compares.
 */
export function filterBar(l: LocalizeController, options: FilterBarOptions): TemplateResult {
  const { filters, clients, canExport, exporting, exported, onFilter, onExport } = options;
  const names = l.term('status');
  const onChange = (key: keyof OrdersTableFilters) => (e: Event) => onFilter(key, (e.target as HTMLInputElement).value);
  const clientKnown = !filters.clientId || !clients || clients.some((c) => c.id === filters.clientId);
  return html`<div class="toolbar" part="toolbar">
    <label
      >${l.term('filterStatus')}
      <select @change=${onChange('status')}>
        <option value="" ?selected=${!filters.status}>${l.term('allStatuses')}</option>
        ${statuses.map((s) => html`<option value=${s} ?selected=${filters.status === s}>${names[s]}</option>`)}
      </select>
    </label>
    ${clients
      ? html`<label
          >${l.term('filterClient')}
          <select @change=${onChange('clientId')}>
            <option value="" ?selected=${!filters.clientId}>${l.term('allClients')}</option>
            ${clientKnown ? nothing : html`<option value=${filters.clientId} selected>${filters.clientId}</option>`}
            ${clients.map((c) => html`<option value=${c.id} ?selected=${filters.clientId === c.id}>${c.client_name}</option>`)}
          </select>
        </label>`
      : nothing}
    <label
      >${l.term('filterTargetFrom')}
      <input type="date" .value=${filters.targetFrom} max=${filters.targetTo || nothing} @change=${onChange('targetFrom')} />
    </label>
    <label
      >${l.term('filterTargetTo')}
      <input type="date" .value=${filters.targetTo} min=${filters.targetFrom || nothing} @change=${onChange('targetTo')} />
    </label>
    <label
      >${l.term('filterSearch')}
      <input type="search" .value=${filters.search} @change=${onChange('search')} @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') onChange('search')(e);
      }} />
    </label>
    ${canExport
      ? html`<button type="button" class="export" part="export" aria-disabled=${exporting ? 'true' : 'false'} @click=${onExport}>
          ${l.term('exportCsv')}
        </button>`
      : nothing}
    <span class="export-status" part="export-status" role="status">${exporting
      ? html`<progress aria-label=${l.term('exporting')}></progress> ${l.term('exportProgress')(exported, l.number(exported))}`
      : nothing}</span>
  </div>`;
}
