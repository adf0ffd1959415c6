/**
 * The schemas of every method's last argument, the options object: strict like inputs, so a
 * misspelt `leadlimit` or `onprogress` is refused with `unknown_field` instead of doing nothing.
 */
import * as z from 'zod/mini';

// Duck-typed: signals from another realm (a test DOM, undici) are signals too.
export const Signal = z.custom<AbortSignal>(
  (v) => typeof v === 'object' && v !== null && typeof (v as AbortSignal).aborted === 'boolean' && typeof (v as AbortSignal).addEventListener === 'function',
  'expected an AbortSignal',
);

/** A function argument (callbacks such as `onChange`, `onProgress`). */
export const Callback = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function');

/** An optional, strict options object: `{ signal? }` plus the method's own `shape`. */
export const requestOptions = <S extends z.core.$ZodLooseShape>(shape?: S) =>
  z.optional(z.strictObject({ signal: z.optional(Signal), ...(shape as S) }));

/** `{ signal? }`: the options of every method without options of its own. */
export const Options = requestOptions();
