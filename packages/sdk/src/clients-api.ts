import type * as z from 'zod/mini';
import type { Call, RequestOptions } from './call.js';
import { keysetPages } from './keyset.js';
import { ClientFilters, ClientPage } from './schemas/pages.js';
import { checkInput } from './validation.js';

export interface ClientsApi {
  /**
   * One page of clients by name (then id), from `list_clients`, for the order form's client
   * picker. Admins only: a client gets `forbidden`, anon `unauthenticated`. Errors also
   * `invalid_input` (limit outside 1–500, search over 200 characters), `invalid_cursor`.
   */
  list(filters?: ClientFilters, options?: RequestOptions): Promise<ClientPage>;
  /** Every page in turn. */
  pages(filters?: ClientFilters, options?: RequestOptions): AsyncIterableIterator<ClientPage>;
}

function clientArgs(filters: unknown): Record<string, unknown> {
  const [f] = checkInput([['filters', ClientFilters, filters ?? {}]]) as [z.infer<typeof ClientFilters>];
  return { p_search: f.search ?? null, p_limit: f.limit, p_cursor: f.cursor ?? null };
}

/** `clients.list` and `clients.pages` over `public.list_clients`. */
export function clientsApi(call: Call): ClientsApi {
  const fetchPage = (args: Record<string, unknown>, options?: RequestOptions) => call('list_clients', args, ClientPage, options?.signal);
  return {
    list: async (filters, options) => fetchPage(clientArgs(filters), options),
    pages: (filters, options) => keysetPages(fetchPage, clientArgs(filters), options),
  };
}
