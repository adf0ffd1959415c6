import type * as z from 'zod/mini';
import { OrderTrackingError, type FieldIssue } from './errors.js';

interface RawIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  format?: string;
  values?: readonly unknown[];
  minimum?: unknown;
  maximum?: unknown;
  keys?: readonly string[];
  errors?: readonly (readonly RawIssue[])[];
}

// zod/mini ships no messages ("Invalid input"); these few words are cheaper than its English locale.
function describe(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' ? 'unexpected field' : `expected ${String(issue.expected)}`;
    case 'invalid_format':
      return issue.format === 'guid' ? 'expected a uuid' : issue.format === 'date' ? 'expected a date (YYYY-MM-DD)' : `expected ${issue.format ?? 'another format'}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `unknown field ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message;
  }
}

const join = (parts: readonly PropertyKey[]) => parts.map(String).filter((part) => part !== '').join('.');

/** A failed union is reported as its closest branch: the one with the fewest issues. */
function flatten(raw: readonly RawIssue[]): RawIssue[] {
  return raw.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !issue.errors?.length) return [issue];
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    return flatten(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

export function issuesOf(raw: readonly RawIssue[], prefix: string): FieldIssue[] {
  // An unknown key is reported at its own path, one issue per key.
  return flatten(raw).flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? (issue.keys ?? []).map((key) => ({ path: join([prefix, ...issue.path, key]), message: 'unknown field' }))
      : [{ path: join([prefix, ...issue.path]), message: describe(issue) }],
  );
}

/**
 * An object's own enumerable fields on a prototype-free copy: fields inherited from a prototype
 * (a polluted `Object.prototype.clientId`) are neither read nor returned, and an own `__proto__`
 * or `constructor` key stays an ordinary key, which the strict schemas then refuse as unknown.
 */
function ownFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) copy[key] = (value as Record<string, unknown>)[key];
  return copy;
}

function summary(issues: FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** A list of `[name, schema, value]` checked together, so one error names every bad argument. */
export type Checks = ReadonlyArray<readonly [name: string, schema: z.ZodMiniType, value: unknown]>;

/**
 * Validates arguments before any request. Throws `unknown_field` when the only problems are keys
 * no schema knows (a typo such as `clientID`, `__proto__`), otherwise `invalid_input`; either way
 * `issues` lists each field's problem.
 */
export function checkInput(checks: Checks): unknown[] {
  const issues: FieldIssue[] = [];
  let onlyUnknownKeys = true;
  const values = checks.map(([name, schema, value]) => {
    const result = schema.safeParse(ownFields(value));
    // The parsed object leaves absent optional keys out; read through a plain object, they would
    // fall back to Object.prototype.
    if (result.success) return ownFields(result.data);
    const raw = flatten(result.error.issues as readonly RawIssue[]);
    if (raw.some((issue) => issue.code !== 'unrecognized_keys')) onlyUnknownKeys = false;
    issues.push(...issuesOf(raw, name));
    return undefined;
  });
  if (issues.length > 0) {
    const code = onlyUnknownKeys ? 'unknown_field' : 'invalid_input';
    throw new OrderTrackingError(code, `${onlyUnknownKeys ? 'Unknown field' : 'Invalid input'}: ${summary(issues)}`, { issues, details: issues });
  }
  return values;
}

/** Parses a database result; a mismatch means the database and the SDK disagree on a shape. */
export function parseResult<S extends z.ZodMiniType>(schema: S, value: unknown, fn: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error.issues as readonly RawIssue[], '');
  throw new OrderTrackingError('invalid_response', `Unexpected result from ${fn}: ${summary(issues)}`, {
    issues,
    details: issues,
    cause: value,
  });
}
