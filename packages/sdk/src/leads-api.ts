import type * as z from 'zod/mini';
import type { Call, RequestOptions } from './call.js';
import { keysetPages } from './keyset.js';
import { LeadFilters, LeadPage } from './schemas/pages.js';
import { checkInput } from './validation.js';

export interface LeadReadsApi {
  /**
   * One page of leads, newest first (`created_at` desc, `id` desc), from `list_leads`. An admin
   * sees every lead (with `client_id` and `client_name`); a client only its own leads and the
   * client columns. Errors: `invalid_input` (bad filter shape, limit outside 1–500, search over
   * 200 characters, `orderId` with `noOrder`), `invalid_dates` (`deliveredFrom` after
   * `deliveredTo`), `invalid_cursor`, `unauthenticated` (anon).
   */
  list(filters?: LeadFilters, options?: RequestOptions): Promise<LeadPage>;
  /** Every page in turn: `for await (const page of leads.pages({ noOrder: true, clientId }))`. */
  pages(filters?: LeadFilters, options?: RequestOptions): AsyncIterableIterator<LeadPage>;
}

function leadArgs(filters: unknown): Record<string, unknown> {
  const [f] = checkInput([['filters', LeadFilters, filters ?? {}]]) as [z.infer<typeof LeadFilters>];
  return {
    p_client_id: f.clientId ?? null,
    p_order_id: f.orderId ?? null,
    p_no_order: f.noOrder ?? false,
    p_status: f.status === undefined ? null : Array.isArray(f.status) ? f.status : [f.status],
    p_search: f.search ?? null,
    p_delivered_from: f.deliveredFrom ?? null,
    p_delivered_to: f.deliveredTo ?? null,
    p_limit: f.limit,
    p_cursor: f.cursor ?? null,
  };
}

/** `leads.list` and `leads.pages` over `public.list_leads`. */
export function leadReads(call: Call): LeadReadsApi {
  const fetchPage = (args: Record<string, unknown>, options?: RequestOptions) => call('list_leads', args, LeadPage, options?.signal);
  return {
    list: async (filters, options) => fetchPage(leadArgs(filters), options),
    pages: (filters, options) => keysetPages(fetchPage, leadArgs(filters), options),
  };
}
