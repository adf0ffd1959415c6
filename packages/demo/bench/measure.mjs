// Opens a page in headless Chromium and measures, from navigation start (ms): when the first
// widget shows live data (`:state(ready)` on any element, at any shadow depth) and the longest
// main-thread task until then (PerformanceObserver 'longtask': tasks over 50 ms).
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../elements/scripts/chromium.mjs';

/** Installed before any script of the page runs. */
function observe() {
  const state = { longest: 0, tasks: 0, firstReady: null };
  window.__firstWidget = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (state.firstReady !== null) continue;
      state.tasks += 1;
      state.longest = Math.max(state.longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const ready = (root) =>
    [...root.querySelectorAll('*')].some((el) => {
      try {
        if (el.matches(':state(ready)')) return true;
      } catch {}
      return el.shadowRoot ? ready(el.shadowRoot) : false;
    });
  const tick = () => {
    if (document.body && ready(document)) state.firstReady = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function launch() {
  return puppeteer.launch({ executablePath: chromiumPath(), args: chromiumArgs(), headless: true });
}

/**
 * Loads `url` in a new page of `browser` and resolves with { firstLiveWidgetMs, longestTaskMs,
 * longTasks } once a widget is ready. Waits for that state, at most `timeoutMs` (default 180 s).
 */
export async function measure(browser, url, { timeoutMs = 180_000 } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.evaluateOnNewDocument(observe);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__firstWidget?.firstReady !== null, { timeout: timeoutMs, polling: 200 }).catch((error) => {
      throw new Error(`${error.message}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
    });
    const result = await page.evaluate(() => window.__firstWidget);
    return { firstLiveWidgetMs: Math.round(result.firstReady), longestTaskMs: Math.round(result.longest), longTasks: result.tasks };
  } finally {
    await page.close();
  }
}
