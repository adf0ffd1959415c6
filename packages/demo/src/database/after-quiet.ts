// Runs a task once the database has been left alone for a moment. On a first visit the whole
// snapshot (about 44 MB of files) is copied into IndexedDB; started at once, that copy held the
// worker while the page asked its first questions and delayed the first live widget by about
// 0.6 s. Started once the page's first burst of queries is answered, it costs the page nothing.

interface Exchanging {
  execProtocolStream(message: Uint8Array, options?: object): Promise<unknown[]>;
}

/**
 * Calls `task` once, when no exchange with `pglite` is in flight and none has started for
 * `quietMs` (ms) — counted from now, with `firstQuietMs` (ms) before the first exchange, since
 * the page connects a little after the database is ready. Returns `pglite`, whose
 * `execProtocolStream` now counts exchanges.
 */
export function afterQuiet<T extends Exchanging>(pglite: T, task: () => void, { quietMs = 250, firstQuietMs = 1500 } = {}): T {
  const original = pglite.execProtocolStream.bind(pglite);
  let inFlight = 0;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    clearTimeout(timer);
    if (!done && inFlight === 0) timer = setTimeout(run, ms);
  };
  const run = () => {
    if (done || inFlight > 0) return;
    done = true;
    task();
  };
  pglite.execProtocolStream = async (message, options) => {
    if (done) return original(message, options);
    inFlight += 1;
    clearTimeout(timer);
    try {
      return await original(message, options);
    } finally {
      inFlight -= 1;
      arm(quietMs);
    }
  };
  arm(firstQuietMs);
  return pglite;
}
