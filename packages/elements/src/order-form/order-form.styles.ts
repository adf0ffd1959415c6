import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-inline-size: var(--lo-form-max-width, 40rem);
  }
  form {
    display: grid;
    gap: var(--_space-m);
  }
  .heading {
    font-size: 1.2em;
    font-weight: 600;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space-m);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
    align-content: start;
  }
  label,
  .label,
  legend {
    font-weight: 600;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  fieldset.modes {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-l);
    border: none;
    padding: 0;
    margin: 0;
  }
  fieldset.modes legend {
    padding: 0;
    margin-block-end: var(--_space-xs);
  }
  label.radio {
    font-weight: 400;
    display: inline-flex;
    gap: var(--_space-xs);
    align-items: center;
  }
  .hint {
    color: var(--_text-muted);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
  }
  .field-error:empty {
    display: none;
  }
  .summary:empty {
    display: none;
  }
  .summary.error {
    color: var(--_danger);
  }
  .summary.done {
    color: var(--_success);
  }
  button[type='submit'] {
    color: var(--_surface);
    background: var(--_primary);
    border-color: var(--_primary);
    font-weight: 600;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
