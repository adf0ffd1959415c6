// How the SQL transports tell a lost connection from a refused statement.

/** SQLSTATE classes meaning the connection, not the statement, failed; Node socket errors; node-postgres's own words. */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '';
  return (
    /^(08|57P0)/.test(code) ||
    /^E[A-Z]+$/.test(code) ||
    /Connection terminated|connection (closed|ended)|Client has encountered a connection error/i.test(String((error as { message?: unknown }).message))
  );
}

/**
 * Set (to true) on an error thrown when the connection broke while COMMIT was in flight: the
 * server may have committed before it went, so the write's outcome is unknown.
 */
export const commitOutcomeUnknown = Symbol.for('lead-orders.commitOutcomeUnknown');
