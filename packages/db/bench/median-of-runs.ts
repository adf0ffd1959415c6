// `tsx bench/median-of-runs.ts a.json b.json …`: the median across runs of each call's median,
// from files written by `BENCH_OUT=file.json npm run bench` (each holds one run or several passes).
import { readFileSync } from 'node:fs';
import { combineRuns, type Medians } from './combine.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: tsx bench/median-of-runs.ts run1.json run2.json …');
  process.exit(2);
}
const runs = files.flatMap((f) => [JSON.parse(readFileSync(f, 'utf8')) as Medians | Medians[]].flat());
console.log(combineRuns(runs));
