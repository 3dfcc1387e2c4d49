/**
 * Quality review rules (study §11): managers judge quality, not volume — each month they read
 * two or three posts per advisor and score them on a short rubric. The sample is random but
 * reproducible, so reloading the page (or another manager) sees the same posts.
 */

/** Posts sampled per advisor each month (the study's managers read "two or three"). */
export const REVIEW_SAMPLE_SIZE = 3;

export const RUBRIC_CRITERIA = ['accuracy', 'clarity', 'tone', 'involvement'] as const;
export type RubricCriterion = (typeof RUBRIC_CRITERIA)[number];
export const RUBRIC_MIN = 1;
export const RUBRIC_MAX = 4;

export type RubricScores = Record<RubricCriterion, number>;

export interface MonthRange {
  month: string;
  start: Date;
  /** Exclusive: the first instant of the next month. */
  end: Date;
}

/** `YYYY-MM` → the month's UTC bounds; null when the text is not a real month. */
export function parseReviewMonth(text: string): MonthRange | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  if (year < 2000 || year > 2999 || monthIndex < 0 || monthIndex > 11) return null;
  return { month: text, start: new Date(Date.UTC(year, monthIndex, 1)), end: new Date(Date.UTC(year, monthIndex + 1, 1)) };
}

/** The `YYYY-MM` of an instant, in UTC. */
export function reviewMonthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** FNV-1a: a small stable string hash, enough to seed a sample. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a seeded generator of numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks `size` of an advisor's post ids for a month, at random but always the same for the
 * same month, advisor and posts (seeded by month and advisor id); returned in id order.
 */
export function pickReviewSample(month: string, advisorId: number, postIds: readonly number[], size = REVIEW_SAMPLE_SIZE): number[] {
  // Sorted first: the database may return rows in any order, the sample must not depend on it.
  const pool = [...new Set(postIds)].sort((a, b) => a - b);
  const random = seededRandom(hashSeed(`${month}:${advisorId}`));
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.max(0, size)).sort((a, b) => a - b);
}

export interface RubricProblem {
  path: string;
  message: string;
}

/** Every criterion is a whole score from 1 (poor) to 4 (excellent). */
export function rubricProblems(scores: Partial<Record<RubricCriterion, unknown>>): RubricProblem[] {
  const problems: RubricProblem[] = [];
  for (const criterion of RUBRIC_CRITERIA) {
    const score = scores[criterion];
    if (typeof score !== 'number' || !Number.isInteger(score) || score < RUBRIC_MIN || score > RUBRIC_MAX) {
      problems.push({ path: `/${criterion}`, message: `${criterion} must be a whole score from ${RUBRIC_MIN} to ${RUBRIC_MAX}` });
    }
  }
  return problems;
}

/** The mean of the four scores, to one decimal (what a manager's summary shows). */
export function rubricAverage(scores: RubricScores): number {
  const total = RUBRIC_CRITERIA.reduce((sum, criterion) => sum + scores[criterion], 0);
  return Math.round((total / RUBRIC_CRITERIA.length) * 10) / 10;
}

/**
 * Colleagues credited as "assisted by" when a reviewed draft is posted: those the author named,
 * plus the approving colleagues when the author asks; never the author.
 */
export function draftCredits(authorId: number, named: readonly number[], approvers: readonly number[], creditApprovers: boolean): number[] {
  const ids = new Set([...named, ...(creditApprovers ? approvers : [])]);
  ids.delete(authorId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * How a draft is published: citing community replies makes it a confirmation (which carries
 * FAQ links and "assisted by" credits); otherwise it is a plain advisor reply, which cannot.
 */
export function draftPublishing(draft: { citedPostIds: readonly number[]; faqArticleIds: readonly number[]; credits: readonly number[] }):
  { path: 'confirmation' | 'reply'; problem: RubricProblem | null } {
  if (draft.citedPostIds.length > 0) return { path: 'confirmation', problem: null };
  if (draft.credits.length > 0 || draft.faqArticleIds.length > 0) {
    return { path: 'reply', problem: { path: '/citedPostIds', message: 'FAQ links and "assisted by" credits go with a confirmation: cite at least one community reply' } };
  }
  return { path: 'reply', problem: null };
}

/** The public trace left on a thread handed to the back office (study §17–18: always a public mark). */
export const HANDOFF_TRACE_TEXTS = {
  fr: 'Un conseiller a pris en charge votre demande en privé : votre dossier est suivi par nos services.',
  en: 'An advisor has taken over your request in private: our team is following up on your account.',
} as const;
