// `npm run screenshot -w packages/demo`: the README's pictures of the portal, live data, taken in
// headless Chromium once every widget on the page is ready. Build first.
//   screenshot.png                 the admin's orders page (`admin-orders-table`)
//   screenshot-client-order.png    client A's first order (`client-order-detail`)
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { launch } from '../bench/measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } });
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await launch();

/** Waits until `selector` is ready and no widget on the page is still loading. */
const settled = (page, selector) =>
  page.waitForFunction(
    (selector) =>
      document.querySelector(selector)?.matches(':state(ready)') &&
      ![...document.querySelectorAll('*')].some((e) => e.shadowRoot && e.matches(':state(loading)')),
    { timeout: 120_000, polling: 200 },
    selector,
  );

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${origin}/admin/orders`);
  await settled(page, 'admin-orders-table');
  await page.screenshot({ path: `${root}screenshot.png` });
  console.log(`wrote ${root}screenshot.png`);

  // Switch to client A through the header, as a visitor would, and open its first order.
  await page.$eval('.toolbar', (bar) => {
    const select = bar.querySelector('select[name="user"]');
    select.value = [...select.options].find((o) => o.textContent === 'Client A').value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => location.pathname === '/client');
  await page.goto(`${origin}/client/orders`);
  await settled(page, 'client-orders-list');
  await page.$eval('client-orders-list', (el) => el.shadowRoot.querySelector('a[part~="link"]').click());
  await settled(page, 'client-order-detail');
  // The order's leads arrive after the order itself.
  await page.waitForFunction(() => document.querySelector('client-order-detail').shadowRoot.querySelector('[part~="lead-row"]'), { timeout: 120_000 });
  await page.setViewport({ width: 1024, height: 1100 });
  await page.screenshot({ path: `${root}screenshot-client-order.png` });
  console.log(`wrote ${root}screenshot-client-order.png`);
} finally {
  await browser.close();
  await server.close();
}
