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
    // By name: the labels change with the portal's language.
    const select = bar.querySelector('select[name="user"]');
    select.value = [...select.options].find((o) => o.textContent === label).value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, label);
const chooseSetting = (name, value) =>
  page.$eval('.toolbar', (bar, [name, value]) => {
    const select = bar.querySelector(`select[name="${name.toLowerCase()}"]`);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [name, value]);

/** Opens `path` through the portal's router (history.pushState, which wouter follows), without a page load. */
const routeTo = async (path) => {
  await page.evaluate((path) => history.pushState(null, '', path), path);
  await page.waitForFunction((path) => location.pathname === path, {}, path);
};

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
    await waitReady(page, 'client-order-detail');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    // As after a page load, reading starts at the new page's heading.
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('main h1')), true, 'focus on the heading');
    const [header] = await partTexts(page, 'client-order-detail', 'header');
    assert.ok(header.startsWith(first), `"${header}" is not order ${first}`);
  });

  test('an order nobody has shows as not found: the database error keeps its code across the worker', async () => {
    await page.goto(`${server.origin}/client/orders/00000000-0000-4000-8000-0000000000ff`);
    await page.waitForFunction(() => {
      const detail = document.querySelector('client-order-detail');
      return detail && (detail.matches(':state(not-found)') || detail.matches(':state(error)'));
    });
    assert.equal(await page.$eval('client-order-detail', (detail) => detail.matches(':state(not-found)')), true, 'shown as an error, not as not found');
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
    // The portal's own words too: heading, navigation, the settings' labels.
    assert.deepEqual(
      await page.evaluate(() => [document.querySelector('main h1').textContent, [...document.querySelectorAll('nav a')].map((a) => a.textContent), document.querySelector('select[name="language"]').closest('label').firstChild.textContent]),
      ['لوحة المعلومات', ['لوحة المعلومات', 'طلباتي'], 'اللغة'],
    );
    await chooseSetting('Language', 'en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  test('dark theme reaches the widgets through --lo-color-scheme', async () => {
    await chooseSetting('Theme', 'dark');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('client-orders-summary')).colorScheme === 'dark');
    await chooseSetting('Theme', 'light');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('client-orders-summary')).colorScheme === 'light');
  });

  // The proposal's main story: an order created through the form, filled through the assignment
  // dialog from the all-leads page until the database completes it, and seen by its client.
  const story = { orderId: '', orderNumber: '', leads: /** @type {{ id: string, company_name: string }[]} */ ([]) };
  const storyQuantity = 2;

  test('the admin creates an order for client A through the order form and lands on its page', async () => {
    await chooseUser('Admin');
    await page.waitForFunction(() => location.pathname === '/admin');
    await page.click('nav a[href="/admin/orders/new"]');
    await waitReady(page, 'order-form');
    const clientA = oracle.manifest.users.clientA.client_id;
    // The client picker lists a page of clients; its search finds the one wanted.
    const name = (await oracle.db.query('select client_name from public.clients where id = $1', [clientA])).rows[0].client_name;
    await page.type('order-form >>> #client-search', name);
    await page.waitForFunction(
      (id) => document.querySelector('order-form').shadowRoot.querySelector(`select[name="client_id"] option[value="${id}"]`),
      {},
      clientA,
    );
    await page.select('order-form >>> select[name="client_id"]', clientA);
    await page.select('order-form >>> select[name="status"]', 'Active');
    await page.type('order-form >>> input[name="leads_purchased"]', String(storyQuantity));
    await page.type('order-form >>> input[name="name"]', 'Main story');
    await page.click('order-form >>> [part~="submit"]');
    await page.waitForFunction(() => /^\/admin\/orders\/[0-9a-f-]{36}$/.test(location.pathname), { timeout: 60_000 });
    story.orderId = await page.evaluate(() => location.pathname.split('/').pop());
    await waitReady(page, 'admin-order-detail');
    const header = (await partTexts(page, 'admin-order-detail', 'header'))[0];
    assert.match(header, /Main story/);
    story.orderNumber = /ORD-[0-9]{4}-[0-9]+/.exec(header)?.[0] ?? '';
    assert.ok(story.orderNumber, `no order number in "${header}"`);
    assert.equal((await partTexts(page, 'admin-order-detail', 'badge'))[0], 'Active');
  });

  test('assigning client A\'s leads through the dialog on the all-leads page completes the order', async () => {
    // Client A's newest leads in no order with a delivered status (Approved, Lead: only those
    // count towards an order).
    story.leads = (
      await oracle.db.query(
        `select id, company_name, client_id from public.leads
          where order_id is null and client_id = $1 and status in ('Approved', 'Lead') order by created_at desc, id desc limit $2`,
        [oracle.manifest.users.clientA.client_id, storyQuantity],
      )
    ).rows;
    assert.equal(story.leads.length, storyQuantity, 'client A has delivered leads in no order in the demo data');

    await page.click('nav a[href="/admin/leads"]');
    await page.waitForSelector('table.leads[data-state="ready"]');
    await page.select('order-filter >>> select[part~="mode"]', 'none');
    await page.waitForFunction(() => {
      const orders = [...document.querySelectorAll('table.leads[data-state="ready"] tbody td:nth-child(5)')];
      return document.querySelector('order-filter').value === 'none' && orders.length > 0 && orders.every((c) => c.textContent === '—');
    });
    // Newest first, 25 a page: "More leads" until both leads are listed.
    const listed = (ids) => ids.every((id) => document.querySelector(`tr[data-lead-id="${id}"]`));
    const ids = story.leads.map((l) => l.id);
    while (!(await page.evaluate(listed, ids))) {
      const rows = await page.$$eval('table.leads tbody tr', (r) => r.length);
      await page.click('button.more-leads');
      await page.waitForFunction((rows) => document.querySelector('table.leads[data-state="ready"]') && document.querySelectorAll('table.leads tbody tr').length > rows, {}, rows);
    }
    assert.equal(await page.$$eval('table.leads tbody tr td:nth-child(5)', (cells) => cells.every((c) => c.textContent === '—')), true, 'only leads in no order are listed');
    // Names from users are isolated (a right-to-left page would otherwise move their punctuation),
    // and each row's button names its lead.
    assert.equal(await page.$$eval('table.leads tbody tr td:first-child', (cells) => cells.every((c) => c.querySelector('bdi'))), true);
    assert.equal(
      await page.$$eval('table.leads tbody tr', (rows) => rows.every((r) => r.querySelector('button').getAttribute('aria-label') === `Assign ${r.querySelector('td bdi').textContent}`)),
      true,
    );

    for (const lead of story.leads) {
      await page.click(`tr[data-lead-id="${lead.id}"] button`);
      await page.waitForFunction(() => document.querySelector('order-assignment-dialog').matches(':state(open)'));
      // The lead's own client is preselected; once its orders are loaded the order select opens
      // (it renders its options only while open) and lists the new order.
      const combobox = () => document.querySelector('order-assignment-dialog').shadowRoot.querySelector('order-select')?.shadowRoot?.querySelector('[part~="combobox"]');
      await page.waitForFunction(`(${combobox})()?.getAttribute('aria-disabled') === 'false'`);
      await page.click('order-assignment-dialog >>> order-select >>> [part~="combobox"]');
      await page.waitForFunction(
        (number) => {
          const select = document.querySelector('order-assignment-dialog').shadowRoot.querySelector('order-select');
          return [...select.shadowRoot.querySelectorAll('[part~="option"]')].some((o) => o.textContent.includes(number));
        },
        {},
        story.orderNumber,
      );
      await page.$$eval(
        'order-assignment-dialog >>> order-select >>> [part~="option"]',
        (options, number) => options.find((o) => o.textContent.includes(number)).click(),
        story.orderNumber,
      );
      await page.click('order-assignment-dialog >>> [part~="submit"]');
      // Assigned: the dialog closed and the table, read again, no longer lists the lead.
      await page.waitForFunction(
        (id) =>
          !document.querySelector('order-assignment-dialog').matches(':state(open)') &&
          document.querySelector('table.leads[data-state="ready"]') &&
          !document.querySelector(`tr[data-lead-id="${id}"]`),
        { timeout: 60_000 },
        lead.id,
      );
    }

    await page.select('order-filter >>> select[part~="mode"]', '');
    await page.waitForFunction(
      (id) => document.querySelector('table.leads[data-state="ready"]') && document.querySelector(`tr[data-lead-id="${id}"]`),
      {},
      story.leads[0].id,
    );
    const orderCell = await page.$eval(`tr[data-lead-id="${story.leads[0].id}"] td:nth-child(5)`, (c) => c.textContent);
    assert.equal(orderCell, story.orderNumber);
    // Opened again for a lead that is in an order, the dialog starts from that order, so pressing
    // Assign would keep it there rather than take it out.
    await page.click(`tr[data-lead-id="${story.leads[0].id}"] button`);
    await page.waitForFunction(() => document.querySelector('order-assignment-dialog').matches(':state(open)'));
    await page.waitForFunction(
      (orderId) => document.querySelector('order-assignment-dialog').shadowRoot.querySelector('order-select')?.value === orderId,
      {},
      story.orderId,
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('order-assignment-dialog').matches(':state(open)'));

    // Within the page, as a link would: the database keeps writes with relaxed durability, so a
    // page load right after the last assignment could start from a store without it.
    await routeTo(`/admin/orders/${story.orderId}`);
    await waitReady(page, 'admin-order-detail');
    assert.equal((await partTexts(page, 'admin-order-detail', 'badge'))[0], 'Completed');
    assert.deepEqual(problems, []);
  });

  test('client A, switched in, sees the completed order with its delivered leads and delivery chart', async () => {
    await chooseUser('Client A');
    await page.waitForFunction(() => location.pathname === '/client');
    await routeTo(`/client/orders/${story.orderId}`);
    await waitReady(page, 'client-order-detail');
    assert.equal((await partTexts(page, 'client-order-detail', 'badge'))[0], 'Completed');
    // The leads arrive after the order itself: wait for them to be listed.
    const leadRows = () => [...document.querySelector('client-order-detail').shadowRoot.querySelectorAll('[part~="lead-row"]')];
    await page.waitForFunction(`(${leadRows})().length >= ${storyQuantity}`);
    const companies = await page.evaluate(`(${leadRows})().map((r) => r.textContent)`);
    assert.equal(companies.length, storyQuantity);
    for (const lead of story.leads) assert.ok(companies.some((text) => text.includes(lead.company_name)), `${lead.company_name} is not listed`);
    assert.ok(await page.$('client-order-detail >>> figure[part~="chart"]'), 'the delivery chart is drawn');
    assert.deepEqual(problems, []);
  });

  test('an order saved just before a reload is still there after it', async () => {
    await chooseUser('Admin');
    await page.waitForFunction(() => location.pathname === '/admin');
    await page.click('nav a[href="/admin/orders/new"]');
    await waitReady(page, 'order-form');
    const clientA = oracle.manifest.users.clientA.client_id;
    const name = (await oracle.db.query('select client_name from public.clients where id = $1', [clientA])).rows[0].client_name;
    await page.type('order-form >>> #client-search', name);
    await page.waitForFunction(
      (id) => document.querySelector('order-form').shadowRoot.querySelector(`select[name="client_id"] option[value="${id}"]`),
      {},
      clientA,
    );
    await page.select('order-form >>> select[name="client_id"]', clientA);
    await page.type('order-form >>> input[name="leads_purchased"]', '3');
    await page.type('order-form >>> input[name="name"]', 'Saved before reload');
    await page.click('order-form >>> [part~="submit"]');
    // The form reports the order saved once the database answered: reload that very moment.
    await page.waitForFunction(() => /^\/admin\/orders\/[0-9a-f-]{36}$/.test(location.pathname), { timeout: 60_000, polling: 'mutation' });
    const orderId = await page.evaluate(() => location.pathname.split('/').pop());
    await page.reload();
    await waitReady(page, 'admin-order-detail');
    assert.match((await partTexts(page, 'admin-order-detail', 'header'))[0], /Saved before reload/);
    assert.equal(new URL(page.url()).pathname, `/admin/orders/${orderId}`);
    assert.deepEqual(problems, []);
    await routeTo('/admin');
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
