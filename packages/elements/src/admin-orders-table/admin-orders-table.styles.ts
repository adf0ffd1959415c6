import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--_space-m);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-m);
  }
  .toolbar label {
    display: grid;
    gap: var(--_space-xs);
    font-weight: 600;
  }
  select,
  input,
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  input[type='checkbox'] {
    inline-size: 1.1em;
    block-size: 1.1em;
    accent-color: var(--_primary);
  }
  button:not(:disabled) {
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .export {
    margin-inline-start: auto;
  }
  .export-status {
    color: var(--_text-muted);
  }
  .bulk,
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .bulk {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .notices p {
    margin: 0;
  }
  [part='refusal'] {
    color: var(--_danger);
  }
  th.number {
    font-weight: 400;
    white-space: nowrap;
  }
  button.open {
    font: inherit;
    border: none;
    background: none;
    padding: 0;
    color: var(--_primary);
    text-decoration: underline;
  }
  a {
    color: var(--_primary);
  }
  td.name {
    min-inline-size: 10em;
    overflow-wrap: anywhere;
  }
  td.progress {
    min-inline-size: 9em;
  }
  td.progress .delivered {
    display: block;
    margin-block-start: var(--_space-xs);
    color: var(--_text-muted);
    font-size: 0.9em;
    white-space: nowrap;
  }
  td.overdue {
    color: var(--_danger);
  }
  th.select,
  td.select {
    inline-size: 2em;
  }
`;
