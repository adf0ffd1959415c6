/**
 * Every refusal the database raises: SQLSTATE (class `LO`), a stable name, and when it happens.
 * The migrations raise these codes; the SDK maps them; README's table is written from this list.
 */
export const databaseErrors = {
  LO001: { code: 'invalid_input', when: 'A required argument is missing or malformed (blank text, limit out of range, wrong JSON type).' },
  LO002: { code: 'invalid_cursor', when: '`p_cursor` was not produced by the same list function (`get_orders` with the same sort, `list_leads`, `list_clients`).' },
  LO003: { code: 'unknown_field', when: '`update_order` got a key it does not know or that cannot be changed.' },
  LO004: { code: 'invalid_quantity', when: '`leads_purchased` is not a positive integer.' },
  LO005: { code: 'invalid_dates', when: '`start_date` is after `target_delivery_date`.' },
  LO010: { code: 'forbidden', when: 'The caller is not an admin (or the service role) and the function writes.' },
  LO011: { code: 'profile_locked', when: 'A non-admin tried to change `role` or `client_name` of a profile.' },
  LO020: { code: 'client_not_found', when: 'No client with that id (or not visible to the caller).' },
  LO021: { code: 'order_not_found', when: 'No order with that id (or not visible to the caller).' },
  LO022: { code: 'lead_not_found', when: 'No lead with that id (or not visible to the caller).' },
  LO030: { code: 'order_number_taken', when: 'Another order already has that `order_number`.' },
  LO031: { code: 'quantity_below_delivered', when: '`leads_purchased` would fall below `leads_delivered`.' },
  LO032: { code: 'invalid_status_transition', when: 'The status change is not one of the legal transitions.' },
  LO033: { code: 'delivered_count_read_only', when: '`leads_delivered` was written directly; it is derived from the leads.' },
  LO034: { code: 'order_client_immutable', when: 'An order was moved to another client; create a new order instead.' },
  LO040: { code: 'order_not_active', when: 'A lead was assigned to an order that is not Active.' },
  LO041: { code: 'order_full', when: 'The change would deliver more leads than the order purchased.' },
  LO042: { code: 'lead_client_mismatch', when: 'The lead belongs to another client than the order.' },
} as const;

export type DatabaseErrorSqlState = keyof typeof databaseErrors;
export type DatabaseErrorCode = (typeof databaseErrors)[DatabaseErrorSqlState]['code'];

// A Map, not a plain object: a SQLSTATE is text from the server, and a property lookup would
// find inherited keys ('constructor', 'toString', '__proto__') on Object.prototype.
const bySqlState: ReadonlyMap<string, DatabaseErrorCode> = new Map(
  Object.entries(databaseErrors).map(([state, { code }]) => [state, code]),
);

/**
 * The stable name for a SQLSTATE raised by the migrations (`'LO041'` → `'order_full'`), or
 * undefined for any other code, including names of Object.prototype members.
 */
export function databaseErrorCode(sqlState: string | undefined): DatabaseErrorCode | undefined {
  return sqlState === undefined ? undefined : bySqlState.get(sqlState);
}
