import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-m);
    border: none;
    margin: 0;
    padding: 0;
  }
  label {
    display: grid;
    gap: var(--_space-xs);
    font-weight: 600;
  }
  select {
    font: inherit;
    font-weight: 400;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
