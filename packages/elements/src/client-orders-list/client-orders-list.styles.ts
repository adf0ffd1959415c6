import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-m);
    margin-block-end: var(--_space-m);
  }
  .toolbar label {
    display: grid;
    gap: var(--_space-xs);
    font-weight: 600;
  }
  select,
  button {
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
  /* Unavailable page buttons must look it, not only say it: muted, dashed, no pointer. Busy ones
     (aria-disabled while a page loads) look the same, so focus can stay on them. */
  button:disabled,
  button[aria-disabled='true'] {
    color: var(--_text-muted);
    background: var(--_track);
    border-style: dashed;
    cursor: not-allowed;
  }
  section[aria-busy='true'] nav {
    cursor: progress;
  }
  .count {
    margin-inline-start: auto;
    color: var(--_text-muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  li {
    display: grid;
    gap: var(--_space-xs);
    padding: var(--_space-m);
  }
  .row-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: var(--_space-s);
  }
  a,
  .open {
    color: var(--_primary);
    text-decoration: underline;
    text-align: start;
  }
  .open {
    border: none;
    background: none;
    padding: 0;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-l);
    color: var(--_text-muted);
  }
  nav {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-m);
    margin-block-start: var(--_space-m);
  }
`;
