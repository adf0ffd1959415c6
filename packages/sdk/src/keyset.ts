import type { RequestOptions } from './call.js';

/**
 * Walks keyset pages: fetches the first page with `args`, then each next one with its
 * `next_cursor` as `p_cursor`, until a page has none. Arguments are checked once, before the first
 * request, by whoever built `args`.
 */
export async function* keysetPages<P extends { next_cursor: string | null }>(
  fetchPage: (args: Record<string, unknown>, options?: RequestOptions) => Promise<P>,
  args: Record<string, unknown>,
  options?: RequestOptions,
): AsyncIterableIterator<P> {
  const next = { ...args };
  for (;;) {
    const page = await fetchPage(next, options);
    yield page;
    if (page.next_cursor === null) return;
    next.p_cursor = page.next_cursor;
  }
}
