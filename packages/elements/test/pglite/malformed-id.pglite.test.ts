import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/client-order-detail/define.js';
import '../../src/order-progress-card/define.js';
import '../../src/order-select/define.js';
import '../../src/client-orders-list/define.js';
import '../../src/order-stats-card/define.js';
import { openDatabase, type Database } from '../helpers/database.js';

const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Uncaught errors and unhandled rejections while the test runs. */
function collectUncaught() {
  const seen: unknown[] = [];
  const onError = (e: ErrorEvent) => seen.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('an id attribute that is not a uuid, on PGlite', function () {
  this.timeout(60000);
  let db: Database;
  before(async () => {
    db = await openDatabase();
  });
  after(() => db?.close());

  const cases: [string, (db: Database) => ReturnType<typeof html>, RegExp][] = [
    ['client-order-detail order-id', (db) => html`<client-order-detail order-id="not-a-uuid" .tracking=${db.clientA}></client-order-detail>`, /Order not found/],
    ['order-progress-card order-id', (db) => html`<order-progress-card order-id="not-a-uuid" .tracking=${db.clientA}></order-progress-card>`, /Order not found/],
    ['order-select client-id', (db) => html`<order-select client-id="not-a-uuid" .tracking=${db.admin}></order-select>`, /Client not found/],
    ['client-orders-list client-id', (db) => html`<client-orders-list client-id="not-a-uuid" .tracking=${db.admin}></client-orders-list>`, /Client not found/],
    ['order-stats-card client-id', (db) => html`<order-stats-card client-id="not-a-uuid" .tracking=${db.admin}></order-stats-card>`, /not found/i],
  ];
  for (const [name, template, words] of cases) {
    it(`${name}="not-a-uuid" says not found, offers no retry and throws nothing uncaught`, async () => {
      const uncaught = collectUncaught();
      try {
        const el = await fixture<HTMLElement>(template(db));
        await waitUntil(() => el.matches(':state(not-found)') || el.matches(':state(error)'), 'settled', { timeout: 15000 });
        expect(el.matches(':state(not-found)'), text(el)).to.be.true;
        expect(text(el)).to.match(words);
        expect(el.shadowRoot!.querySelector('button[part~="retry"], [part="error"] button')).to.be.null;
        // Give a rejected promise its turn to be reported before looking.
        await new Promise((resolve) => setTimeout(resolve));
        expect(uncaught.seen.map(String)).to.deep.equal([]);
      } finally {
        uncaught.stop();
      }
    });
  }
});
