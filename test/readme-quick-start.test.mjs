// Runs the root README's three quick-start snippets (marked `<!-- quick-start: … -->`) as they are
// written, after `npm run build` (the root `npm run test:dist` runs it): the headless SDK snippet
// on Node, the plain HTML page and the React component in Chromium, and tsc on the TypeScript
// ones. The Supabase project behind them is test/fixtures/supabase-stand-in.mjs (PGlite with the
// migrations and demo data, answering supabase-js's requests); supabase-js, the SDK, the single
// module and the React wrappers are the real, built ones.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../packages/elements/scripts/chromium.mjs';
import { serveStatic } from '../packages/elements/scripts/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = `${root}.tmp/readme/`;
const readme = readFileSync(`${root}README.md`, 'utf8');
const snippet = (name) => {
  const match = new RegExp(`<!-- quick-start: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(match, `README has the ${name} quick start`);
  return match[1];
};
const admin = 'admin@agency.example';
const importMap = `<script type="importmap">{ "imports": {
  "@electric-sql/pglite": "/node_modules/@electric-sql/pglite/dist/index.js",
  "@electric-sql/pglite/live": "/node_modules/@electric-sql/pglite/dist/live/index.js" } }</script>`;
/** The portal's signed-in supabase-js client, for the browser pages. */
const supabaseModule = `
import { createClient } from '@supabase/supabase-js';
import { supabaseStandIn } from '${root}test/fixtures/supabase-stand-in.mjs';
const project = await supabaseStandIn();
export const supabase = createClient(location.origin, 'anon-key', { global: { fetch: project.fetch } });
const { error } = await supabase.auth.signInWithPassword({ email: '${admin}', password: 'any' });
if (error) throw error;
`;
const bundle = (entry, outfile) => build({
  stdin: { contents: entry, resolveDir: work, loader: 'tsx', sourcefile: outfile.replace(/\.js$/, '.tsx') },
  outfile: `${work}site/${outfile}`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'node:*', './lead-orders.min.js', './supabase.js'],
  logLevel: 'error',
});

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(`${work}site`, { recursive: true });
  writeFileSync(`${work}sdk-snippet.ts`, snippet('sdk'));
  writeFileSync(`${work}react-snippet.tsx`, snippet('react'));
});

test('the TypeScript snippets type-check', () => {
  writeFileSync(`${work}tsconfig.json`, JSON.stringify({
    extends: '../../tsconfig.json',
    compilerOptions: { jsx: 'react-jsx', noEmit: true },
    include: ['sdk-snippet.ts', 'react-snippet.tsx'],
  }));
  const tsc = spawnSync('npx', ['tsc', '-p', `${work}tsconfig.json`], { cwd: root, encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

test('headless SDK: signs in and lists three Active orders on Node', () => {
  writeFileSync(`${work}preload.mjs`, `
import { supabaseStandIn } from '${root}test/fixtures/supabase-stand-in.mjs';
// Node 20 (best-effort) has no WebSocket, which supabase-js needs to create a client; 22 and 24 do.
if (!globalThis.WebSocket) globalThis.WebSocket = (await import('ws')).WebSocket;
const project = await supabaseStandIn();
Object.assign(process.env, { SUPABASE_URL: 'http://project.stand-in', SUPABASE_ANON_KEY: 'anon-key', EMAIL: '${admin}', PASSWORD: 'any' });
globalThis.fetch = project.fetch;
`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', `${work}preload.mjs`, `${work}sdk-snippet.ts`], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 3, run.stdout);
  for (const line of lines) assert.match(line, /^ORD-\d{4}-\d+ \d+\/\d+$/);
});

describe('in Chromium', () => {
  let server;
  let browser;
  before(async () => {
    copyFileSync(`${root}packages/elements/dist/lead-orders.min.js`, `${work}site/lead-orders.min.js`);
    await bundle(supabaseModule, 'supabase.js');
    await bundle(`
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createOrderTracking } from '@lead-orders/sdk';
import { supabase } from './supabase.js';
import { OrdersPage } from './react-snippet.tsx';
window.opened = [];
createRoot(document.getElementById('root')).render(
  createElement(OrdersPage, { tracking: createOrderTracking({ supabase }), open: (id) => window.opened.push(id) }));
`, 'react-app.js');
    writeFileSync(`${work}site/index.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8">${importMap}</head><body>\n${snippet('html')}\n</body></html>`);
    writeFileSync(`${work}site/react.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8">${importMap}</head><body><div id="root"></div><script type="module" src="./react-app.js"></script></body></html>`);
    server = await serveStatic(root);
    browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs(), headless: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(page) {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${server.origin}/.tmp/readme/site/${page}`);
    return { tab, errors };
  }
  const ready = (tab) => tab.waitForFunction(() =>
    ['order-stats-card', 'client-orders-list'].every((tag) => document.querySelector(tag)?.matches(':state(ready)')), { timeout: 120000 });

  test('plain HTML: the page renders the signed-in admin\'s orders and figures', async () => {
    const { tab, errors } = await open('index.html');
    await ready(tab);
    const rows = await tab.evaluate(() => document.querySelector('client-orders-list').shadowRoot.querySelectorAll('[part~="row"]').length);
    assert.ok(rows > 0);
    const link = await tab.evaluate(() => document.querySelector('client-orders-list').shadowRoot.querySelector('a[part~="link"]').getAttribute('href'));
    assert.match(link, /^\/orders\/[0-9a-f-]{36}$/);
    assert.deepEqual(errors, []);
  });

  test('React: the component renders live data and reports the opened order', async () => {
    const { tab, errors } = await open('react.html');
    await ready(tab);
    await tab.evaluate(() => document.querySelector('client-orders-list').shadowRoot.querySelector('[part~="link"]').click());
    const opened = await tab.evaluate(() => window.opened);
    assert.equal(opened.length, 1);
    assert.match(opened[0], /^[0-9a-f-]{36}$/);
    assert.deepEqual(errors, []);
  });
});
