import type { DatabaseErrorCode, DatabaseErrorSqlState, databaseErrors } from '@lead-orders/db/errors';

/**
 * SQLSTATE → code, as `databaseErrors` of `@lead-orders/db` lists them, without its prose (`when`),
 * which the main entry would otherwise carry (about 0.6 KB of its 15 KB budget). The type makes
 * this table equal to that list: a state missing here, added or renamed there, or a code spelt
 * differently is a compile error (and `test/errors.test.ts` compares them at run time).
 */
export const databaseCodes: { readonly [S in DatabaseErrorSqlState]: (typeof databaseErrors)[S]['code'] } = {
  LO001: 'invalid_input',
  LO002: 'invalid_cursor',
  LO003: 'unknown_field',
  LO004: 'invalid_quantity',
  LO005: 'invalid_dates',
  LO010: 'forbidden',
  LO011: 'profile_locked',
  LO020: 'client_not_found',
  LO021: 'order_not_found',
  LO022: 'lead_not_found',
  LO030: 'order_number_taken',
  LO031: 'quantity_below_delivered',
  LO032: 'invalid_status_transition',
  LO033: 'delivered_count_read_only',
  LO034: 'order_client_immutable',
  LO040: 'order_not_active',
  LO041: 'order_full',
  LO042: 'lead_client_mismatch',
};
const databaseErrorCode = (state: string | undefined): DatabaseErrorCode | undefined =>
  state !== undefined && Object.hasOwn(databaseCodes, state) ? databaseCodes[state as DatabaseErrorSqlState] : undefined;

/**
 * Every `code` an {@link OrderTrackingError} can carry: the database's refusals (one per SQLSTATE
 * `LOxxx`, names from `@lead-orders/db`) and the SDK's own.
 * Branch on `code`, never on `message`.
 */
export type OrderTrackingErrorCode =
  | DatabaseErrorCode
  | 'invalid_input'
  | 'unauthenticated'
  | 'network'
  /**
   * The database gave up on the transaction to let another one through: a serialization failure
   * (SQLSTATE `40001`) or a deadlock (`40P01`). Nothing was applied; the same call is safe to
   * retry (`error.retryable` is true). Reads are retried by the SDK itself.
   */
  | 'conflict'
  /** The signal fired: a read was stopped, or a write was stopped before it was sent (nothing applied). */
  | 'aborted'
  /**
   * A write's signal fired after the write was sent, before its answer: it may or may not have
   * been applied. Read the data again before trying it a second time.
   */
  | 'outcome_unknown'
  /** A result did not match its schema: the database and the SDK disagree on a shape. */
  | 'invalid_response'
  | 'unknown';

/** One problem with one field of an input, e.g. `{ path: 'leads_purchased', message: 'expected an integer' }`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface OrderTrackingErrorOptions {
  details?: unknown;
  hint?: string | null;
  cause?: unknown;
  issues?: FieldIssue[];
  /** HTTP status when the transport had one. */
  status?: number;
}

const brand = Symbol.for('lead-orders.OrderTrackingError');

/** SQLSTATEs after which PostgreSQL rolled the whole transaction back and a retry may succeed. */
const conflictStates = new Set(['40001', '40P01']);

/**
 * The one error class every SDK method throws. `code` is stable; `details` holds the database's
 * context (parsed from its JSON `detail` when it is JSON) or the list of field issues; `cause` keeps
 * the original error or PostgREST body.
 */
export class OrderTrackingError extends Error {
  readonly code: OrderTrackingErrorCode;
  readonly details: unknown;
  readonly hint: string | null;
  /** For `invalid_input` raised before any request: each field's problem. Empty otherwise. */
  readonly issues: FieldIssue[];
  readonly status: number | undefined;
  /**
   * True when the same call can simply be made again: the database applied nothing and refused
   * for a passing reason (`conflict`). False for every other code, including `network` on a
   * write (it may have been applied) and `outcome_unknown`.
   */
  readonly retryable: boolean;
  declare readonly [brand]: true;

