/**
 * The bounds every input is checked against before a request leaves, and the schema pieces that
 * apply them. They describe what the database can take at all (an `int4` parameter, `text`
 * without NUL bytes, a date PostgreSQL can store) and the lengths and ranges the database
 * documents for its columns and arguments, so a value is refused here with the same code the
 * database would use (`invalid_input`) and a field-by-field `issues` list, without a round trip,
 * and a 10 MB search string never leaves the browser.
 *
 * Rules with a code of their own stay with the database alone: a quantity outside 1–10,000,000 is
 * `invalid_quantity`, a date outside 2000-01-01–2100-12-31 or in the wrong order `invalid_dates`.
 */
import * as z from 'zod/mini';

/** Lengths in characters (Unicode code points, as PostgreSQL's `char_length` counts them). */
export const textLimits = {
  /** `orders.order_number`: 1–40; also the number `orders.isNumberAvailable` checks (no order can hold a longer one). */
  orderNumber: 40,
  /** `orders.name`. */
  name: 200,
  /** `orders.description`: about 10 KB of text. */
  description: 10_000,
  /** `p_search` of `get_orders`, `list_leads` and `list_clients` (the database refuses longer). */
  search: 200,
  /** `p_cursor` of the keyset reads: a `next_cursor` is far shorter. */
  cursor: 1_000,
  /** One lead status in `list_leads(p_status)`: an agency's status names are short words. */
  leadStatus: 200,
} as const;

/** Integer ranges (inclusive). */
export const numberLimits = {
  /** PostgreSQL `int4`, the type of every integer argument. */
  int4: { min: -2_147_483_648, max: 2_147_483_647 },
  /** `orders.priority`. */
  priority: { min: -1_000, max: 1_000 },
  /** `p_limit` of `get_orders`, `list_leads` and `list_clients`: rows per page. */
  pageSize: { min: 1, max: 500 },
  /** `get_order_details(p_lead_limit, p_timeline_limit)`. */
  detailRows: { min: 0, max: 1_000 },
  /** `list_leads(p_status)`: statuses in one filter (the database refuses more). */
  leadStatuses: { min: 1, max: 50 },
  /** `assign_leads_to_order(p_lead_ids)`: leads in one bulk assignment. */
  bulkLeads: { min: 1, max: 10_000 },
} as const;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
// A lone surrogate cannot be encoded as UTF-8: drivers replace it silently and jsonb refuses it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string PostgreSQL `text` can hold (no NUL byte, well-formed UTF-16) of at most `max` characters. */
export function boundedText(max: number) {
  return z.string().check(
    z.refine((s) => !s.includes('\u0000'), 'must not contain NUL bytes (\\u0000)'),
    z.refine((s) => !loneSurrogate.test(s), 'must be well-formed Unicode (a lone surrogate)'),
    z.refine((s) => s.length <= max || codePoints(s) <= max, `must be at most ${max} characters`),
  );
}

// The embeddings, overrides and isolates: text that reorders what surrounds it.
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * An order's number or name: {@link boundedText}, without the bidirectional controls the database
 * refuses in labels (U+202A–U+202E, U+2066–U+2069), so a label cannot read reversed
 * ("Evil\u202Egnp.exe") in lists, links or the CSV export.
 */
export function labelText(max: number) {
  return boundedText(max).check(
    z.refine((s) => !bidiControls.test(s), 'must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)'),
  );
}

/** An integer within `range` (inclusive); `int4` unless narrower. */
export function boundedInt(range: { min: number; max: number } = numberLimits.int4) {
  return z.int().check(z.gte(range.min), z.lte(range.max));
}

/** A calendar date `YYYY-MM-DD` PostgreSQL can store (year 0000 does not exist). */
export const DateString = z.iso.date().check(z.refine((s) => !s.startsWith('0000'), 'expected a date from year 0001'));
