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

/** Resolves once the demo database's kept store is marked complete (kept-marker.ts). */
function keptInIndexedDb() {
  return new Promise((resolve) => {
    const open = indexedDB.open('lead-orders-demo-kept', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('complete');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const all = open.result.transaction('complete').objectStore('complete').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result.includes(true));
      };
    };
  });
}

/**
 * Loads `url` in a new page of `browser` and resolves with { firstLiveWidgetMs, longestTaskMs,
 * longTasks } once a widget is ready. Waits for that state, at most `timeoutMs` (default 180 s).
 * With `untilKept`, the page stays open until the demo database is kept in IndexedDB, so the
 * next visit resumes it (a page closed sooner leaves the next visit to load the snapshot again).
 */
export async function measure(browser, url, { timeoutMs = 180_000, untilKept = false } = {}) {
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
    if (untilKept) await page.waitForFunction(keptInIndexedDb, { timeout: timeoutMs, polling: 100 });
    return { firstLiveWidgetMs: Math.round(result.firstReady), longestTaskMs: Math.round(result.longest), longTasks: result.tasks };
  } finally {
    await page.close();
  }
}
