// Formatters per time zone: building one costs far more than using it, and lists render many rows.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let found = dayFormats.get(key);
  if (!found) {
    try {
      // en-CA writes dates as YYYY-MM-DD, the shape of the database's `date` columns.
      found = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined });
    } catch {
      found = new Intl.DateTimeFormat('en-CA'); // an unknown zone falls back to the browser's
    }
    dayFormats.set(key, found);
  }
  return found;
}

/**
 * Whole calendar days from today to `date` (a `YYYY-MM-DD` date as the database stores it):
 * 0 on the day itself, negative once it has passed. "Today" is the date in `timeZone` (an IANA
 * name such as `Pacific/Auckland`; empty or unknown means the browser's own zone) at `now`
 * (ms since the epoch), not the database server's UTC date.
 */
export function daysUntil(date: string, timeZone?: string, now = Date.now()): number {
  return Math.round((Date.parse(date) - Date.parse(dayFormat(timeZone).format(now))) / 864e5);
}
