import { databaseErrorCode, type DatabaseErrorCode } from '@lead-orders/db/errors';

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
  | 'aborted'
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
  declare readonly [brand]: true;

  constructor(code: OrderTrackingErrorCode, message: string, options: OrderTrackingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrderTrackingError';
    this.code = code;
    this.details = options.details ?? null;
    this.hint = options.hint ?? null;
    this.issues = options.issues ?? [];
    this.status = options.status;
    Object.defineProperty(this, brand, { value: true });
  }

  toJSON(): {
    name: string;
    code: OrderTrackingErrorCode;
    message: string;
    details: unknown;
    hint: string | null;
    issues: FieldIssue[];
    status?: number;
  } {
    const json = { name: this.name, code: this.code, message: this.message, details: this.details, hint: this.hint, issues: this.issues };
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

/** Converts anything thrown into an OrderTrackingError, keeping ours as they are. */
export function toOrderTrackingError(error: unknown, signal?: AbortSignal): OrderTrackingError {
  if (isOrderTrackingError(error)) return error;
  if (signal?.aborted) return abortedError(signal);
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return abortedError(signal);
  return new OrderTrackingError('unknown', error instanceof Error ? error.message : String(error), { cause: error });
}
