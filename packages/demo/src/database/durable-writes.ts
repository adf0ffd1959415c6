// Writes reach IndexedDB before they are answered. PGlite in relaxed durability answers a query
// before its files are written to IndexedDB, so a reload right after a change could come back
// without it; in strict durability every query, reads included, waits for a comparison of every
// file with IndexedDB. Here reads stay relaxed and a transaction that wrote (it was given a
// transaction id) is answered only once its files are in IndexedDB. Reads write nothing worth
// keeping (at most hint bits, which PostgreSQL sets again), so PGlite's own sync after every query
// is dropped: each one compared all ~1,200 files with IndexedDB (80–130 ms of the worker) and
// delayed the first live widget's queries. It all runs in the worker: the page waits for the
// answer, never on its main thread.

interface Syncable {
  /** PGlite's in-memory file system kept in IndexedDB (`idb://`): `syncToFs` writes what changed. */
  fs?: { syncToFs(relaxed?: boolean): Promise<void> };
  syncToFs(): Promise<void>;
  isInTransaction(): boolean;
  execProtocolStream(message: Uint8Array, options?: object): Promise<unknown[]>;
}

/**
 * Makes `pglite` (opened with `relaxedDurability: true`) durable for writes and returns `sync()`,
 * which resolves once every file changed so far is in IndexedDB (rejects with IndexedDB's error).
 * A write that fails to reach IndexedDB rejects with that error.
 * PGlite's own sync after each query does nothing: files are written after writes only.
 */
export function durableWrites<T extends Syncable>(
  pglite: T,
  /** What else a write waits for: on a first visit, the store being marked complete (kept-marker.ts). */
  waitFor: { kept?: () => Promise<unknown> } = {},
): { pglite: T; sync: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  /** One sync at a time; callers arriving while one waits to start share it. */
  const sync = (): Promise<void> => {
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        running = pglite.fs!.syncToFs(false);
        return running;
      });
    return queued;
  };
  pglite.syncToFs = () => Promise.resolve();

  const original = pglite.execProtocolStream.bind(pglite);
  // The next transaction id PostgreSQL will give out: it moves only when a transaction wrote.
  // Sent as a raw simple query: the page holds PGlite's query lock for the whole exchange, so
  // `pglite.query` here would wait for it forever.
  const nextXid = async () => {
    const messages = (await original(simpleQuery('select pg_snapshot_xmax(pg_current_snapshot())::text'))) as { name?: string; fields?: string[] }[];
    return messages.find((m) => m.name === 'dataRow')?.fields?.[0];
  };
  let synced: string | undefined;
  let checking = false;
  pglite.execProtocolStream = async (message, options) => {
    const messages = await original(message, options);
    // Only between exchanges (after a Sync or a simple Query), never inside a Parse/Bind/Execute
    // sequence, whose unnamed statement a query of ours would replace.
    if (checking || !endsExchange(message) || pglite.isInTransaction()) return messages;
    checking = true;
    try {
      const next = await nextXid();
      if (synced === undefined) synced = next;
      else if (next !== synced) {
        synced = next;
        await sync();
        await waitFor.kept?.();
      }
    } finally {
      checking = false;
    }
    return messages;
  };
  return { pglite, sync };
}

/** A PostgreSQL simple Query message: 'Q', its length (int32, big endian), the SQL, a zero byte. */
function simpleQuery(sql: string): Uint8Array {
  const text = new TextEncoder().encode(sql);
  const message = new Uint8Array(1 + 4 + text.length + 1);
  message[0] = 0x51;
  new DataView(message.buffer).setInt32(1, 4 + text.length + 1);
  message.set(text, 5);
  return message;
}

/** Whether a batch of frontend messages holds a Sync ('S') or a simple Query ('Q'). */
function endsExchange(batch: Uint8Array): boolean {
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  for (let at = 0; at + 5 <= batch.length; ) {
    if (batch[at] === 0x53 || batch[at] === 0x51) return true;
    const length = view.getInt32(at + 1);
    // Not a typed message (the start-up packet has none): nothing to wait for.
    if (length < 4) return false;
    at += 1 + length;
  }
  return false;
}
