import { css } from 'lit';

/** Layout both detail pages share: sections with headings, the forecast, the history. */
export const orderDetailStyles = css`
  :host {
    display: block;
  }
  .page {
    display: grid;
    gap: var(--_space-l);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  .page-title {
    margin: 0;
    font-size: 1.3em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .section-title {
    margin: 0 0 var(--_space-s);
    font-size: 1.05em;
    font-weight: 600;
  }
  .status-words {
    margin: 0;
    color: var(--_text-muted);
  }
  .forecast p {
    margin: 0 0 var(--_space-xs);
  }
  .forecast .behind {
    color: var(--_danger);
  }
  .forecast .ahead {
    color: var(--_success);
  }
  .ltr {
    white-space: nowrap;
    unicode-bidi: isolate;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .timeline li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
  }
  .timeline li.earlier {
    display: block;
  }
  .timeline-earlier summary {
    cursor: pointer;
    margin-block: var(--_space-xs);
  }
  .timeline [part='actor'] {
    color: var(--_text-muted);
  }
  .timeline time {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
    min-inline-size: 11em;
  }
  nav.pagination button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    cursor: pointer;
  }
`;
