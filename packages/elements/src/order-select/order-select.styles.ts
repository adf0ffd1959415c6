import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: var(--_space-xs);
  }
  .combobox {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
    min-block-size: 2.25rem;
    padding: var(--_space-xs) var(--_space-m);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .combobox[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .combobox[aria-busy='true'] {
    cursor: progress;
    border-style: dashed;
  }
  .combobox[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .display {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .placeholder {
    color: var(--_text-muted);
  }
  .caret {
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    padding: 3px;
    transform: translateY(-2px) rotate(45deg);
    flex: none;
  }
  [role='listbox'] {
    position: absolute;
    z-index: var(--lo-select-z-index, 10);
    inset-inline: 0;
    margin: var(--_space-xs) 0 0;
    padding: var(--_space-xs);
    list-style: none;
    max-block-size: var(--lo-select-max-height, 18rem);
    overflow: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  [role='option'] {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  /* The chosen option carries a check mark, not only a heavier weight; every option keeps its
     place for it so labels line up. The mark is not read (alt text ''): aria-selected says it. */
  [role='option']::before {
    content: '';
    flex: none;
    inline-size: 1em;
  }
  [role='option'][aria-selected='true'] {
    font-weight: 600;
  }
  [role='option'][aria-selected='true']::before {
    content: '✓' / '';
  }
  .label {
    flex: auto;
  }
  [role='option'].active {
    background: var(--lo-color-surface-alt, light-dark(#eef1f5, #262a31));
    outline: 2px solid var(--_primary);
    outline-offset: -2px;
  }
  [role='option'][aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_text-muted);
  }
  .reason {
    flex: none;
    font-size: 0.85em;
    font-style: italic;
  }
  .note {
    margin-block-start: var(--_space-xs);
    color: var(--_text-muted);
  }
  .warning {
    color: var(--_warning);
  }
  .warning:empty {
    display: none;
  }
`;
