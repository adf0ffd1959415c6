// Builds the demo database snapshot the portal and Storybook start from: PGlite (in Node) with the
// Supabase stand-in, the agency schema, every migration and the generated demo data, dumped as a
// gzipped data directory. A browser then loads it with `loadDataDir` in well under a second instead
// of running every migration and generating the data on each first visit (about 15 s of frozen page).
//
// Writes snapshot/demo-database.tar.gz, snapshot/demo-database.json ({ id, builtOn, users }) and
// snapshot/story-fixtures.json: one real order per state the stories show, and real dashboard
// figures, read through the SDK, so a story never shows an order the database would not allow.
// Skips the work when the inputs are unchanged: the SQL, the demo data and the day. The day counts
// because the demo data places dates relative to `current_date` when it is loaded.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { agencyFixtureSql, buildDemoData, migrations, supabaseFixtureSql } from '@lead-orders/db';
import { createOrderTracking, createPgliteTransport } from '@lead-orders/sdk/pglite';
import type { SnapshotManifest } from '../src/database/snapshot-manifest.js';
import { pickStoryOrders } from './story-fixtures.js';

const out = fileURLToPath(new URL('../snapshot/', import.meta.url));
// PGlite's exports hide its package.json; it sits one folder above the entry module.
const pgliteVersion = (JSON.parse(await readFile(new URL('../package.json', import.meta.resolve('@electric-sql/pglite')), 'utf8')) as { version: string }).version;
const builtOn = new Date().toISOString().slice(0, 10);
const demo = buildDemoData({});
/** Changes when the way the snapshot is made changes, so an older build of it is made again. */
const snapshotFormat = 'postgres-only, wal-compacted twice';

const id = createHash('sha256')
  .update([snapshotFormat, pgliteVersion, builtOn, supabaseFixtureSql, agencyFixtureSql, ...migrations.map((m) => `${m.name}\n${m.sql}`), demo.sql].join('\n\0'))
  .digest('hex')
  .slice(0, 16);

const existing = await readFile(`${out}demo-database.json`, 'utf8').then((t) => JSON.parse(t) as SnapshotManifest, () => null);
const complete = await readFile(`${out}story-fixtures.json`).then(() => true, () => false);
if (existing?.id === id && complete && !process.argv.includes('--force')) {
  console.log(`demo database snapshot ${id} is up to date`);
  process.exit(0);
}

const started = performance.now();
const pglite = await PGlite.create('memory://');
// The same preparation the SDK's PGlite transport runs in a page, done once here.
const transport = await createPgliteTransport({ pglite });
// Run the planner's statistics now, so the first queries in the browser plan as they will later.
await pglite.exec('vacuum analyze');
// Ship the one database the demo uses. The template databases (template0, template1) serve only
// CREATE DATABASE, which nothing in the demo runs; they were a third of the data directory
// (15 of 44 MB) that every first visit unpacked and copied into IndexedDB and every reload read back.
await pglite.exec(`update pg_catalog.pg_database set datistemplate = false where datname in ('template0', 'template1')`);
// One statement each: DROP DATABASE refuses to run inside the transaction a multi-statement string makes.
await pglite.exec('drop database template0');
await pglite.exec('drop database template1');
// Ship no write-ahead log: everything loaded is checkpointed into the tables, so the segment that
// recorded the loading (about 3 MB of the gzipped snapshot) is dropped instead of kept for reuse.
// The data directory then holds one fresh, zero-filled segment, which gzip makes almost nothing.
// Twice: with the migrations of 2025-12-12 one switch and checkpoint left the segment that
// recorded the loading in place, and it shipped (5.6 MB instead of 2.0; test/snapshot.test.mjs);
// a second pair always ends on a fresh segment.
await pglite.exec('set wal_recycle = off');
for (let round = 0; round < 2; round++) {
  await pglite.exec('select pg_switch_wal()');
  await pglite.exec('checkpoint');
}
const tarball = await pglite.dumpDataDir('gzip');

const admin = createOrderTracking({ transport });
const orders = [];
for await (const page of admin.orders.pages({ limit: 200 })) orders.push(...page.items);
const adminStats = await admin.stats();
// The same transport, now acting as client A: the figures its "My orders" card shows.
transport.setIdentity('clientA');
const fixtures = { orders: pickStoryOrders(orders), stats: { admin: adminStats, clientA: await admin.stats() } };
await transport.close();
await pglite.close();

const manifest: SnapshotManifest = { id, builtOn, pgliteVersion, users: transport.users! };
await mkdir(out, { recursive: true });
await writeFile(`${out}demo-database.tar.gz`, Buffer.from(await tarball.arrayBuffer()));
await writeFile(`${out}demo-database.json`, `${JSON.stringify(manifest, null, 2)}\n`);
await writeFile(`${out}story-fixtures.json`, `${JSON.stringify(fixtures, null, 2)}\n`);
console.log(
  `demo database snapshot ${id}: ${(tarball.size / 1024).toFixed(0)} KB gzip, built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