  constructor(code: OrderTrackingErrorCode, message: string, options: OrderTrackingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrderTrackingError';
    this.code = code;
    this.details = options.details ?? null;
    this.hint = options.hint ?? null;
    this.issues = options.issues ?? [];
    this.status = options.status;
    this.retryable = code === 'conflict';
    Object.defineProperty(this, brand, { value: true });
  }

  toJSON(): {
    name: string;
    code: OrderTrackingErrorCode;
    message: string;
    details: unknown;
    hint: string | null;
    issues: FieldIssue[];
    retryable: boolean;
    status?: number;
  } {
    const json = {
      name: this.name,
      code: this.code,
      message: this.message,
      details: this.details,
      hint: this.hint,
      issues: this.issues,
      retryable: this.retryable,
    };
    return this.status === undefined ? json : { ...json, status: this.status };
  }
}

/**
 * True for an {@link OrderTrackingError}, even one thrown by another copy of the SDK (two bundles
 * on one page), where `instanceof` would say false.
 */
export function isOrderTrackingError(error: unknown): error is OrderTrackingError {
  return typeof error === 'object' && error !== null && (error as { [brand]?: unknown })[brand] === true;
}

/** The shape PostgREST, node-postgres and PGlite share for a database error. */
export interface RawDatabaseError {
  code?: string | undefined;
  message?: string | undefined;
  /** `details` in PostgREST bodies, `detail` in node-postgres and PGlite. */
  details?: string | null | undefined;
  detail?: string | null | undefined;
  hint?: string | null | undefined;
}

function parseDetail(detail: string | null | undefined): unknown {
  if (detail == null || detail === '') return null;
  try {
    return JSON.parse(detail);
  } catch {
    return detail;
  }
}

/**
 * Maps a database error (from any transport) to an OrderTrackingError.
 * `anonymous` says whether the caller had no user, so a permission refusal means "sign in".
 */
export function fromDatabaseError(raw: RawDatabaseError, options: { anonymous?: boolean; status?: number; cause?: unknown } = {}): OrderTrackingError {
  const sqlState = raw.code ?? '';
  const details = parseDetail(raw.details ?? raw.detail);
  let code: OrderTrackingErrorCode = databaseErrorCode(sqlState) ?? 'unknown';
  if (code === 'unknown') {
    // PostgREST's JWT errors, an HTTP 401, or a privilege error with no signed-in user.
    if (/^PGRST30\d$/.test(sqlState) || options.status === 401 || (sqlState === '42501' && options.anonymous)) {
      code = 'unauthenticated';
    } else if (sqlState === '42501') {
      code = 'forbidden';
    } else if (conflictStates.has(sqlState)) {
      code = 'conflict';
    }
  }
  return new OrderTrackingError(code, raw.message || `Database error ${sqlState}`, {
    details,
    hint: raw.hint ?? null,
    cause: options.cause ?? raw,
    ...(options.status === undefined ? {} : { status: options.status }),
  });
}

export function abortedError(signal?: AbortSignal): OrderTrackingError {
  return new OrderTrackingError('aborted', 'The request was aborted.', { cause: signal?.reason });
}

/** A write given up on after it was sent: it may have committed. */
export function outcomeUnknownError(signal?: AbortSignal): OrderTrackingError {
  return new OrderTrackingError(
    'outcome_unknown',
    'The write was aborted after it was sent; it may have been applied. Read the data again before retrying.',
    { cause: signal?.reason },
  );
}

/** Converts anything thrown into an OrderTrackingError, keeping ours as they are. */
export function toOrderTrackingError(error: unknown, signal?: AbortSignal): OrderTrackingError {
  if (isOrderTrackingError(error)) return error;
  if (signal?.aborted) return abortedError(signal);
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return abortedError(signal);
  return new OrderTrackingError('unknown', error instanceof Error ? error.message : String(error), { cause: error });
}
