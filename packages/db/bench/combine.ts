// Combines several measuring runs into one table: the median across runs of each call's median,
// ours beside the proposal's and the ratio. On a shared machine one run's absolute times can be
// off several-fold; the median of runs and the ratio (both designs measured in the same run,
// turn by turn) are what to compare.
import { ms, table } from './measure.js';

/** One run's medians: one row per call, ours and the proposal's, in ms; and the write-cost variants. */
export interface Medians {
  rows: { call: string; as: string; ours: number; proposal: number | null; target: number | null }[];
  writeCost: { variant: string; assign: number; hot: Record<string, number | null> }[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ratio = (proposal: number, ours: number) => `×${(proposal / ours).toFixed(proposal / ours < 10 ? 1 : 0)}`;

/** Markdown: the calls table and the write-cost table, medians across `runs`. */
export function combineRuns(runs: readonly Medians[]): string {
  const key = (r: { call: string; as: string }) => `${r.call}\u0000${r.as}`;
  const rows = runs[0]!.rows.map((first) => {
    const same = runs.map((run) => run.rows.find((r) => key(r) === key(first))).filter((r) => r !== undefined);
    const ours = median(same.map((r) => r.ours));
    const proposals = same.map((r) => r.proposal).filter((p): p is number => p !== null && Number.isFinite(p));
    const proposal = proposals.length > 0 ? median(proposals) : null;
    return { ...first, ours, proposal, spread: same.map((r) => ms(r.ours)).join(', ') };
  });
  const calls = table(
    ['call', 'as', 'ours (ms)', 'proposal (ms)', 'ratio', 'target', 'met', 'each run (ours)'],
    rows.map((r) => [
      r.call,
      r.as,
      ms(r.ours),
      r.proposal === null ? '–' : ms(r.proposal),
      r.proposal === null ? '–' : ratio(r.proposal, r.ours),
      r.target === null ? '–' : `≤ ${r.target}`,
      r.target === null ? '–' : r.ours <= r.target ? 'yes' : '**no**',
      r.spread,
    ]),
  );
  const writes = table(
    ['variant', 'assign median (ms)', 'HOT share of orders updates', 'of order_progress', 'of open_orders'],
    runs[0]!.writeCost.map((first) => {
      const same = runs.map((run) => run.writeCost.find((v) => v.variant === first.variant)).filter((v) => v !== undefined);
      const hot = (name: string) => {
        const shares = same.map((v) => v.hot[name]).filter((h): h is number => h !== null && h !== undefined);
        return shares.length === 0 ? '–' : `${(100 * median(shares)).toFixed(0)}%`;
      };
      return [first.variant, ms(median(same.map((v) => v.assign))), hot('public.orders'), hot('lead_orders.order_progress'), hot('lead_orders.open_orders')];
    }),
  );
  return `Median of ${runs.length} runs (each run's median per call; each run's own in the last column).\n\n${calls}\n\n${writes}`;
}
