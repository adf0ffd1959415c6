import { css, html, svg, nothing, type TemplateResult } from 'lit';
import { nice, ticks } from 'd3-array';
import { line, curveStepAfter } from 'd3-shape';
import type { DeliverySeries } from '@lead-orders/sdk';
import type { LocalizeController } from '../localize.js';
import { formatDay } from '../data-table/date-format.js';

/**
 * The delivery chart both detail pages show: the order's cumulative deliveries over time (a step
 * line, from `orders.deliverySeries`), the straight-line pace from the start date to the target
 * date (where the order should be on each day to finish on time), and the target date marked.
 * Drawn as SVG: `d3-shape` draws the lines, `d3-array` picks round ticks; the axes are plain
 * linear maps (d3-scale's scales would add about 10 KB of interpolators and formatters that
 * `Intl` and two lines of arithmetic replace). Nothing is computed that the database did not
 * return, beyond placing it on the axes.
 *
 * For screen readers the `<svg>` is one image with a sentence saying what it shows, and the same
 * numbers follow in a real table (inside a `<details>`, so sighted readers can open it too).
 */
export const deliveryChartStyles = css`
  .chart {
    display: grid;
    gap: var(--_space-s);
  }
  .chart svg {
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }
  .chart .axis text {
    fill: var(--_text-muted);
    font-size: 11px;
  }
  .chart .axis line,
  .chart .grid line {
    stroke: var(--_border);
  }
  .chart .delivered {
    fill: none;
    stroke: var(--lo-chart-delivered-color, var(--_primary));
    stroke-width: 2.5;
  }
  /* Each delivery day is marked too: a single day's deliveries make a line of no length. */
  .chart .point {
    fill: var(--lo-chart-delivered-color, var(--_primary));
  }
  .chart .pace {
    fill: none;
    stroke: var(--lo-chart-pace-color, var(--_text-muted));
    stroke-width: 1.5;
    stroke-dasharray: 6 4;
  }
  .chart .target line {
    stroke: var(--lo-chart-target-color, var(--_danger));
    stroke-width: 1.5;
  }
  .chart .target text {
    fill: var(--lo-chart-target-color, var(--_danger));
    font-size: 11px;
  }
  .chart .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-l);
    color: var(--_text-muted);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chart .swatch {
    display: inline-block;
    inline-size: 1.5em;
    block-size: 0;
    border-block-start: 2.5px solid var(--lo-chart-delivered-color, var(--_primary));
    vertical-align: middle;
    margin-inline-end: var(--_space-xs);
  }
  .chart .swatch.pace {
    border-block-start: 1.5px dashed var(--lo-chart-pace-color, var(--_text-muted));
  }
  .chart .swatch.target {
    border-block-start: 1.5px solid var(--lo-chart-target-color, var(--_danger));
  }
  .chart table {
    border-collapse: collapse;
    margin-block-start: var(--_space-s);
  }
  .chart th,
  .chart td {
    padding: var(--_space-xs) var(--_space-m);
    text-align: end;
    border-block-end: 1px solid var(--_border);
    font-variant-numeric: tabular-nums;
  }
  .chart th:first-child,
  .chart td:first-child {
    text-align: start;
  }
`;

const width = 640;
const height = 240;
const margin = { top: 16, right: 16, bottom: 28, left: 44 };

const dayMs = 86_400_000;

