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
    case 'invalid_union': {
      // Report the branch that got furthest, or a plain "invalid value".
      const branch = issue.errors?.find((e) => e.length > 0 && e.every((i) => i.path.length > 0)) ?? issue.errors?.[0];
      const first = branch?.[0];
      return first && first.path.length === 0 ? describe(first) : 'matches none of the accepted shapes';
    }
    case 'unrecognized_keys':
      return `unknown field ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message;
  }
}

export function issuesOf(raw: readonly RawIssue[], prefix: string): FieldIssue[] {
  return raw.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: describe(issue),
  }));
}

function summary(issues: FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** A list of `[name, schema, value]` checked together, so one error names every bad argument. */
export type Checks = ReadonlyArray<readonly [name: string, schema: z.ZodMiniType, value: unknown]>;

/** Validates arguments before any request; throws `invalid_input` listing each field's problem. */
export function checkInput(checks: Checks): unknown[] {
  const issues: FieldIssue[] = [];
  const values = checks.map(([name, schema, value]) => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    issues.push(...issuesOf(result.error.issues as readonly RawIssue[], name));
    return undefined;
  });
  if (issues.length > 0) {
    throw new OrderTrackingError('invalid_input', `Invalid input: ${summary(issues)}`, { issues, details: issues });
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
