// The portal on a real Supabase project. It needs the network and a project, which this machine
// has not: without SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_TEST_EMAIL and SUPABASE_TEST_PASSWORD
// (an admin made as the README's "On a real Supabase project" says) the test is reported as
// skipped, with that reason, never as passed. With them it builds the portal against the project
// (into dist-supabase/), signs in through the form and waits for the admin dashboard's live card.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build, preview } from 'vite';
import { launchChromium, waitReady } from './portal-harness.mjs';

const needed = ['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_TEST_EMAIL', 'SUPABASE_TEST_PASSWORD'];
const missing = needed.filter((name) => !process.env[name]);
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist-supabase/', import.meta.url));

test(
  'on a Supabase project the admin signs in with email and password and sees the live dashboard',
  { skip: missing.length > 0 && `Supabase mode not run: ${missing.join(', ')} not set (it needs a real project and the network)` },
  async () => {
    // Vite reads SUPABASE_* from the environment (envPrefix in vite.config.ts).
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(server.resolvedUrls.local[0]);
      await page.waitForSelector('form input[name="email"]');
      assert.match(await page.$eval('h1', (h) => h.textContent), /Sign in/);
      await page.type('input[name="email"]', process.env.SUPABASE_TEST_EMAIL);
      await page.type('input[name="password"]', process.env.SUPABASE_TEST_PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForFunction(() => location.pathname === '/admin', { timeout: 60_000 });
      await waitReady(page, 'order-stats-card');
    } finally {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  },
);
