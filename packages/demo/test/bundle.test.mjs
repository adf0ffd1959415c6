// What the built portal's page loads at start (`dist/`, written by `npm run build`): the demo
// database arrives prepared (the snapshot), so the page must not carry the SQL of the migrations
// or the demo data generator, which `@lead-orders/sdk/pglite` needs only to set a database up.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const dist = new URL('../dist/', import.meta.url);

/** The JavaScript files the page loads before any dynamic import: the entry and its preloads. */
async function startupScripts() {
  const html = await readFile(new URL('index.html', dist), 'utf8');
  const sources = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(sources.length > 0, 'dist/index.html names its entry script');
  return Promise.all(sources.map(async (path) => ({ path, text: await readFile(new URL(path, dist), 'utf8') })));
}

test('the portal page loads no migration SQL when the database comes from the snapshot', async () => {
  for (const { path, text } of await startupScripts()) {
    assert.ok(!/create or replace function public\.get_order_stats/i.test(text), `${path} carries the migrations' SQL`);
    assert.ok(!/create table (if not exists )?public\.orders/i.test(text), `${path} carries the migrations' SQL`);
  }
});
