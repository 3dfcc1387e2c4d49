/**
 * The rank ladder as the editor holds it: numbers stay the text typed until they are whole
 * numbers (a half-typed field is not lost), names one per locale. The server judges the ladder
 * (level 1 needs nothing, levels never need less, a name in the default locale); the editor only
 * checks that numbers are numbers before it asks.
 */
import { LOCALES, type Locale } from '../../core/index.ts';
import { isEntraideError } from '../../sdk/index.ts';

/**
 * The contract's types, as the SDK's methods take and answer them (elements reach the contract
 * through the SDK only; `sdk/types.ts` does not name the admin area's types yet).
 */
import type { AdminRankLadder } from '../../sdk/types.ts';
export type { AdminRankLadder, RankLadderView } from '../../sdk/types.ts';

export const WEIGHTS = ['post', 'acceptedAnswer', 'kudos', 'confirmedAnswer'] as const;
export type WeightName = (typeof WEIGHTS)[number];

/** The contract's bounds: a count, and days since joining (a century). */
export const MAX_COUNT = 10_000_000;
export const MAX_DAYS = 36_500;

export interface DraftStep {
  /** Stable across removals, so Lit keeps each row's inputs (and focus) in place. */
  key: number;
  names: Record<Locale, string>;
  minScore: string;
  minDays: string;
}

export interface DraftLadder {
  weights: Record<WeightName, string>;
  steps: DraftStep[];
}

let nextKey = 0;

export function toDraft(ladder: AdminRankLadder): DraftLadder {
  return {
    weights: { post: String(ladder.weights.post), acceptedAnswer: String(ladder.weights.acceptedAnswer), kudos: String(ladder.weights.kudos), confirmedAnswer: String(ladder.weights.confirmedAnswer) },
    steps: ladder.steps.map((step) => ({
      key: nextKey++,
      names: Object.fromEntries(LOCALES.map((locale) => [locale, step.names[locale] ?? ''])) as Record<Locale, string>,
      minScore: String(step.minScore),
      minDays: String(step.minDays),
    })),
  };
}

/** A new last level: it needs what the level below needs (the admin raises it), and has no name yet. */
export function newStep(below: DraftStep | undefined): DraftStep {
  return { key: nextKey++, names: Object.fromEntries(LOCALES.map((locale) => [locale, ''])) as Record<Locale, string>, minScore: below?.minScore ?? '0', minDays: below?.minDays ?? '0' };
}

/** A whole number from 0 to `max`, else undefined. */
export function wholeNumber(text: string, max: number): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value <= max ? value : undefined;
}

/** The fields (`weights.post`, `steps.<key>.minDays`) that hold no whole number in range. */
export function badNumbers(draft: DraftLadder): Set<string> {
  const bad = new Set<string>();
  for (const name of WEIGHTS) if (wholeNumber(draft.weights[name], MAX_COUNT) === undefined) bad.add(`weights.${name}`);
  for (const step of draft.steps) {
    if (wholeNumber(step.minScore, MAX_COUNT) === undefined) bad.add(`steps.${step.key}.minScore`);
    if (wholeNumber(step.minDays, MAX_DAYS) === undefined) bad.add(`steps.${step.key}.minDays`);
  }
  return bad;
}

/** The ladder to send, or undefined while a number field holds no whole number. Blank names are left out. */
export function toLadder(draft: DraftLadder): AdminRankLadder | undefined {
  if (badNumbers(draft).size) return undefined;
  const count = (text: string, max: number) => wholeNumber(text, max)!;
  return {
    weights: {
      post: count(draft.weights.post, MAX_COUNT), acceptedAnswer: count(draft.weights.acceptedAnswer, MAX_COUNT),
      kudos: count(draft.weights.kudos, MAX_COUNT), confirmedAnswer: count(draft.weights.confirmedAnswer, MAX_COUNT),
    },
    steps: draft.steps.map((step) => ({
      names: Object.fromEntries(LOCALES.flatMap((locale) => (step.names[locale].trim() ? [[locale, step.names[locale].trim()]] : []))),
      minScore: count(step.minScore, MAX_COUNT),
      minDays: count(step.minDays, MAX_DAYS),
    })),
  };
}

/** One text per ladder, names in locale order: equal texts, equal ladders. */
export function ladderKey(ladder: AdminRankLadder): string {
  return JSON.stringify({
    weights: WEIGHTS.map((name) => ladder.weights[name]),
    steps: ladder.steps.map((step) => [LOCALES.map((locale) => step.names[locale]?.trim() ?? ''), step.minScore, step.minDays]),
  });
}

/** The server's reasons for refusing a ladder (a 400), or undefined for any other failure. */
export function problemsOf(error: unknown): string[] | undefined {
  if (!isEntraideError(error) || error.status !== 400) return undefined;
  const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  // The ladder's own rules point at `/steps` and read alone; a field's check names its path.
  const messages = details.flatMap((detail) => {
    if (typeof detail.message !== 'string' || !detail.message) return [];
    return typeof detail.path === 'string' && detail.path !== '/steps' && detail.path !== '' ? [`${detail.path}: ${detail.message}`] : [detail.message];
  });
  return messages.length ? messages : [error.message];
}
