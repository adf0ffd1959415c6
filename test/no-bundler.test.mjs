// The no-bundler page: a plain HTML file (test/fixtures/no-bundler.html) that loads the single
// module `@lead-orders/elements/bundle` (dist/lead-orders.min.js) with one <script type="module">,
// served as static files with no build, in headless Chromium. Needs `npm run build` first (the
// root `npm run test:dist` runs it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../packages/elements/scripts/chromium.mjs';
import { serveStatic } from '../packages/elements/scripts/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}packages/elements/dist/lead-orders.min.js`;

describe('the single module on a plain HTML page', () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    assert.ok(existsSync(bundle), 'dist/lead-orders.min.js is built (npm run build)');
    // The stand-in for the page's Supabase client: the SDK's PGlite transport, PGlite left to the
    // page's import map.
    mkdirSync(`${root}.tmp/no-bundler`, { recursive: true });
    await build({
      entryPoints: [`${root}packages/sdk/dist/pglite.js`],
      outfile: `${root}.tmp/no-bundler/pglite-transport.js`,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'node:*'],
      logLevel: 'error',
    });
    server = await serveStatic(root);
    browser = await puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs(), headless: true });
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`));
    await page.goto(`${server.origin}/test/fixtures/no-bundler.html`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('is one file with no bare import left, within its 56 KB min+gzip budget', () => {
    const code = readFileSync(bundle, 'utf8');
    // A bare specifier would fail in the browser: "Failed to resolve module specifier".
    // A specifier is a package name or path (`lit`, `@lead-orders/sdk/x`), not any quoted text after
    // a `from` (the page elements' terms have keys like "from").
    assert.doesNotMatch(code, /\bfrom\s*["'](?![./])[\w@][\w@./-]*["']|\bimport\s*\(\s*["'](?![./])/);
    assert.match('import{x}from"lit";', /\bfrom\s*["'](?![./])[\w@][\w@./-]*["']/, 'the check still sees a bare import');
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`dist/lead-orders.min.js: ${(code.length / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(1)} KB min+gzip (${gzip} bytes)`);
    // Every widget and page element (36.5 KB) and the SDK with zod/mini (14.8 KB) share Lit and
    // helpers once; the budget was 30 KB before the six page elements joined the module.
    assert.ok(gzip <= 56 * 1024, `${gzip} bytes min+gzip is over the 56 KB budget`);
  });

  test('registers every element and renders live data through the SDK it carries', async () => {
    await page.waitForFunction(() => window.tracking && document.querySelector('client-orders-list').matches(':state(ready)'), { timeout: 120000 });
    const defined = await page.evaluate(() =>
      ['order-tracking-provider', 'order-progress-card', 'order-select', 'client-orders-list', 'order-stats-card', 'client-orders-summary'].filter((tag) => customElements.get(tag)));
    assert.equal(defined.length, 6);
    const rows = await page.evaluate(() => document.querySelector('client-orders-list').shadowRoot.querySelectorAll('[part~="row"]').length);
    assert.equal(rows, 5);
    await page.waitForFunction(() => document.querySelector('order-stats-card').matches(':state(ready)'), { timeout: 30000 });

    // Live: the card shows an order, and an assignment made through the SDK moves it.
    const { orderId, leadId, delivered, purchased } = await page.evaluate(async () => {
      for await (const p of window.tracking.orders.pages({ status: 'Active' })) {
        for (const order of p.items) {
          if (order.leads_delivered === 0 || order.leads_remaining === 0) continue;
          const details = await window.tracking.orders.get(order.id, { leadLimit: 20, timelineLimit: 0 });
          const lead = details.leads.find((l) => l.delivered_at !== null);
          if (lead) return { orderId: order.id, leadId: lead.id, delivered: order.leads_delivered, purchased: order.leads_purchased };
        }
      }
      throw new Error('no Active order with a delivered lead');
    });
    await page.evaluate((id) => document.querySelector('order-progress-card').setAttribute('order-id', id), orderId);
    const shows = (text) => page.waitForFunction(
      (t) => document.querySelector('order-progress-card').shadowRoot.querySelector('.delivered')?.textContent === t,
      { timeout: 30000 }, text);
    await shows(`${delivered} / ${purchased} delivered`);
    await page.evaluate((id) => window.tracking.leads.assignToOrder(id, null), leadId);
    await shows(`${delivered - 1} / ${purchased} delivered`);
    assert.deepEqual(problems, []);
  });
});
