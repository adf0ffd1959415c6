import type * as z from 'zod/mini';
import type { Call, RequestOptions } from './call.js';
import { keysetPages } from './keyset.js';
import { LeadFilters, LeadPage } from './schemas/pages.js';
import { Options } from './request-options.js';
import { checkInput } from './validation.js';

export interface LeadReadsApi {
  /**
   * One page of leads, newest first (`created_at` desc, `id` desc), from `list_leads`. An admin
   * sees every lead (with `client_id` and `client_name`); a client only its own leads and the
   * client columns. Refused before sending: `unknown_field` (a key `LeadFilters` or the options
   * do not list), `invalid_input` (limit outside 1–500, search over 200 characters, a cursor over
   * 1,000, more than 50 statuses, NUL bytes, ids that are no uuids). From the database:
   * `invalid_input` (`orderId` with `noOrder`), `invalid_dates` (`deliveredFrom` after
   * `deliveredTo`), `invalid_cursor`, `unauthenticated` (anon).
   */
  list(filters?: LeadFilters, options?: RequestOptions): Promise<LeadPage>;
  /** Every page in turn: `for await (const page of leads.pages({ noOrder: true, clientId }))`. */
  pages(filters?: LeadFilters, options?: RequestOptions): AsyncIterableIterator<LeadPage>;
}

function leadArgs(filters: unknown, options: unknown): Record<string, unknown> {
  const [f] = checkInput([
    ['filters', LeadFilters, filters ?? {}],
    ['options', Options, options],
  ]) as [z.infer<typeof LeadFilters>];
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
    list: async (filters, options) => fetchPage(leadArgs(filters, options), options),
    // Checked on the first `next()`, as `orders.pages` is.
    async *pages(filters, options) {
      yield* keysetPages(fetchPage, leadArgs(filters, options), options);
    },
  };
}
