export type Row = { case: string; measure: string; runs: number; 'median ms': number; 'p95 ms': number };

/** Resolves after the next frame has been painted. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One table row: the median and 95th percentile (ms) of `samples`. */
export function summarize(name: string, measure: string, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { case: name, measure, runs: samples.length, 'median ms': round(at(0.5)), 'p95 ms': round(at(0.95)) };
}
