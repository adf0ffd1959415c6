import { CreateOrderInput, numberLimits, OrderChanges, textLimits } from '@lead-orders/sdk';
import type { Translation } from '../shared/localize.js';

/** The form's fields, named as the database names the columns (plus `number_mode`). */
export type Field =
  | 'client_id'
  | 'order_number'
  | 'leads_purchased'
  | 'start_date'
  | 'target_delivery_date'
  | 'name'
  | 'description'
  | 'priority'
  | 'status';

/** What the inputs hold: text, as inputs do. */
export type Values = Record<Field, string> & { number_mode: 'auto' | 'manual' };

export const emptyValues = (): Values => ({
  client_id: '',
  number_mode: 'auto',
  order_number: '',
  leads_purchased: '',
  start_date: '',
  target_delivery_date: '',
  name: '',
  description: '',
  priority: '0',
  status: 'Draft',
});

/**
 * A whole number written in digits (an optional sign), else NaN. Stricter than `Number()`, which
 * reads "1e3" as 1000 and "0x10" as 16: the count fields are plain text inputs (a number input
 * empties itself on "1e" and its value then jumps from "1" to "" to "3"), so what was typed is
 * what is checked, and anything but digits (of any script) gets the field's error.
 */
const int = (text: string) => {
  const digits = asciiDigits(text.trim());
  return /^[+-]?\d+$/.test(digits) ? Number(digits) : Number.NaN;
};

/**
 * Any script's decimal digits as ASCII ones: an Arabic reader types "٢٥" (or Persian "۲۵") for
 * 25. Each script's digits are runs of whole 0–9 blocks in Unicode, so a digit's value is its
 * distance from the start of its run, modulo 10.
 */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}
const optional = (text: string) => (text.trim() === '' ? null : text.trim());

/** The SDK's create input from the form's values. */
export function createInput(v: Values) {
  return {
    client_id: v.client_id,
    leads_purchased: int(v.leads_purchased),
    order_number: v.number_mode === 'manual' ? v.order_number.trim() : null,
    name: optional(v.name),
    description: optional(v.description),
    start_date: optional(v.start_date),
    target_delivery_date: optional(v.target_delivery_date),
    priority: int(v.priority),
    status: v.status as 'Draft' | 'Active' | 'Paused',
  };
}

/** The SDK's changes for an edit: only the fields that differ from the order as loaded. */
export function changesFrom(v: Values, loaded: Values) {
  const all = createInput(v);
  const before = createInput(loaded);
  const changes: Record<string, unknown> = {};
  for (const key of ['order_number', 'leads_purchased', 'name', 'description', 'start_date', 'target_delivery_date', 'priority'] as const) {
    // An edit always has a number of its own: "manual" is the only mode.
    if (!Object.is(all[key], before[key])) changes[key] = all[key];
  }
  return changes;
}

/**
 * The bounds each field shows on itself. Lengths and the priority are the SDK's own
 * (`textLimits`, `numberLimits`: it refuses them before sending); the quantity and the dates are
 * rules the database alone enforces (`invalid_quantity`, `invalid_dates`), checked here too so
 * the form says so before a round trip.
 */
export const bounds = {
  orderNumber: textLimits.orderNumber,
  name: textLimits.name,
  description: textLimits.description,
  quantity: { min: 1, max: 10_000_000 },
  priority: numberLimits.priority,
  /** Calendar days (`YYYY-MM-DD`), inclusive. */
  dates: { min: '2000-01-01', max: '2100-12-31' },
} as const;

const dateFields = ['start_date', 'target_delivery_date'] as const;
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
const chars = (text: string) => [...text].length;

/**
 * Which fields are wrong, checked with the SDK's own zod schemas (so the form and the SDK never
 * disagree on a shape) plus the bounds above. Rules the database owns that depend on stored data
 * (a number already taken, a quantity below what was delivered) come back from it and land on
 * their field too (`refusalOf`).
 */
export function invalidFields(v: Values, mode: 'create' | 'edit', loaded?: Values): Set<Field> {
  const bad = new Set<Field>();
  const result = mode === 'create' ? CreateOrderInput.safeParse(createInput(v)) : OrderChanges.safeParse(changesFrom(v, loaded ?? v));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '') as Field;
      bad.add(field);
    }
  }
  if (mode === 'create' && !v.client_id) bad.add('client_id');
  if (v.number_mode === 'manual' && !v.order_number.trim()) bad.add('order_number');
  const quantity = int(v.leads_purchased);
  if (!Number.isInteger(quantity) || quantity < bounds.quantity.min || quantity > bounds.quantity.max) bad.add('leads_purchased');
  const priority = int(v.priority);
  if (!Number.isInteger(priority) || priority < bounds.priority.min || priority > bounds.priority.max) bad.add('priority');
  for (const field of dateFields) {
    const day = v[field].trim();
    if (day && (!isDay(day) || day < bounds.dates.min || day > bounds.dates.max)) bad.add(field);
  }
  return bad;
}

