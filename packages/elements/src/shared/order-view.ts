import { css, html, nothing, type TemplateResult } from 'lit';
import { daysUntil } from './dates.js';
import { isolate } from './bidi.js';
import type { LocalizeController } from './localize.js';
import type { Order } from './types.js';

/**
 * Pieces of an order shared by the progress card and the list rows, as templates rather than
 * nested elements: a list page renders many rows, and a template costs far less than an element.
 * Every value shown comes from the `order_summary` row; nothing is recomputed here.
 */
export const orderViewStyles = css`
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
    border: 1px solid currentColor;
    color: var(--_text-muted);
  }
  .badge.Active {
    color: var(--_primary);
  }
  .badge.Paused {
    color: var(--_warning);
  }
  .badge.Completed {
    color: var(--_success);
  }
  .bar {
    block-size: var(--lo-progress-height, 0.5rem);
    background: var(--_track);
    border-radius: 999px;
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    inline-size: var(--_value);
    background: var(--lo-progress-color, var(--_primary));
    border-radius: inherit;
  }
  @media (prefers-reduced-motion: no-preference) {
    .fill {
      transition: inline-size 0.3s;
    }
  }
  .fill.nearly {
    background: var(--lo-progress-nearly-full-color, var(--_warning));
  }
  .fill.full {
    background: var(--lo-progress-full-color, var(--_success));
  }
  .overdue,
  .behind {
    color: var(--_danger);
  }
  .ahead {
    color: var(--_success);
  }
  .title {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .number {
    font-weight: 600;
  }
`;

export function statusBadge(l: LocalizeController, order: Order): TemplateResult {
  return html`<span class="badge ${order.status}" part="badge">${l.term('status')[order.status]}</span>`;
}

/**
 * "ORD-2025-001 · Q1 Hiring Blitz" (the name is optional). Both are typed by people and may hold
 * any script or direction mark: each sits in its own `<bdi>` so it cannot reorder what follows.
 */
export function orderTitle(order: Order): TemplateResult {
  return html`<bdi class="number" part="order-number">${order.order_number}</bdi>${order.name
    ? html` · <bdi part="name">${order.name}</bdi>`
    : nothing}`;
}


/**
 * The delivered share, 0–100 with one decimal, rounded down: 1,999 of 2,000 is 99.9, never 100
 * before the last lead (the database's `completion_percentage` rounds to nearest).
 */
export function percentDone(order: Order): number {
  const { leads_delivered: d, leads_purchased: p } = order;
  return p > 0 ? Math.min(100, Math.max(0, Math.floor((d * 1000) / p) / 10)) : 0;
}

/** A `progressbar` from 0 to 100, the ARIA defaults, so no min or max is written. */
export function progressBar(l: LocalizeController, order: Order): TemplateResult {
  const pct = percentDone(order);
  const delivered = l.number(order.leads_delivered);
  const purchased = l.number(order.leads_purchased);
  return html`<div
    class="bar"
    part="bar"
    role="progressbar"
    aria-label=${l.term('progressLabel')}
    aria-valuenow=${pct}
    aria-valuetext=${l.term('progressValue')(isolate(delivered), isolate(purchased), isolate(l.percent(pct)))}
  >
    <div class="fill ${order.leads_remaining === 0 ? 'full' : order.is_nearly_full ? 'nearly' : ''}" part="fill" style="--_value:${pct}%"></div>
  </div>`;
}

export function deliveredText(l: LocalizeController, order: Order): string {
  return l.term('deliveredOf')(l.number(order.leads_delivered), l.number(order.leads_purchased));
}

export function remainingText(l: LocalizeController, order: Order): string {
  return l.term('remaining')(order.leads_remaining, l.number(order.leads_remaining));
}

/**
 * Days left, due today or days overdue, counted from the viewer's today in `timeZone` (IANA;
 * undefined means the browser's), not from the database's `days_remaining` and `is_overdue`,
 * which count from the server's UTC date. Overdue follows the database's rule: an Active or
 * Paused order with leads remaining past its target date. Closed and full orders, and drafts
 * past their date, have no deadline to show.
 */
export function timing(l: LocalizeController, order: Order, timeZone?: string): TemplateResult | typeof nothing {
  const { status } = order;
  if (status === 'Completed' || status === 'Cancelled') return nothing;
  if (!order.target_delivery_date) return html`<span part="timing">${l.term('noTargetDate')}</span>`;
  const days = daysUntil(order.target_delivery_date, timeZone);
  if (days < 0) {
    if (status === 'Draft' || order.leads_remaining <= 0) return nothing;
    return html`<span class="overdue" part="timing">${l.term('daysOverdue')(-days, l.number(-days))}</span>`;
  }
  const text = days === 0 ? l.term('dueToday') : l.term('daysLeft')(days, l.number(days));
  return html`<span part="timing">${text}</span>`;
}

export function pace(l: LocalizeController, order: Order): TemplateResult | typeof nothing {
  if (!order.pace) return nothing;
  return html`<span class="${order.pace}" part="pace">${l.term('pace')[order.pace]}</span>`;
}
