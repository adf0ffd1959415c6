// Size budget: bundles each built entry (dist/*.js) the way a host's bundler would, minifies it
// with terser, gzips it, prints a table, and exits 1 when the main entry grows past its budget.
// The main entry is measured with zod included and @supabase/supabase-js excluded (the host
// already pays for supabase-js; zod ships with the SDK), keeping every export (nothing tree-shaken
// away by the measurement itself). Code the entry only loads on demand (dynamic import: the CSV
// writer behind orders.exportCsv) is not part of the entry's size; its own row reports it.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const KB = 1024;
export const budgets = { index: 15 * KB };
const dist = (file) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/**
 * min+gzip bytes of `entry` bundled with everything but `external`: by default what loading the
 * entry loads; with `lazy`, only the chunks it loads on demand.
 */
export async function measure(entry, external, { lazy = false } = {}) {
  const bundle = await rollup({
    input: dist(entry),
    external,
    plugins: [nodeResolve({ browser: true }), terser({ format: { comments: false } })],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const code = output
    .filter((o) => o.type === 'chunk' && o.isDynamicEntry === lazy)
    .map((o) => o.code)
    .join('\n');
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

const supabase = (id) => id.startsWith('@supabase/');
const rows = [
  ['index.js (zod in, supabase-js out)', 'index.js', supabase, budgets.index],
  ['  + on exportCsv: d3-dsv (lazy)', 'index.js', supabase, undefined, { lazy: true }],
  ['index.js without zod', 'index.js', (id) => supabase(id) || id.startsWith('zod'), undefined],
  ['pglite.js (zod in, PGlite out)', 'pglite.js', (id) => id.startsWith('@electric-sql/pglite'), undefined],
  ['pg.js (zod in, pg out)', 'pg.js', (id) => id === 'pg' || id.startsWith('node:'), undefined],
];

if (!existsSync(dist('index.js'))) {
  console.error('size-budget: dist/index.js is missing; run `npm run build -w packages/sdk` first.');
  process.exit(1);
}
let failed = false;
console.log('entry                                  min       min+gzip   budget');
for (const [label, entry, external, budget, options] of rows) {
  const { min, gzip } = await measure(entry, external, options);
  const over = budget !== undefined && gzip > budget;
  failed ||= over;
  const kb = (n) => `${(n / KB).toFixed(2)} KB`.padStart(10);
  console.log(`${label.padEnd(38)} ${kb(min)} ${kb(gzip)}   ${budget === undefined ? '' : `${kb(budget)} ${over ? 'OVER' : 'ok'}`}`);
}
if (failed) {
  console.error(`size-budget: the main entry is over its ${budgets.index / KB} KB min+gzip budget.`);
  process.exit(1);
}
