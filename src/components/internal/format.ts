/**
 * Numbers and dates through `Intl`, with formatters cached per locale: a long thread formats
 * hundreds of dates, and building a formatter costs far more than using one.
 */
import { isServer } from 'lit';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

export function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** "mars 2026" / "March 2026", for join dates. */
export function formatMonthYear(locale: string, iso: string): string {
  return cached(`my:${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' })).format(new Date(iso));
}

/**
 * A server-rendered page shows fixed dates in UTC: the same bytes for every reader and every
 * minute (pages are cached), and the same text the browser renders while it hydrates. Once
 * hydrated, the forum turns them into relative times in the reader's zone (`useReaderDates`).
 */
let fixedDates = isServer;

/** Whether dates read as fixed (server rendering, then hydration) or relative to now, in the reader's zone. */
export function setFixedDates(fixed: boolean): void {
  fixedDates = fixed;
}

/** "6 déc. 2026" / "Dec 6, 2026", in UTC: what a server-rendered page shows for a relative time. */
function formatFixedDate(locale: string, iso: string): string {
  return cached(`fd:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(iso));
}

/** The full date and time, for tooltips and `<time title>`. */
export function formatDateTime(locale: string, iso: string): string {
  const zone = fixedDates ? 'UTC' : undefined;
  return cached(`dt:${locale}:${zone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: fixedDates ? 'long' : 'short', timeZone: zone })).format(new Date(iso));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "il y a 5 minutes" / "5 minutes ago"; under a minute reads as "now". */
export function formatRelative(locale: string, iso: string, now: number = Date.now()): string {
  if (fixedDates) return formatFixedDate(locale, iso);
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = cached(`rt:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** "20 412" / "20,412": counts in the forum's locale. */
export function formatNumber(locale: string, value: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
