// The size budget, checked on every test run: each entry bundled alone with Lit, minified and
// gzipped, as a host that imports only that element would ship it. The SDK is the host's (it is
// passed in as an instance), so it is external and does not count.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { tsconfig } from '../build.config.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const src = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
const KB = 1024;

const budgets = [
  // 9 KB until the card counted days in the viewer's time zone (Intl.DateTimeFormat) and isolated
  // user text: see the README's size section for the reason and the measurement.
  { name: 'order-progress-card', input: src('order-progress-card/define.ts'), limit: 10 * KB },
  { name: 'order-select', input: src('order-select/define.ts'), limit: 14 * KB },
  { name: 'client-orders-list', input: src('client-orders-list/define.ts') },
  { name: 'order-stats-card', input: src('order-stats-card/define.ts') },
  { name: 'client-orders-summary', input: src('client-orders-summary/define.ts') },
  { name: 'order-tracking-provider', input: src('order-tracking-provider/define.ts') },
  { name: 'admin-orders-table', input: src('admin-orders-table/define.ts'), limit: 16 * KB },
  // The form checks fields with the SDK's own zod schemas: imported from the SDK, so not counted.
  { name: 'order-form', input: src('order-form/define.ts'), limit: 14 * KB },
  // The dialog includes <order-select>, which it composes.
  { name: 'order-assignment-dialog', input: src('order-assignment-dialog/define.ts'), limit: 16 * KB },
  { name: 'order-filter', input: src('order-filter/define.ts'), limit: 10 * KB },
  // With the progress card it composes and the chart (d3-shape, d3-array).
  { name: 'client-order-detail', input: src('client-order-detail/define.ts'), limit: 20 * KB },
  { name: 'admin-order-detail', input: src('admin-order-detail/define.ts'), limit: 26 * KB },
  // Every widget and page element (table, form, dialog, filter, both detail pages): was 25 KB for the five widgets alone (15 KB measured).
  { name: 'all widgets (index)', input: src('index.ts'), limit: 40 * KB },
  { name: 'German locale', input: src('shared/locales/register-de.ts') },
  // Every React wrapper with its element, Lit and @lit/react (React itself is the host's).
  { name: 'React wrappers (all)', input: src('react/index.ts') },
];

async function measure(input) {
  const bundle = await rollup({
    input,
    external: (id) => id.startsWith('@lead-orders/') || id === 'react',
    // Lit's production build: the default export condition, not `development`.
    plugins: [
      nodeResolve({ exportConditions: ['source'] }),
      esbuild({ target: 'es2022', tsconfig }),
      minifyTemplatesPlugin(),
      terser({ module: true, ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
    },
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const code = output.map((chunk) => chunk.code ?? '').join('\n');
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

let failed = false;
const rows = [];
for (const { name, input, limit } of budgets) {
  const { min, gzip } = await measure(input);
  const over = limit !== undefined && gzip > limit;
  failed ||= over;
  rows.push({
    entry: name,
    'min (KB)': (min / KB).toFixed(1),
    'min+gzip (KB)': (gzip / KB).toFixed(2),
    'min+gzip (bytes)': gzip,
    budget: limit ? `${(limit / KB).toFixed(0)} KB` : '',
    result: limit ? (over ? 'OVER' : 'ok') : '',
  });
}
console.table(rows);
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
console.log('Size budgets met (Lit included; the SDK is the host\'s and excluded).');
