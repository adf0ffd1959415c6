import { html, type TemplateResult } from 'lit';

/**
 * A column header. A sortable column holds a button that asks for its sort, and says which
 * column the rows are sorted by with `aria-sort` (only on that column, as the ARIA table
 * pattern wants). The database sorts each key one way only, so the direction is a property of
 * the key, not a toggle.
 */
export function sortHeader(options: {
  label: string;
  /** Present when the column can be sorted: its sort key and the button's accessible name. */
  sort?: { key: string; active: boolean; direction: 'ascending' | 'descending'; buttonLabel: string; onSort: (key: string) => void };
  className?: string;
}): TemplateResult {
  const { label, sort, className = '' } = options;
  if (!sort) return html`<th scope="col" class=${className} part="header-cell">${label}</th>`;
  return html`<th scope="col" class=${className} part="header-cell" aria-sort=${sort.active ? sort.direction : 'none'}>
    <button
      type="button"
      class="sort ${sort.active ? 'active' : ''}"
      part="sort-button"
      aria-label=${sort.buttonLabel}
      aria-pressed=${sort.active ? 'true' : 'false'}
      @click=${() => sort.onSort(sort.key)}
    >
      ${label}<span class="arrow" aria-hidden="true">${sort.active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
    </button>
  </th>`;
}
