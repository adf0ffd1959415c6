/// <reference types="vite/client" />
// The demo database's Web Worker: PGlite runs here, so loading the data directory, PostgreSQL's
// start-up and every query stay off the page's main thread. The page talks to it through
// PGliteWorker (see demo-database.ts). With several tabs open, one tab's worker leads and the
// others forward their queries to it.
import { PGlite } from '@electric-sql/pglite';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import { worker } from '@electric-sql/pglite/worker';
import { afterQuiet } from './after-quiet.js';
import { carryErrors } from './database-errors.js';
import { durableWrites } from './durable-writes.js';
import { isComplete, markComplete } from './kept-marker.js';
import type { WorkerMeta } from './worker-meta.js';

// PGlite's WebAssembly (compiled as it downloads) and its file bundle start loading with the
// worker, beside the IndexedDB look-up and the snapshot's download, instead of after them.
// (A server that does not send `application/wasm` refuses streaming compilation: compile the bytes.)
const wasmModule = WebAssembly.compileStreaming(fetch(pgliteWasmUrl)).catch(async () =>
  WebAssembly.compile(await (await fetch(pgliteWasmUrl)).arrayBuffer()),
);
const fsBundle = fetch(pgliteDataUrl).then((r) => r.blob());
const artifacts = async () => ({ pgliteWasmModule: await wasmModule, fsBundle: await fsBundle });

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
      if (await isComplete(dataDir)) return carryErrors(durableWrites(await PGlite.create(dataDir, { relaxedDurability: true, ...(await artifacts()) })).pglite);
      // A first load that did not finish (the page closed meanwhile): start it again.
      await deleteIdb(idbName(dataDir));
    }
    await markComplete(dataDir, false);
    const response = await fetch(snapshotUrl);
    if (!response.ok) throw new Error(`Could not load the demo database snapshot ${snapshotUrl}: HTTP ${response.status}`);
    const loaded = await PGlite.create(dataDir, { loadDataDir: await response.blob(), relaxedDurability: true, ...(await artifacts()) });
    // Write the loaded files to IndexedDB (one IndexedDB transaction) once the page's first
    // queries are answered (see after-quiet.ts), or at once when the page writes: a write waits
    // for it. Only once written is the store marked complete, so a reload that comes sooner
    // loads the snapshot again instead of opening a partial store.
    let kept: Promise<unknown> | undefined;
    const keep = (): Promise<unknown> => {
      kept ??= sync().then(() => markComplete(dataDir, true));
      return kept;
    };
    const { pglite, sync } = durableWrites(loaded, { kept: keep });
    afterQuiet(pglite, () => void keep().catch(() => undefined));
    return carryErrors(pglite);
  },
});
