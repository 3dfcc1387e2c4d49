/**
 * Numbers and dates through `Intl`, with formatters cached per locale: a long thread formats
 * hundreds of dates, and building a formatter costs far more than using one.
 */
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

/** The full date and time, for tooltips and `<time title>`. */
export function formatDateTime(locale: string, iso: string): string {
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' })).format(new Date(iso));
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
