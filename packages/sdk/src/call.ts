import type * as z from 'zod/mini';
import type { DatabaseFunction } from './transport.js';

/**
 * How the method groups reach the database: the factory's one `call`, which sends named arguments
 * (undefined ones left out, so the database's defaults apply), retries reads after a `network`
 * failure, and parses the result with `schema`.
 */
export type Call = <S extends z.ZodMiniType>(
  fn: DatabaseFunction,
  args: Record<string, unknown>,
  schema: S,
  signal: AbortSignal | undefined,
) => Promise<z.output<S>>;

/** Every method takes these last. */
export interface RequestOptions {
  /** Cancels the request; the method then rejects with code `aborted`. */
  signal?: AbortSignal;
}
