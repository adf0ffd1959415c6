// Timing and reporting helpers: medians and 95th percentiles, markdown tables, plan summaries.
import { createHash } from 'node:crypto';

export interface Summary {
  median: number;
  p95: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles: with 30–50 runs, interpolating would invent precision.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95), runs: sorted.length };
}

/** Milliseconds, with more digits where they mean something. */
export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Times one awaited call in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** The uuid the loader derives in SQL as md5(label)::uuid. */
export function md5Uuid(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface PlanSummary {
  query: string;
  /** The first few plan nodes from the top, e.g. Aggregate, Limit, Sort. */
  topNodes: string[];
  durationMs: number | null;
  indexes: string[];
  seqScans: string[];
  text: string;
}

/** Plan node names from the top down, leaving out InitPlan / SubPlan / CTE subtrees. */
function mainChain(planLines: readonly string[]): string[] {
  const nodes: string[] = [];
  let skipBelow: number | null = null;
  for (const line of planLines) {
    const indent = line.search(/\S/);
    if (skipBelow !== null && indent > skipBelow) continue;
    skipBelow = null;
    if (/^\s*(InitPlan|SubPlan|CTE)\b/.test(line)) {
      skipBelow = indent;
      continue;
    }
    const node = /^\s*(?:->\s+)?(.+?)\s+\(cost=/.exec(line)?.[1];
    if (node) nodes.push(node);
  }
  return nodes;
}

/**
 * Reads an auto_explain message (text format): the query text, then the plan. The first line
 * carrying a cost estimate is the top node.
 */
export function summarizePlan(message: string): PlanSummary {
  const lines = message.split('\n');
  const start = lines.findIndex((l) => l.includes('(cost='));
  const planLines = start < 0 ? [] : lines.slice(start);
  const plan = planLines.join('\n');
  const unique = (items: string[]) => [...new Set(items)];
  return {
    query: lines.slice(0, Math.max(0, start)).join('\n').replace(/^.*Query Text:\s*/s, '').trim(),
    topNodes: mainChain(planLines).slice(0, 4),
    durationMs: Number(/duration: ([\d.]+) ms/.exec(message)?.[1] ?? NaN) || null,
    indexes: unique([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)/g)].map((m) => m[1]!)),
    seqScans: unique([...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]!)),
    text: plan,
  };
}