/** Maps [d0, d1] linearly onto [r0, r1]. */
const linear = (d0: number, d1: number, r0: number, r1: number) => (v: number) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0);
const day = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00Z`);

/** The chart of `series`; `idPrefix` keeps ids unique when a page shows two charts. */
export function deliveryChart(l: LocalizeController, series: DeliverySeries, idPrefix = 'chart'): TemplateResult {
  const lang = l.lang();
  const points = series.points.map((p) => ({ date: day(p.date), cumulative: p.cumulative, delivered: p.delivered, label: p.date }));
  const start = series.start_date ? day(series.start_date) : points[0]?.date;
  const target = series.target_delivery_date ? day(series.target_delivery_date) : undefined;
  const dates = [start, target, ...points.map((p) => p.date)].filter((d): d is Date => !!d);
  const summary = chartSummary(l, series);
  if (dates.length === 0) return html`<p class="chart" part="chart">${summary}</p>`;

  const first = new Date(Math.min(...dates.map(Number)));
  const last = new Date(Math.max(...dates.map(Number), Number(first) + 86_400_000));
  // The x axis counts whole days (UTC), so ticks land on days and Intl labels them.
  const [d0, d1] = [Number(first) / dayMs, Number(last) / dayMs];
  const x = (date: Date) => linear(d0, d1, margin.left, width - margin.right)(Number(date) / dayMs);
  const [, top] = nice(0, Math.max(series.leads_purchased, series.leads_delivered, 1), 4);
  const y = linear(0, top, height - margin.bottom, margin.top);
  // The step line starts at zero on the start date, so the first deliveries show as a rise.
  const steps = [...(start && (!points[0] || start < points[0].date) ? [{ date: start, cumulative: 0 }] : []), ...points];
  const delivered = line<{ date: Date; cumulative: number }>()
    .x((p) => x(p.date))
    .y((p) => y(p.cumulative))
    .curve(curveStepAfter)(steps);
  const pace =
    start && target && target > start
      ? line<[Date, number]>()
          .x((p) => x(p[0]))
          .y((p) => y(p[1]))([
          [start, 0],
          [target, series.leads_purchased],
        ])
      : null;
  const dateTicks = ticks(d0, d1, Math.min(6, Math.max(2, points.length)))
    .filter(Number.isInteger)
    .map((n) => new Date(n * dayMs));
  const countTicks = ticks(0, top, 4);
  const titleId = `${idPrefix}-title`;

  return html`<figure class="chart" part="chart">
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby=${titleId}>
      <title id=${titleId}>${summary}</title>
      ${svg`<g class="grid">${countTicks.map((t) => svg`<line x1=${margin.left} x2=${width - margin.right} y1=${y(t)} y2=${y(t)}></line>`)}</g>
      <g class="axis">
        ${countTicks.map((t) => svg`<text x=${margin.left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${l.number(t)}</text>`)}
        ${dateTicks.map((t) => svg`<text x=${x(t)} y=${height - 8} text-anchor="middle">${shortDay(lang, t)}</text>`)}
      </g>
      ${pace ? svg`<path class="pace" d=${pace}></path>` : nothing}
      ${delivered ? svg`<path class="delivered" d=${delivered}></path>` : nothing}
      ${svg`<g class="points">${points.map((p) => svg`<circle class="point" cx=${x(p.date)} cy=${y(p.cumulative)} r="3.5"></circle>`)}</g>`}
      ${target
        ? svg`<g class="target"><line x1=${x(target)} x2=${x(target)} y1=${margin.top} y2=${height - margin.bottom}></line>
            <text x=${x(target)} y=${margin.top - 4} text-anchor="middle">${l.term('chartTarget')}</text></g>`
        : nothing}`}
    </svg>
    <figcaption>
      <ul class="legend" part="chart-legend">
        <li><span class="swatch"></span>${l.term('chartDelivered')}</li>
        ${pace ? html`<li><span class="swatch pace"></span>${l.term('chartPace')}</li>` : nothing}
        ${target ? html`<li><span class="swatch target"></span>${l.term('chartTarget')} · ${formatDay(lang, series.target_delivery_date)}</li>` : nothing}
      </ul>
    </figcaption>
    <details part="chart-data">
      <summary>${l.term('chartDataTable')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${series.bucket === 'week' ? l.term('chartWeekOf') : l.term('chartDay')}</th>
            <th scope="col">${l.term('chartDeliveredInBucket')}</th>
            <th scope="col">${l.term('chartCumulative')}</th>
          </tr>
        </thead>
        <tbody>
          ${points.map(
            (p) => html`<tr><td>${formatDay(lang, p.label)}</td><td>${l.number(p.delivered)}</td><td>${l.number(p.cumulative)}</td></tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}

/** "45 of 100 leads delivered by Mar 10, 2025; target date Mar 31, 2025." */
export function chartSummary(l: LocalizeController, series: DeliverySeries): string {
  const lang = l.lang();
  const lastDay = series.points.at(-1)?.date ?? null;
  return l.term('chartSummary')(
    l.number(series.leads_delivered),
    l.number(series.leads_purchased),
    lastDay ? formatDay(lang, lastDay) : '',
    series.target_delivery_date ? formatDay(lang, series.target_delivery_date) : '',
  );
}

const tickFormats = new Map<string, Intl.DateTimeFormat>();
function shortDay(lang: string, date: Date): string {
  let format = tickFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
    }
    tickFormats.set(lang, format);
  }
  return format.format(date);
}
