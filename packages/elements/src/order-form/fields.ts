import { CreateOrderInput, OrderChanges } from '@lead-orders/sdk';
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

const int = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
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
 * Which fields are wrong, checked with the SDK's own zod schemas (so the form and the SDK never
 * disagree on a shape) plus the browser's constraint validation for what the inputs know (a
 * quantity of at least 1). Rules the database owns (a number already taken, dates in the wrong
 * order, a quantity below what was delivered) come back from it and land on their field too.
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
  if (!Number.isInteger(quantity) || quantity < 1) bad.add('leads_purchased');
  if (!Number.isInteger(int(v.priority))) bad.add('priority');
  return bad;
}

/** The message for a field the checks above found wrong. */
export function fieldMessage(term: <K extends keyof Translation>(key: K) => Translation[K], field: Field): string {
  switch (field) {
    case 'client_id':
      return term('errClientRequired');
    case 'order_number':
      return term('errNumberRequired');
    case 'leads_purchased':
      return term('errQuantity');
    case 'start_date':
    case 'target_delivery_date':
      return term('errDate');
    case 'priority':
      return term('errPriority');
    default:
      return term('errTooLong');
  }
}

/** The field a database refusal concerns, by its stable code; undefined for the form as a whole. */
export function fieldOfRefusal(code: string | undefined): Field | undefined {
  switch (code) {
    case 'order_number_taken':
      return 'order_number';
    case 'quantity_below_delivered':
    case 'invalid_quantity':
      return 'leads_purchased';
    case 'invalid_dates':
      return 'target_delivery_date';
    case 'client_not_found':
      return 'client_id';
    default:
      return undefined;
  }
}
