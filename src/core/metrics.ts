/**
 * Pure helpers for the community metrics (study §17–§20: about 90 % of answers come from
 * members). The server does the counting in SQL; these turn counts into figures.
 */

/** Median of a list; null when empty (no answer is not a zero-minute answer). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `part / total` rounded to four decimals; null when there is nothing to share. */
export function share(part: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((part / total) * 10_000) / 10_000;
}

/**
 * Circles of participation (study §17): a small core answers most questions, occasional
 * helpers answer now and then, most people come once to ask.
 */
export const CIRCLES = ['core', 'occasional', 'one-time-asker'] as const;
export type Circle = (typeof CIRCLES)[number];
/** Replies to other people's threads in the period that make a member part of the core. */
export const CORE_MIN_REPLIES = 10;

export function circleOf(activity: { replies: number; threads: number }): Circle | null {
  if (activity.replies >= CORE_MIN_REPLIES) return 'core';
  if (activity.replies >= 1) return 'occasional';
  if (activity.threads >= 1) return 'one-time-asker';
  return null;
}

export function countCircles(members: readonly { replies: number; threads: number }[]): Record<Circle, number> {
  const counts: Record<Circle, number> = { core: 0, occasional: 0, 'one-time-asker': 0 };
  for (const member of members) {
    const circle = circleOf(member);
    if (circle) counts[circle] += 1;
  }
  return counts;
}
