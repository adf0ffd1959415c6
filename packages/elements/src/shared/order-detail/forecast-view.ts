import { html, type TemplateResult } from 'lit';
import type { OrderForecast } from '@lead-orders/sdk';
import type { LocalizeController } from '../localize.js';
import { formatDay } from '../data-table/date-format.js';

/**
 * The forecast in sentences, from `orders.forecast`: the recent rate, the projected completion
 * date and whether it lands by the target, and the rate still needed. Every number is the
 * database's; nothing is projected here.
 */
export function forecastView(l: LocalizeController, f: OrderForecast): TemplateResult {
  const lang = l.lang();
  const rate = l.number(f.recent_per_day, { maximumFractionDigits: 2 });
  const lines: { text: string; tone?: string }[] = [{ text: l.term('forecastRate')(rate, l.number(f.window_days)) }];
  if (f.projected_completion_date) {
    lines.push({ text: l.term('forecastProjected')(formatDay(lang, f.projected_completion_date)) });
    if (f.on_track !== null) lines.push({ text: f.on_track ? l.term('forecastOnTrack') : l.term('forecastLate'), tone: f.on_track ? 'ahead' : 'behind' });
  } else if (f.leads_remaining > 0 && (f.status === 'Active' || f.status === 'Paused')) {
    lines.push({ text: l.term('forecastNone') });
  }
  if (f.needed_per_day !== null && f.leads_remaining > 0) {
    lines.push({ text: l.term('forecastNeeded')(l.number(f.needed_per_day, { maximumFractionDigits: 2 })) });
  }
  return html`<div class="forecast" part="forecast">${lines.map((line) => html`<p class=${line.tone ?? ''}>${line.text}</p>`)}</div>`;
}
