import { css } from 'lit';

export const styles = css`
  .client {
    color: var(--_text-muted);
  }
  .status-actions,
  .assign-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .assign-bar {
    margin-block-start: var(--_space-s);
  }
  button,
  select,
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  button:not(:disabled) {
    cursor: pointer;
  }
  button.assign:not(:disabled) {
    color: var(--_surface);
    background: var(--_primary);
    border-color: var(--_primary);
    font-weight: 600;
  }
  label.inline {
    display: inline-grid;
    gap: var(--_space-xs);
    font-weight: 600;
    margin-block-end: var(--_space-s);
  }
  .over,
  .notice.refused {
    color: var(--_danger);
  }
  .notice.done {
    color: var(--_success);
  }
  .notice:empty {
    display: none;
  }
  .lead-actions,
  .move-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .move {
    display: grid;
    gap: var(--_space-s);
    margin-block: var(--_space-s);
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .move-title {
    margin: 0;
    font-weight: 600;
  }
`;
