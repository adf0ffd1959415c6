import type * as z from 'zod/mini';
import type { DatabaseFunction } from './transport.js';

/**
 * How the method groups reach the database: the factory's one `call`, which sends named arguments
 * (undefined ones left out, so the database's defaults apply), retries reads after a `network`
 * or `conflict` failure, and parses the result with `schema`.
 */
export type Call = <S extends z.ZodMiniType>(
  fn: DatabaseFunction,
  args: Record<string, unknown>,
  schema: S,
  signal: AbortSignal | undefined,
) => Promise<z.output<S>>;

/** Every method takes these last. */
export interface RequestOptions {
  /**
   * Cancels the request. A read then rejects with `aborted`. A write rejects with `aborted` only
   * when it had not been sent (nothing was applied); once sent, it rejects with
   * `outcome_unknown` at once, because the database may commit it anyway.
   */
  signal?: AbortSignal;
}
