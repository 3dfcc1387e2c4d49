/**
 * Date formats the staff and admin views use, apart from ./format.ts so that the read path
 * does not carry them; same cache, same rule: always in the forum's locale.
 */
import { cached } from './format.ts';

/** A medium date and a short time ("12 mars 2026, 13:30" / "Mar 12, 2026, 1:30 PM"), for review lists. */
export function formatDateTimeMedium(locale: string, iso: string): string {
  return cached(`dtm:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

/** "12 mars 2026" / "March 12, 2026". */
export function formatDateLong(locale: string, iso: string): string {
  return cached(`dl:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' })).format(new Date(iso));
}

/** Weekday names, 0 = Monday … 6 = Sunday (2024-01-01 was a Monday). */
export function weekdayNames(locale: string): string[] {
  const format = cached(`wd:${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }));
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
}

/** The weekday and time in a time zone ("lundi 13:30" / "Monday 01:30 PM"), for "who is on now". */
export function formatWeekdayTime(locale: string, iso: string, timeZone: string): string {
  return cached(`wdt:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone })).format(new Date(iso));
}
