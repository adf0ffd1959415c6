// The demo database snapshot every first visit downloads (`snapshot/demo-database.tar.gz`, written
// by `npm run snapshot`, which `npm run build` runs first): its size is a budget, like the bundles'.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';

const tarball = new URL('../snapshot/demo-database.tar.gz', import.meta.url);
/** gzip KB: the snapshot was 2,022 KB when this budget was set. */
const budgetKB = 2500;

/** The files of a tar archive (ustar headers; the data directory's names are short). */
function* files(tar) {
  for (let at = 0; at + 512 <= tar.length;) {
    const field = (from, to) => tar.subarray(at + from, at + to).toString('utf8').replace(/\0[\s\S]*$/, '');
    const name = field(0, 100);
    if (!name) return;
    const size = Number.parseInt(field(124, 136).trim() || '0', 8);
    yield { name, data: tar.subarray(at + 512, at + 512 + size) };
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

test('the demo database snapshot stays within its download budget', async () => {
  const kb = (await readFile(tarball)).length / 1024;
  assert.ok(kb <= budgetKB, `the snapshot is ${kb.toFixed(0)} KB gzip, over its ${budgetKB} KB budget`);
});

test('the snapshot ships no write-ahead log: its segment is all but empty', async () => {
  const segments = [...files(gunzipSync(await readFile(tarball)))].filter((f) => /pg_wal\/[0-9A-F]{24}$/.test(f.name));
  assert.ok(segments.length >= 1, 'the data directory has a write-ahead log segment');
  for (const { name, data } of segments) {
    let written = 0;
    for (let page = 0; page < data.length; page += 8192) if (data.subarray(page, page + 8192).some((b) => b !== 0)) written++;
    // A checkpoint record or two; the loading's log (2,048 written pages of 8 kB) must not ship.
    assert.ok(written <= 16, `${name} has ${written} written pages of ${data.length / 8192}`);
  }
});
