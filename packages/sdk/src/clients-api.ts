import type * as z from 'zod/mini';
import type { Call, RequestOptions } from './call.js';
import { keysetPages } from './keyset.js';
import { ClientFilters, ClientPage } from './schemas/pages.js';
import { Options } from './request-options.js';
import { checkInput } from './validation.js';

export interface ClientsApi {
  /**
   * One page of clients by name (then id), from `list_clients`, for the order form's client
   * picker. Admins only: a client gets `forbidden`, anon `unauthenticated`. Refused before
   * sending: `unknown_field` (a key `ClientFilters` or the options do not list), `invalid_input`
   * (limit outside 1–500, search over 200 characters, a cursor over 1,000, NUL bytes). From the
   * database also `invalid_cursor`.
   */
  list(filters?: ClientFilters, options?: RequestOptions): Promise<ClientPage>;
  /** Every page in turn. */
  pages(filters?: ClientFilters, options?: RequestOptions): AsyncIterableIterator<ClientPage>;
}

function clientArgs(filters: unknown, options: unknown): Record<string, unknown> {
  const [f] = checkInput([
    ['filters', ClientFilters, filters ?? {}],
    ['options', Options, options],
  ]) as [z.infer<typeof ClientFilters>];
  return { p_search: f.search ?? null, p_limit: f.limit, p_cursor: f.cursor ?? null };
}

/** `clients.list` and `clients.pages` over `public.list_clients`. */
export function clientsApi(call: Call): ClientsApi {
  const fetchPage = (args: Record<string, unknown>, options?: RequestOptions) => call('list_clients', args, ClientPage, options?.signal);
  return {
    list: async (filters, options) => fetchPage(clientArgs(filters, options), options),
    // Checked on the first `next()`, as `orders.pages` is.
    async *pages(filters, options) {
      yield* keysetPages(fetchPage, clientArgs(filters, options), options);
    },
  };
}
