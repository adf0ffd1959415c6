import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    inline-size: var(--lo-dialog-width, min(32rem, 100vw - 2rem));
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-l);
    font-family: var(--lo-font-family, system-ui, sans-serif);
    font-size: var(--lo-font-size, 0.875rem);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  form {
    display: grid;
    gap: var(--_space-m);
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  .note {
    margin: 0;
    color: var(--_warning);
  }
  .message {
    margin: 0;
    color: var(--_danger);
  }
  .message:empty {
    display: none;
  }
  .search-status {
    margin: 0;
    color: var(--_text-muted);
  }
  .search-status:empty {
    display: none;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-s);
  }
  button {
    cursor: pointer;
  }
  button[type='submit'] {
    color: var(--_surface);
    background: var(--_primary);
    border-color: var(--_primary);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
