// What the portal's end-to-end test stands on: the built portal served by `vite preview`, the
// machine's Chromium, and the snapshot loaded in Node as an independent oracle for the numbers
// the widgets should show.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import puppeteer from 'puppeteer-core';
import { preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../../elements/scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Serves dist/ (run `npm run build` first) on a free port; resolves with its origin and close(). */
export async function servePortal() {
  const server = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
  return { origin, close: () => server.close() };
}

export function launchChromium() {
  return puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs(), headless: true });
}

/** The snapshot the portal starts from, in Node: the manifest and a PGlite loaded from it. */
export async function snapshotDatabase() {
  const manifest = JSON.parse(await readFile(`${root}snapshot/demo-database.json`, 'utf8'));
  const tarball = await readFile(`${root}snapshot/demo-database.tar.gz`);
  const db = await PGlite.create({ loadDataDir: new Blob([tarball]) });
  return { manifest, db };
}

/** Text of the element's shadow root parts, e.g. the figures of a dashboard card (`part="value"`). */
export function partTexts(page, selector, part) {
  return page.$eval(selector, (el, part) => [...el.shadowRoot.querySelectorAll(`[part~="${part}"]`)].map((n) => n.textContent.trim()), part);
}

/** Waits until every widget on the page has settled (no `:state(loading)`) and `selector` is ready. */
export async function waitReady(page, selector) {
  await page.waitForFunction(
    (selector) => {
      const el = document.querySelector(selector);
      if (!el || !el.matches(':state(ready)')) return false;
      return ![...document.querySelectorAll('*')].some((e) => e.shadowRoot && e.matches(':state(loading)'));
    },
    { polling: 100, timeout: 120_000 },
    selector,
  );
}
