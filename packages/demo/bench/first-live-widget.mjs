// `npm run bench -w packages/demo`: time from opening the portal to its first live widget, and the
// longest main-thread task until then, in headless Chromium. "First visit" is a fresh browser
// profile (the snapshot is fetched and loaded); "reload" resumes the database kept in IndexedDB
// (the first visit's page stays open until it is kept).
// Build first (`npm run build -w packages/demo`). RUNS sets the number of runs (default 5).
// With --storybook <dir>, measures a live story of a static Storybook build instead; with
// --portal <dir>, another build of the portal (a `packages/demo` folder holding `dist/`, e.g. a
// worktree of an earlier commit), so a before and an after are measured in the same run.
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { serveStatic } from '../../elements/scripts/static-server.mjs';
import { launch, measure } from './measure.mjs';

const runs = Number(process.env.RUNS ?? 5);
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const storybook = option('--storybook');
const portal = option('--portal') ?? fileURLToPath(new URL('..', import.meta.url));

let origin;
let close;
if (storybook) {
  const server = await serveStatic(storybook);
  ({ origin, close } = server);
} else {
  const server = await preview({ root: portal, logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } });
  origin = server.resolvedUrls.local[0].replace(/\/$/, '');
  close = () => server.close();
}
const url = storybook ? `${origin}/iframe.html?id=widgets-order-stats-card--on-demo-database&viewMode=story` : `${origin}/admin`;

const rows = { 'first visit': [], reload: [] };
for (let i = 0; i < runs; i++) {
  const browser = await launch();
  try {
    rows['first visit'].push(await measure(browser, url, { untilKept: true }));
    rows.reload.push(await measure(browser, url));
  } finally {
    await browser.close();
  }
}
await close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`\n${storybook ? 'Storybook live story' : `demo portal /admin (${portal})`}: ${runs} runs, median (max)\n`);
console.log('| load | first live widget (ms) | longest main-thread task (ms) |');
console.log('|---|---|---|');
for (const [name, results] of Object.entries(rows)) {
  const first = results.map((r) => r.firstLiveWidgetMs);
  const longest = results.map((r) => r.longestTaskMs);
  console.log(`| ${name} | ${median(first)} (${Math.max(...first)}) | ${median(longest)} (${Math.max(...longest)}) |`);
}
