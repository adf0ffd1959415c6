// The demo database's Web Worker: PGlite runs here, so loading the data directory, PostgreSQL's
// start-up and every query stay off the page's main thread. The page talks to it through
// PGliteWorker (see demo-database.ts). With several tabs open, one tab's worker leads and the
// others forward their queries to it.
import { PGlite } from '@electric-sql/pglite';
import { worker } from '@electric-sql/pglite/worker';
import { carryErrors } from './database-errors.js';
import { durableWrites } from './durable-writes.js';
import { isComplete, markComplete } from './kept-marker.js';
import type { WorkerMeta } from './worker-meta.js';

/** PGlite keeps an `idb://name` data directory in the IndexedDB database `/pglite/name`. */
const idbName = (dataDir: string) => `/pglite/${dataDir.replace(/^idb:\/\//, '')}`;

async function idbDatabases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

function deleteIdb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another tab still holds it open: it goes once that tab closes; nothing to wait for here.
    request.onblocked = () => resolve();
  });
}

void worker({
  async init(options) {
    const { snapshotUrl, keepPrefix } = options.meta as WorkerMeta;
    const dataDir = options.dataDir!;
    const names = await idbDatabases();
    // Data kept from an older snapshot (other migrations or demo data) is dropped, not migrated:
    // the demo starts again from the snapshot this build ships.
    await Promise.all(names.filter((n) => n.startsWith(`/pglite/${keepPrefix}`) && n !== idbName(dataDir)).map(deleteIdb));
    if (names.includes(idbName(dataDir))) {
      if (await isComplete(dataDir)) return carryErrors(durableWrites(await PGlite.create(dataDir, { relaxedDurability: true })).pglite);
      // A first load that did not finish (the page closed meanwhile): start it again.
      await deleteIdb(idbName(dataDir));
    }
    await markComplete(dataDir, false);
    const response = await fetch(snapshotUrl);
    if (!response.ok) throw new Error(`Could not load the demo database snapshot ${snapshotUrl}: HTTP ${response.status}`);
    let kept: Promise<unknown> | undefined;
    const loaded = await PGlite.create(dataDir, { loadDataDir: await response.blob(), relaxedDurability: true });
    const { pglite, sync } = durableWrites(loaded, { kept: () => kept! });
    // Write the loaded files to IndexedDB (one IndexedDB transaction) while the page already
    // reads; only once written is the store marked complete, so a reload that comes sooner
    // loads the snapshot again instead of opening a partial store. A write waits for it too.
    kept = sync().then(() => markComplete(dataDir, true));
    kept.catch(() => undefined);
    return carryErrors(pglite);
  },
});
