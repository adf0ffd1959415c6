// Building an Intl formatter costs far more than using one; a table formats a date per row.
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`'YYYY-MM-DD'`, as the database returns `date` columns) in the reader's
 * language, e.g. "Mar 31, 2025" or "31.03.2025". The day is read and shown in UTC, so it never
 * moves by a time zone.
 */
export function formatDay(lang: string, day: string | null): string {
  if (!day) return '';
  let format = cache.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
    }
    cache.set(lang, format);
  }
  const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? day : format.format(time);
}
