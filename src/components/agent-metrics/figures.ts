/**
 * Metrics into readable figures, through Intl: shares as percentages, medians as durations in
 * the largest unit that stays readable. Missing values (no answer yet) are not zeros.
 */
import type { Metrics } from '../../sdk/types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `part / total`, or null when there is nothing to share. */
export function ratio(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

export function formatPercent(locale: string, value: number | null, none: string): string {
  if (value === null) return none;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatCount(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "12 minutes", "3.5 hours", "2 days". */
export function formatDuration(locale: string, ms: number | null, none: string): string {
  if (ms === null) return none;
  const [unit, size] = ms < 90 * MINUTE ? ['minute', MINUTE] as const : ms < 48 * HOUR ? ['hour', HOUR] as const : ['day', DAY] as const;
  const format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: unit === 'minute' ? 0 : 1 });
  return format.format(ms / size);
}

export interface Split {
  community: number | null;
  advisors: number | null;
}

/** Shares of a community/advisor figure, from the counts so both sides add up to 100 %. */
export function split(figures: Metrics['firstAnswers']): Split {
  return { community: ratio(figures.byMembers, figures.total), advisors: ratio(figures.byAdvisors, figures.total) };
}

/** The period's bounds, `days` back from `now`. */
export function periodOf(days: number, now: number): { from: string; to: string } {
  return { from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() };
}