/** What a field's message needs: the words, and the reader's number and date formats. */
export interface MessageContext {
  term: <K extends keyof Translation>(key: K) => Translation[K];
  number: (value: number) => string;
  day: (day: string) => string;
}

/**
 * The message for a field found wrong, naming its bound (the longest number, the range of
 * quantities, priorities or dates) so the person knows what would be accepted.
 */
export function fieldMessage(c: MessageContext, field: Field, v: Values): string {
  const { term, number, day } = c;
  switch (field) {
    case 'client_id':
      return term('errClientRequired');
    case 'order_number':
      return v.order_number.trim() ? term('errNumberTooLong')(number(bounds.orderNumber)) : term('errNumberRequired');
    case 'leads_purchased':
      return term('errQuantity')(number(bounds.quantity.min), number(bounds.quantity.max));
    case 'start_date':
    case 'target_delivery_date':
      return isDay(v[field].trim()) ? term('errDateRange')(day(bounds.dates.min), day(bounds.dates.max)) : term('errDate');
    case 'priority':
      return term('errPriority')(number(bounds.priority.min), number(bounds.priority.max));
    case 'name':
      return term('errTooLong')(number(bounds.name));
    case 'description':
      return term('errTooLong')(number(bounds.description));
    default:
      return term('errTooLong')(number(chars(v[field])));
  }
}

/** What a database refusal says about the form: the field it concerns and its message, or nothing. */
export interface Refusal {
  field: Field;
  message: string;
}

const fields: readonly Field[] = ['client_id', 'order_number', 'leads_purchased', 'start_date', 'target_delivery_date', 'name', 'description', 'priority', 'status'];

/** The form field a refusal's `details.field` names (`p_order_number` or `order_number`), if any. */
function namedField(details: unknown): Field | undefined {
  const raw = details && typeof details === 'object' ? (details as { field?: unknown }).field : undefined;
  if (typeof raw !== 'string') return undefined;
  const name = raw.replace(/^p_/, '') as Field;
  return fields.includes(name) ? name : undefined;
}

/**
 * Maps a refusal (an `OrderTrackingError` from the SDK or the database) to the field it concerns,
 * by its stable code and the field the database names in `details.field`:
 * `order_number_taken` on the number, `quantity_below_delivered` and `invalid_quantity` on the
 * quantity, `invalid_dates` on the date it names (dates in the wrong order: the target date),
 * `client_not_found` on the client, and `invalid_input` on the field it names or its SDK issues.
 * Returns an empty list for a refusal of the form as a whole.
 */
export function refusalsOf(error: unknown, c: MessageContext, v: Values): Refusal[] {
  const { code, details, issues } = (error ?? {}) as { code?: string; details?: unknown; issues?: { path: string }[] };
  const named = namedField(details);
  switch (code) {
    case 'order_number_taken':
      return [{ field: 'order_number', message: c.term('numberTaken') }];
    case 'quantity_below_delivered':
      return [{ field: 'leads_purchased', message: c.term('errQuantityBelowDelivered') }];
    case 'invalid_quantity':
      return [{ field: 'leads_purchased', message: fieldMessage(c, 'leads_purchased', v) }];
    case 'client_not_found':
      return [{ field: 'client_id', message: c.term('errClientRequired') }];
    case 'invalid_dates':
      return named === 'start_date' || named === 'target_delivery_date'
        ? [{ field: named, message: c.term('errDateRange')(c.day(bounds.dates.min), c.day(bounds.dates.max)) }]
        : [{ field: 'target_delivery_date', message: c.term('errDatesOrder') }];
    case 'invalid_input': {
      const found = new Map<Field, string>();
      if (named) found.set(named, fieldMessage(c, named, v));
      for (const issue of issues ?? []) {
        const f = issue.path.split('.').at(-1) as Field;
        if (fields.includes(f)) found.set(f, fieldMessage(c, f, v));
      }
      return [...found].map(([field, message]) => ({ field, message }));
    }
    default:
      return [];
  }
}
