// `npm run screenshot -w packages/demo`: the README's picture of the portal (admin dashboard,
// live data), taken in headless Chromium once every widget is ready. Build first.
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { launch } from '../bench/measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } });
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 640 });
  await page.goto(`${origin}/admin`);
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('order-stats-card, client-orders-list')];
      return widgets.length === 2 && widgets.every((w) => w.matches(':state(ready)'));
    },
    { timeout: 120_000, polling: 200 },
  );
  await page.screenshot({ path: `${root}screenshot.png` });
  console.log(`wrote ${root}screenshot.png`);
} finally {
  await browser.close();
  await server.close();
}
