import { css, html, nothing, type TemplateResult } from 'lit';

/** The layout both dashboard cards share: a heading, a row of figures and a link. */
export const statsViewStyles = css`
  :host {
    display: block;
  }
  .card {
    display: grid;
    gap: var(--_space-m);
  }
  .title {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-l) calc(var(--_space-l) * 2);
    margin: 0;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    font-size: 1.8em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .warn dd {
    color: var(--_warning);
  }
  .danger dd {
    color: var(--_danger);
  }
  a {
    color: var(--_primary);
  }
`;

export interface Figure {
  label: string;
  value: string;
  /** Highlights a figure that calls for action. */
  tone?: 'warn' | 'danger' | undefined;
}

export function figures(list: Figure[]): TemplateResult {
  return html`<dl part="figures">
    ${list.map(
      (f) => html`<div class=${f.tone ?? ''} part="figure"><dt>${f.label}</dt><dd part="value">${f.value}</dd></div>`,
    )}
  </dl>`;
}

export function heading(text: string, level: number): TemplateResult {
  const clamped = Math.min(6, Math.max(1, Math.round(level) || 2));
  return html`<div class="title" part="title" role="heading" aria-level=${clamped}>${text}</div>`;
}

export function link(href: string | undefined, text: string): TemplateResult | typeof nothing {
  return href ? html`<a part="link" href=${href}>${text}</a>` : nothing;
}
