/**
 * The status ladder shown in every post header (study §22): about fifteen ranked statuses,
 * computed from participation alone, so nobody grants them by hand.
 */

/** What a member has done, as counted by the server. */
export interface Participation {
  posts: number;
  acceptedAnswers: number;
  kudosReceived: number;
  /** Answers an advisor confirmed and credited (study §32–33); absent = none. */
  confirmedAnswers?: number;
  /** Whole days since the member joined. */
  daysSinceJoining: number;
}

/** One step of the ladder: reached when both the score and the seniority are met. */
export interface RankStep {
  /** In the community's default locale. */
  name: string;
  /** The name in each locale, when an admin wrote them. */
  names?: Partial<Record<'fr' | 'en', string>>;
  minScore: number;
  minDays: number;
}

/** How much each kind of participation weighs in the score. */
export interface RankWeights {
  post: number;
  acceptedAnswer: number;
  kudos: number;
  /** Absent in ladders stored before confirmations existed: then it weighs like an accepted answer. */
  confirmedAnswer?: number;
}

export interface RankLadder {
  weights: RankWeights;
  /** Ordered from level 1 upwards; level 1 must need nothing. */
  steps: readonly RankStep[];
}

export interface Rank {
  /** 1-based position on the ladder. */
  level: number;
  name: string;
}

export const DEFAULT_RANK_WEIGHTS: RankWeights = { post: 1, acceptedAnswer: 10, kudos: 2, confirmedAnswer: 10 };

/** Fifteen statuses; communities rename them (the study's forum used "Mercurien" … "Super Mercurien"). */
export const DEFAULT_RANK_LADDER: RankLadder = {
  weights: DEFAULT_RANK_WEIGHTS,
  steps: [
    { name: 'Newcomer', minScore: 0, minDays: 0 },
    { name: 'Visitor', minScore: 5, minDays: 0 },
    { name: 'Regular', minScore: 15, minDays: 1 },
    { name: 'Contributor', minScore: 30, minDays: 3 },
    { name: 'Active contributor', minScore: 60, minDays: 7 },
    { name: 'Helper', minScore: 100, minDays: 14 },
    { name: 'Trusted helper', minScore: 175, minDays: 21 },
    { name: 'Advanced', minScore: 300, minDays: 30 },
    { name: 'Expert', minScore: 500, minDays: 45 },
    { name: 'Senior expert', minScore: 800, minDays: 60 },
    { name: 'Guide', minScore: 1200, minDays: 90 },
    { name: 'Senior guide', minScore: 2000, minDays: 120 },
    { name: 'Mentor', minScore: 3500, minDays: 150 },
    { name: 'Legend', minScore: 6000, minDays: 180 },
    { name: 'Super legend', minScore: 10000, minDays: 240 },
  ],
};

export function rankScore(participation: Participation, weights: RankWeights = DEFAULT_RANK_WEIGHTS): number {
  return (
    participation.posts * weights.post +
    participation.acceptedAnswers * weights.acceptedAnswer +
    participation.kudosReceived * weights.kudos +
    (participation.confirmedAnswers ?? 0) * (weights.confirmedAnswer ?? weights.acceptedAnswer)
  );
}

/** The highest step whose score and seniority are both met. */
export function computeRank(participation: Participation, ladder: RankLadder = DEFAULT_RANK_LADDER): Rank {
  const score = rankScore(participation, ladder.weights);
  let level = 1;
  ladder.steps.forEach((step, index) => {
    if (score >= step.minScore && participation.daysSinceJoining >= step.minDays) level = index + 1;
  });
  return { level, name: ladder.steps[level - 1]?.name ?? '' };
}

/** Why a ladder cannot be used, or an empty list when it can. */
export function ladderProblems(ladder: RankLadder): string[] {
  const problems: string[] = [];
  const first = ladder.steps[0];
  if (!first) return ['the ladder has no step'];
  if (first.minScore !== 0 || first.minDays !== 0) problems.push('level 1 must need a score of 0 and 0 days');
  ladder.steps.forEach((step, index) => {
    const previous = ladder.steps[index - 1];
    if (!step.name.trim()) problems.push(`level ${index + 1} has no name`);
    if (previous && (step.minScore < previous.minScore || step.minDays < previous.minDays)) {
      problems.push(`level ${index + 1} needs less than level ${index}`);
    }
  });
  return problems;
}

const MS_PER_DAY = 86_400_000;

export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY));
}

/** Where a member stands on the ladder: the public criteria of the next step and what is still missing. */
export interface RankProgress {
  /** The member's score, with the ladder's weights. */
  score: number;
  daysSinceJoining: number;
  /** The next step up, or null on the top step. */
  next: { level: number; name: string; names?: Partial<Record<'fr' | 'en', string>>; minScore: number; minDays: number } | null;
  /** How the score is counted (shown as the public criteria). */
  weights: Required<RankWeights>;
}

/** The next step above the member's own (computeRank's level + 1), with the ladder's weights spelled out. */
export function rankProgress(participation: Participation, ladder: RankLadder = DEFAULT_RANK_LADDER): RankProgress {
  const { level } = computeRank(participation, ladder);
  const step = ladder.steps[level];
  const weights = { ...ladder.weights, confirmedAnswer: ladder.weights.confirmedAnswer ?? ladder.weights.acceptedAnswer };
  const next = step ? { level: level + 1, name: step.name, ...(step.names ? { names: step.names } : {}), minScore: step.minScore, minDays: step.minDays } : null;
  return { score: rankScore(participation, ladder.weights), daysSinceJoining: participation.daysSinceJoining, next, weights };
}
