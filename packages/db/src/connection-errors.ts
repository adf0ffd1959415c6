// How a transport tells a lost connection from a refused statement. Browser-safe: no imports, so
// the SDK's SQL transport (PGlite in a page, node-postgres on a server) shares it.

/**
 * True when `error` means the connection, not the statement, failed: SQLSTATE class 08
 * (connection exception) or 57P0x (the server is shutting the session down), a Node socket error
 * (`ECONNRESET`, `EPIPE`, ...), or node-postgres's own words for a closed connection.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const text = String((error as { message?: unknown }).message);
  return (
    (typeof code === 'string' && (/^(08|57P0)/.test(code) || /^E[A-Z]+$/.test(code))) ||
    /Connection terminated|connection (closed|ended)|Client has encountered a connection error/i.test(text)
  );
}

/**
 * Set (to true, as a non-enumerable property) on an error thrown when the connection broke while
 * COMMIT was in flight: the server may have committed before it went, so the write's outcome is
 * unknown. A registered symbol, so copies of this module in one process agree on it.
 */
export const commitOutcomeUnknown = Symbol.for('lead-orders.commitOutcomeUnknown');

/** True when `error` carries the {@link commitOutcomeUnknown} mark. */
export function isCommitOutcomeUnknown(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { [commitOutcomeUnknown]?: unknown })[commitOutcomeUnknown] === true;
}
