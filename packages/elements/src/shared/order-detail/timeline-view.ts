import { html, nothing, type TemplateResult } from 'lit';
import type { OrderEvent } from '@lead-orders/sdk';
import type { LocalizeController } from '../localize.js';

const stamps = new Map<string, Intl.DateTimeFormat>();
/** A moment in the reader's language and the browser's time zone, e.g. "Mar 3, 2025, 14:05". */
export function formatMoment(lang: string, timestamp: string): string {
  let format = stamps.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    }
    stamps.set(lang, format);
  }
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : format.format(time);
}

/** How many events the history shows before the rest folds away behind "Show n earlier changes". */
export const timelineShown = 10;

/**
 * The order's history (from `orders.get(...).timeline`, newest first) as an ordered list of
 * sentences. `actor` gives who made each change, shown after it ("by Ada Admin", the name isolated
 * as user text); the admin's page passes the event's `actor_name`, a client's page nothing.
 * The newest `timelineShown` (10) events are listed; older ones wait in a native
 * `<details>` ("Show 57 earlier changes", in the reader's language) in the list's last item, so a
 * page with 200 events is not thousands of pixels tall; the oldest event stays the last `<li>`.
 */
export function timelineView(
  l: LocalizeController,
  events: OrderEvent[],
  words: (event: OrderEvent) => string,
  actor?: (event: OrderEvent) => string | null | undefined,
): TemplateResult {
  const lang = l.lang();
  if (events.length === 0) return html`<p part="timeline-empty">${l.term('timelineEmpty')}</p>`;
  const actorOf = (e: OrderEvent) => {
    const name = actor?.(e);
    return name ? html`<span part="actor">${l.term('timelineBy')} <bdi>${name}</bdi></span>` : nothing;
  };
  const item = (e: OrderEvent) => html`<li part="event" data-type=${e.event_type}>
    <time datetime=${e.created_at}>${formatMoment(lang, e.created_at)}</time>
    <span>${words(e)}</span>
    ${actorOf(e)}
  </li>`;
  const newest = events.slice(0, timelineShown);
  const earlier = events.slice(timelineShown);
  return html`<ol class="timeline" part="timeline">
    ${newest.map(item)}
    ${earlier.length === 0
      ? nothing
      : html`<li class="earlier">
          <details class="timeline-earlier" part="timeline-earlier">
            <summary>${l.term('timelineEarlier')(earlier.length, l.number(earlier.length))}</summary>
            <ol class="timeline">
              ${earlier.map(item)}
            </ol>
          </details>
        </li>`}
  </ol>`;
}
