import { css } from 'lit';

/**
 * A real `<table>` in a scroll container with a sticky header, for the page elements that list
 * rows (orders, leads). Logical properties throughout, so right to left needs nothing.
 */
export const dataTableStyles = css`
  .scroller {
    overflow: auto;
    max-block-size: var(--lo-table-max-height, 70vh);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 0;
  }
  th,
  td {
    padding: var(--_space-s) var(--_space-m);
    text-align: start;
    vertical-align: middle;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--lo-table-header-background, var(--_surface));
    font-weight: 600;
    white-space: nowrap;
  }
  tbody tr:last-child td {
    border-block-end: none;
  }
  tbody tr.selected > * {
    background: color-mix(in srgb, var(--_primary) 10%, transparent);
  }
  button.sort {
    font: inherit;
    font-weight: 600;
    color: inherit;
    background: none;
    border: none;
    padding: 0;
    display: inline-flex;
    gap: var(--_space-xs);
    align-items: center;
    cursor: pointer;
  }
  button.sort .arrow {
    color: var(--_text-muted);
    font-size: 0.8em;
  }
  button.sort.active .arrow {
    color: var(--_primary);
  }
  td.numeric,
  th.numeric {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .pagination {
    display: flex;
    align-items: center;
    gap: var(--_space-m);
    margin-block-start: var(--_space-m);
  }
`;
