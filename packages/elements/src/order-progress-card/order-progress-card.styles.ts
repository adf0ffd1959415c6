import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .card {
    display: grid;
    gap: var(--_space-s);
  }
  header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-l);
    color: var(--_text-muted);
  }
  .facts .delivered {
    color: var(--_text);
    font-weight: 600;
  }
  :host([compact]) .card {
    padding: var(--_space-s) var(--_space-m);
    gap: var(--_space-xs);
  }
  :host([compact]) .facts {
    font-size: 0.9em;
  }
`;
