/// <reference types="vite/client" />
// The demo database as the portal and Storybook use it: PGlite in a Web Worker, started from the
// snapshot `npm run snapshot` builds (migrations + demo data), kept in IndexedDB across reloads.
// The page's main thread only sends queries and reads results, so it never freezes while the
// database starts. Every acting user gets an SDK instance over the one database, so switching
// users shows what row-level security lets each see.
import type { PGlite } from '@electric-sql/pglite';
import { live } from '@electric-sql/pglite/live';
import type { OrderTracking } from '@lead-orders/sdk';
import { createOrderTracking, createPgliteTransport, type DemoUserKey, type DemoUsers, type Identity } from '@lead-orders/sdk/pglite';
import manifestJson from '../../snapshot/demo-database.json' with { type: 'json' };
import snapshotUrl from '../../snapshot/demo-database.tar.gz?url';
import { DemoDatabaseWorker } from './database-worker-client.js';
import type { SnapshotManifest } from './snapshot-manifest.js';
import type { WorkerMeta } from './worker-meta.js';

const manifest = manifestJson as SnapshotManifest;
const keepPrefix = 'lead-orders-demo-';
/** One kept database per snapshot: a new build of the snapshot starts from fresh data. */
const dataDir = `idb://${keepPrefix}${manifest.id}`;

export type { DemoUserKey, DemoUsers };

export interface DemoDatabase {
  /** The demo users in the snapshot: `admin`, `clientA`, `clientB` (ids, emails, client ids). */
  readonly users: DemoUsers;
  /** The day the snapshot was built (YYYY-MM-DD, UTC); the demo data's dates are relative to it. */
  readonly builtOn: string;
  /** The SDK acting as this demo user (one instance per user, made on first use). */
  trackingFor(user: DemoUserKey): Promise<OrderTracking>;
  /**
   * Drops the kept data: closes the database, stops the worker and deletes its IndexedDB store.
   * The next `openDemoDatabase()` (after a reload) starts again from the snapshot.
   */
  reset(): Promise<void>;
}

let opening: Promise<DemoDatabase> | undefined;

/**
 * Opens the demo database once per page; later calls get the same one. The first visit loads
 * the snapshot (about 5.5 MB gzip, served beside the page); later visits resume the kept data.
 * Rejects when the worker cannot start (no IndexedDB, snapshot not served).
 */
export function openDemoDatabase(): Promise<DemoDatabase> {
  opening ??= start().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

function identityOf(user: DemoUserKey): Identity {
  const who = manifest.users[user];
  return { role: 'authenticated', userId: who.id, email: who.email };
}

async function connect() {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'lead-orders demo database' });
  const meta: WorkerMeta = { snapshotUrl: new URL(snapshotUrl, location.href).href, keepPrefix };
  // PGliteWorker.create would make a plain PGliteWorker: construct ours and wait the same way.
  const pglite = new DemoDatabaseWorker(worker, { dataDir, meta, extensions: { live } });
  await pglite.waitReady;
  return { worker, pglite };
}

async function start(): Promise<DemoDatabase> {
  // The worker resumes a kept store only when it was written whole, else loads the snapshot:
  // either way the database is ready for the SDK as soon as it answers.
  const { worker, pglite } = await connect();
  const stop = async () => {
    await pglite.close().catch(() => undefined);
    worker.terminate();
  };

  const sdks = new Map<DemoUserKey, Promise<OrderTracking>>();
  return {
    users: manifest.users,
    builtOn: manifest.builtOn,
    trackingFor(user) {
      let sdk = sdks.get(user);
      if (!sdk) {
        sdk = (async () => {
          // PGliteWorker offers everything the SDK's PGlite transport uses (query, exec,
          // transaction, the live extension, close); only its TypeScript class differs.
          const transport = await createPgliteTransport({ pglite: pglite as unknown as PGlite, setup: false, demo: false, as: identityOf(user) });
          return createOrderTracking({ transport });
        })();
        sdks.set(user, sdk);
      }
      return sdk;
    },
    async reset() {
      await stop();
      await deleteStore();
      opening = undefined;
    },
  };
}

function deleteStore(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(`/pglite/${dataDir.slice('idb://'.length)}`);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another tab still has it open; it is deleted when that tab lets go.
    request.onblocked = () => resolve();
  });
}
