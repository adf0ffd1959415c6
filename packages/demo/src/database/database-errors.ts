// PGlite's worker mode loses what a database error says: the worker throws PostgreSQL's error
// (SQLSTATE code, detail, hint), logs it to the console, and sends the page only its message, so
// the SDK could no longer tell "order not found" (LO…) from a broken connection. These two halves
// carry the error across whole: the worker returns it among the protocol messages instead of
// throwing, and the page throws it again with every field, as in-page PGlite would.

/** A database error as it crosses from the worker to the page (a plain, cloneable object). */
export interface CarriedDatabaseError {
  carriedDatabaseError: true;
  message: string;
  code?: string;
  severity?: string;
  detail?: string;
  hint?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

interface ProtocolStream {
  execProtocolStream(message: Uint8Array, options?: { throwOnError?: boolean; syncToFs?: boolean }): Promise<unknown[]>;
}

/** Worker side: errors stay in the message list, as plain objects, and nothing is logged. */
export function carryErrors<T extends ProtocolStream>(pglite: T): T {
  const original = pglite.execProtocolStream.bind(pglite);
  pglite.execProtocolStream = async (message, options = {}) => {
    const messages = await original(message, { ...options, throwOnError: false });
    return messages.map((m) => {
      if (!(m instanceof Error) || (m as { name?: string }).name !== 'error') return m;
      const e = m as Error & Omit<CarriedDatabaseError, 'carriedDatabaseError'>;
      const carried: CarriedDatabaseError = { carriedDatabaseError: true, message: e.message };
      for (const key of ['code', 'severity', 'detail', 'hint', 'schema', 'table', 'column', 'constraint'] as const) {
        if (e[key] !== undefined) carried[key] = e[key];
      }
      return carried;
    });
  };
  return pglite;
}

/** Page side: throws the first carried error as an Error with its code, detail and hint. */
export function throwCarriedError(messages: unknown[]): void {
  const carried = messages.find((m): m is CarriedDatabaseError => (m as CarriedDatabaseError | null)?.carriedDatabaseError === true);
  if (!carried) return;
  const { carriedDatabaseError: _, ...fields } = carried;
  throw Object.assign(new Error(carried.message), fields);
}
