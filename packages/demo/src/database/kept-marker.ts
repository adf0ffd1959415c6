// Which kept databases are complete. IndexedDB lists a PGlite store as soon as it is opened, so a
// page closed while the snapshot was still being written leaves a store that exists but is not
// whole; only a store marked here after its first full write is resumed.
const name = 'lead-orders-demo-kept';
const store = 'complete';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Whether the store for `dataDir` was written whole. */
export async function isComplete(dataDir: string): Promise<boolean> {
  return (await run('readonly', (s) => s.get(dataDir))) === true;
}

export function markComplete(dataDir: string, complete: boolean): Promise<unknown> {
  return run<unknown>('readwrite', (s) => (complete ? s.put(true, dataDir) : s.delete(dataDir)) as IDBRequest<unknown>);
}
