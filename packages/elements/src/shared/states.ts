import { css, html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from './localize.js';

/** The loading, error and not-found views every widget shares. */
export const stateStyles = css`
  .skeleton {
    display: grid;
    gap: var(--_space-s);
  }
  .skeleton span {
    display: block;
    block-size: 0.9em;
    border-radius: var(--_radius);
    background: var(--_track);
  }
  .skeleton span:nth-child(2) {
    inline-size: 70%;
  }
  @keyframes lo-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: lo-pulse 1.4s infinite;
    }
  }
  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    color: var(--_text-muted);
  }
  .message[role='alert'] {
    color: var(--_danger);
  }
  button.retry {
    font: inherit;
    color: var(--_primary);
    background: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    cursor: pointer;
  }
`;

/** A placeholder with the element's rough shape; the label keeps screen readers informed. */
export function skeleton(l: LocalizeController): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status" aria-label=${l.term('loading')}>
    <span></span><span></span><span></span>
  </div>`;
}

export function errorView(l: LocalizeController, retry: () => void): TemplateResult {
  return html`<div class="message" part="error" role="alert">
    <span>${l.term('error')}</span>
    <button class="retry" part="retry" type="button" @click=${retry}>${l.term('retry')}</button>
  </div>`;
}

export function messageView(text: string, part: 'empty' | 'not-found' | 'not-connected'): TemplateResult {
  return html`<div class="message" part=${part}>${text}</div>`;
}

export { nothing };
