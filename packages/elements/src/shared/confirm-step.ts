import { css, html, type TemplateResult } from 'lit';

/**
 * The second step of an action that cannot be taken back (cancel an order, complete it): the
 * question in words, and two buttons. Inline rather than a modal, so it stays next to what it
 * concerns; the element moves focus to the confirm button when it appears (`focusConfirm`) and
 * back to where the action started when it closes.
 */
export const confirmStepStyles = css`
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-s);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .confirm .yes {
    color: var(--_surface);
    background: var(--_danger);
    border-color: var(--_danger);
  }
`;

export function confirmStep(options: { question: string; yes: string; no: string; onYes: () => void; onNo: () => void }): TemplateResult {
  const { question, yes, no, onYes, onNo } = options;
  return html`<div
    class="confirm"
    part="confirm"
    role="group"
    aria-label=${question}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onNo();
      }
    }}
  >
    <span>${question}</span>
    <button type="button" class="yes" part="confirm-yes" @click=${onYes}>${yes}</button>
    <button type="button" class="no" part="confirm-no" @click=${onNo}>${no}</button>
  </div>`;
}

/** Focuses the confirm button inside `root`, once it is rendered. */
export function focusConfirm(root: ParentNode | null | undefined): void {
  root?.querySelector<HTMLButtonElement>('[part="confirm-yes"]')?.focus();
}
