/**
 * The administration's pure rules: limits of what an admin sets, how a category treats the
 * customer's account (study §27), slugs, and the rank ladder as an admin writes it (names in
 * each locale) versus as the rank computation reads it.
 */
import type { Locale } from './domain.ts';
import { ladderProblems, type RankLadder } from './ranks.ts';

export const ADMIN_LIMITS = {
  nameMax: 80,
  signatureMax: 1000,
  jargonMax: 200,
  categoriesMax: 100,
  categoryNameMax: 80,
  categoryDescriptionMax: 300,
  /** A week: the study's advisors wait 3–4 hours; nobody waits more than a week. */
  holdbackMaxMinutes: 7 * 24 * 60,
  rankStepsMax: 30,
  rankNameMax: 40,
} as const;

/**
 * `asker`: the asker says whether an advisor must open the account (then no holdback);
 * `always`: every question of the category needs it (billing disputes); `never`: none does.
 */
export const ACCOUNT_ACCESS = ['asker', 'always', 'never'] as const;
export type AccountAccess = (typeof ACCOUNT_ACCESS)[number];

/** Whether a new question needs the customer's account, by its category's rule and the asker's answer. */
export function needsAccount(rule: AccountAccess, askerSays: boolean | undefined): boolean {
  if (rule === 'always') return true;
  if (rule === 'never') return false;
  return askerSays ?? false;
}

/** A slug from a name: "Réseau & 5G" → "reseau-5g"; empty when nothing is left. */
export function slugFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export type Labels = Partial<Record<Locale, string>>;

/** A label in `locale`, else the community's default, else any. */
export function labelIn(labels: Labels, locale: Locale, fallback: Locale): string {
  return labels[locale] ?? labels[fallback] ?? Object.values(labels).find(Boolean) ?? '';
}

/** The ladder as an admin writes it: every step named in each locale. */
export interface AdminLadder {
  weights: { post: number; acceptedAnswer: number; kudos: number; confirmedAnswer: number };
  steps: Array<{ names: Labels; minScore: number; minDays: number }>;
}

/** What the rank computation reads: each step's `name` in the community's default locale, its `names` kept. */
export function ladderFromAdmin(ladder: AdminLadder, locale: Locale): RankLadder {
  return {
    weights: { ...ladder.weights },
    steps: ladder.steps.map((step) => ({ name: labelIn(step.names, locale, locale).trim(), names: { ...step.names }, minScore: step.minScore, minDays: step.minDays })),
  };
}

/** The ladder as the admin view shows it: a step stored with one name has it in the default locale. */
export function ladderForAdmin(ladder: RankLadder, locale: Locale): AdminLadder {
  const weights = ladder.weights;
  return {
    weights: { post: weights.post, acceptedAnswer: weights.acceptedAnswer, kudos: weights.kudos, confirmedAnswer: weights.confirmedAnswer ?? weights.acceptedAnswer },
    steps: ladder.steps.map((step) => ({ names: step.names ?? { [locale]: step.name }, minScore: step.minScore, minDays: step.minDays })),
  };
}

/** Why an admin's ladder cannot be used: core's ladder rules, plus a name in the default locale on every step. */
export function adminLadderProblems(ladder: AdminLadder, locale: Locale): string[] {
  const unnamed = ladder.steps.flatMap((step, index) => (step.names[locale]?.trim() ? [] : [`level ${index + 1} has no name in ${locale}`]));
  return [...unnamed, ...ladderProblems(ladderFromAdmin(ladder, locale)).filter((problem) => !problem.endsWith('has no name'))];
}
