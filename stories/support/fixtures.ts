/** Story data the demo community has no need to hold: one author per step of the status ladder. */
import type { Author } from '../../src/contract/models.ts';
import { DEFAULT_RANK_LADDER } from '../../src/core/index.ts';

/** One author for each of the fifteen steps of the default ladder. */
export function authorsOnEveryRank(): Author[] {
  return DEFAULT_RANK_LADDER.steps.map((step, index) => ({
    id: 1_000 + index,
    pseudonym: `Membre${index + 1}`,
    role: 'member',
    team: null,
    rank: { level: index + 1, name: step.name },
    postCount: Math.max(1, step.minScore),
    joinedAt: new Date(Date.parse('2026-11-24T00:00:00Z') - step.minDays * 86_400_000).toISOString(),
  }));
}
