// The demo portal end to end, in Chromium, on its demo database (PGlite in a worker, from the
// snapshot): what the admin and the clients see, switching users, language and direction,
// links handled by the router, and the data kept in IndexedDB until "Reset demo data".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium, partTexts, servePortal, snapshotDatabase, waitReady } from './portal-harness.mjs';

let server;
let browser;
let page;
let oracle;
/** Every request the page made for the snapshot tarball. */
const snapshotRequests = [];
const problems = [];

before(async () => {
  [server, browser, oracle] = await Promise.all([servePortal(), launchChromium(), snapshotDatabase()]);
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  // Requests from the database worker are reported with the page's.
  page.on('request', (request) => request.url().includes('demo-database') && snapshotRequests.push(request.url()));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await oracle?.db.close();
});

const count = async (sql, params = []) => Number((await oracle.db.query(sql, params)).rows[0].n);
const orderNumbersOf = async (clientId) =>
  (await oracle.db.query('select order_number from public.orders where client_id = $1', [clientId])).rows.map((r) => r.order_number);
/** The order numbers on the list's current page. */
const listedOrderNumbers = () => page.$eval('client-orders-list', (el) => [...el.shadowRoot.querySelectorAll('[part~="order-number"]')].map((n) => n.textContent.trim()));
const chooseUser = (label) =>
  page.$eval('.toolbar', (bar, label) => {
    const select = [...bar.querySelectorAll('label')].find((l) => l.textContent.startsWith('User')).querySelector('select');
    select.value = [...select.options].find((o) => o.textContent === label).value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, label);
const chooseSetting = (name, value) =>
  page.$eval('.toolbar', (bar, [name, value]) => {
    const select = [...bar.querySelectorAll('label')].find((l) => l.textContent.startsWith(name)).querySelector('select');
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [name, value]);

describe('demo portal', () => {
  test('opens on the admin dashboard with the Active orders card showing the database numbers', async () => {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => location.pathname === '/admin');
    await waitReady(page, 'order-stats-card');
    const [active, attention, overdue] = await partTexts(page, 'order-stats-card', 'value');
    assert.equal(Number(active), await count(`select count(*) as n from public.orders where status = 'Active'`));
    assert.ok(Number(attention) >= 0 && Number(overdue) >= 0);
    assert.equal(await page.$eval('main h1', (h) => h.textContent), 'Dashboard');
    assert.deepEqual(problems, []);
  });

  test('the first visit loads the snapshot once and keeps the database in IndexedDB', async () => {
    assert.equal(snapshotRequests.length, 1, `snapshot requests: ${snapshotRequests.join(', ')}`);
    const store = `lead-orders-demo-${oracle.manifest.id}`;
    const stores = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(stores.includes(`/pglite/${store}`), `IndexedDB stores: ${stores.join(', ')}`);
    // The store is written in the background while the page already works; wait until it is whole.
    await page.waitForFunction(
      async (key) =>
        // Opening a database that does not exist yet would create it without its store: look first.
        (await indexedDB.databases()).some((d) => d.name === 'lead-orders-demo-kept') &&
        new Promise((resolve) => {
          const open = indexedDB.open('lead-orders-demo-kept');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('complete')) return resolve(false);
            const get = db.transaction('complete').objectStore('complete').get(`idb://${key}`);
            get.onsuccess = () => resolve(get.result === true);
            get.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      { polling: 200, timeout: 120_000 },
      store,
    );
  });

  test('a reload resumes the kept database without fetching the snapshot again', async () => {
    await page.reload();
    await waitReady(page, 'order-stats-card');
    assert.equal(snapshotRequests.length, 1);
  });

  test('client A, switched in, sees its own orders only, on its own dashboard', async () => {
    await chooseUser('Client A');
    await page.waitForFunction(() => location.pathname === '/client');
    await waitReady(page, 'client-orders-summary');
    const clientA = oracle.manifest.users.clientA.client_id;
    const [active] = await partTexts(page, 'client-orders-summary', 'value');
    assert.equal(Number(active), await count(`select count(*) as n from public.orders where status = 'Active' and client_id = $1`, [clientA]));

    await page.click('nav a[href="/client/orders"]');
    await page.waitForFunction(() => location.pathname === '/client/orders');
    await waitReady(page, 'client-orders-list');
    const shown = await listedOrderNumbers();
    const own = await orderNumbersOf(clientA);
    assert.ok(shown.length > 0, 'client A has orders in the demo data');
    for (const number of shown) assert.ok(own.includes(number), `${number} is not client A's`);
  });

  test('an order link in the list opens the order page through the router, not a page load', async () => {
    await page.evaluate(() => (window.__samePage = true));
    const first = (await listedOrderNumbers())[0];
    await page.$eval('client-orders-list', (el) => el.shadowRoot.querySelector('a[part~="link"]').click());
    await page.waitForFunction(() => /^\/client\/orders\/[0-9a-f-]{36}$/.test(location.pathname));
    await waitReady(page, 'order-progress-card');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    const [number] = await partTexts(page, 'order-progress-card', 'order-number');
    assert.equal(number, first);
  });

  test('an order nobody has shows as not found: the database error keeps its code across the worker', async () => {
    await page.goto(`${server.origin}/client/orders/00000000-0000-4000-8000-0000000000ff`);
    await page.waitForFunction(() => {
      const card = document.querySelector('order-progress-card');
      return card && (card.matches(':state(not-found)') || card.matches(':state(error)'));
    });
    assert.equal(await page.$eval('order-progress-card', (card) => card.matches(':state(not-found)')), true, 'shown as an error, not as not found');
    assert.deepEqual(problems, [], 'the refusal is not logged as an error');
  });

  test('client B sees none of client A\'s orders', async () => {
    await chooseUser('Client B');
    await page.goto(`${server.origin}/client/orders`);
    await waitReady(page, 'client-orders-list');
    const shown = await listedOrderNumbers();
    const ofA = await orderNumbersOf(oracle.manifest.users.clientA.client_id);
    const ofB = await orderNumbersOf(oracle.manifest.users.clientB.client_id);
    assert.ok(shown.length > 0, 'client B has orders in the demo data');
    for (const number of shown) {
      assert.ok(!ofA.includes(number), `client B sees client A's ${number}`);
      assert.ok(ofB.includes(number), `${number} is not client B's`);
    }
  });

  test('Arabic turns the page right to left and the widgets speak Arabic', async () => {
    await page.goto(`${server.origin}/client`);
    await waitReady(page, 'client-orders-summary');
    await chooseSetting('Language', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar');
    await page.waitForFunction(() => document.querySelector('client-orders-summary').shadowRoot.querySelector('[part~="title"]').textContent.trim() === 'طلباتي');
    await chooseSetting('Language', 'en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  test('dark theme reaches the widgets through --lo-color-scheme', async () => {
    await chooseSetting('Theme', 'dark');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('client-orders-summary')).colorScheme === 'dark');
    await chooseSetting('Theme', 'light');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('client-orders-summary')).colorScheme === 'light');
  });

  test('"Reset demo data" deletes the kept database and starts again from the snapshot', async () => {
    await chooseUser('Admin');
    await page.waitForFunction(() => location.pathname === '/admin');
    await waitReady(page, 'order-stats-card');
    const before = snapshotRequests.length;
    await Promise.all([page.waitForNavigation(), page.click('.toolbar button')]);
    await waitReady(page, 'order-stats-card');
    assert.equal(snapshotRequests.length, before + 1, 'the snapshot is loaded again after a reset');
    assert.deepEqual(problems, []);
  });
});
